import { createSeatsClient, type SeatsClient } from '@seats/client';
import type { PresetName } from '@seats/core';
import { createSeatsMsw, type SeatsMsw } from '@seats/server/msw';

/** Where the stories' client finds the API; MSW answers it in the browser. */
export const seatsBaseUrl = '/api/seats';

/**
 * Where the stories' clock starts, so that every story shows the same dates and amounts on every
 * day: a billing period that crosses a year, whose dates print with both years.
 */
export const storyStart = '2026-12-10T09:00:00Z';

let api: Promise<SeatsMsw> | undefined;

/**
 * The real Seats handler over an in-browser PGlite database seeded with one demo account per
 * preset, created once per page and shared by every story on it. Its clock starts at `storyStart`
 * and runs on from there.
 */
export function seatsApi(): Promise<SeatsMsw> {
  const startedAt = performance.now();
  api ??= createSeatsMsw({
    baseUrl: seatsBaseUrl,
    clock: () => new Date(Date.parse(storyStart) + performance.now() - startedAt),
  });
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
