import { createSeatsClient, type SeatsClient } from '@seats/client';
import type { PresetName } from '@seats/core';
import { createSeatsMsw, type SeatsMsw } from '@seats/server/msw';

/** Where the stories' client finds the API; MSW answers it in the browser. */
export const seatsBaseUrl = '/api/seats';

let api: Promise<SeatsMsw> | undefined;

/**
 * The real Seats handler over an in-browser PGlite database seeded with one demo account per
 * preset, created once per page and shared by every story on it.
 */
export function seatsApi(): Promise<SeatsMsw> {
  api ??= createSeatsMsw({ baseUrl: seatsBaseUrl });
  return api;
}

/** A client acting as `role` (default: the account's admin) in the demo account of `account`. */
export function clientFor(account: PresetName, role?: string): SeatsClient {
  return createSeatsClient({
    baseUrl: seatsBaseUrl,
    headers: {
      'x-seats-account': account,
      ...(role === undefined ? {} : { 'x-seats-role': role }),
    },
  });
}
