import { createSeatsClient, type SeatsClient } from '@seats/client';
import { createSeatsMsw } from '@seats/server/msw';
import { setupWorker } from 'msw/browser';

/**
 * Where the tests' clock starts: a billing period that crosses a year, so that dates print with
 * both years. The clock runs on from there, so the tests mean the same on every day.
 */
export const testStart = '2026-12-10T09:00:00Z';
const startedAt = performance.now();

/** The real Seats handler over in-browser PGlite, served through a service worker. */
export const api = await createSeatsMsw({
  baseUrl: '/api/seats',
  clock: () => new Date(Date.parse(testStart) + performance.now() - startedAt),
});

/** The service worker answering with `api`; tests listen to its `events` to see the traffic. */
export const worker = setupWorker(...api.handlers);
await worker.start({ onUnhandledRequest: 'bypass', quiet: true });

/** A client acting as `role` in the demo account `account` (a preset's name, or a variant's id). */
export function clientFor(account: string, role?: string): SeatsClient {
  return createSeatsClient({
    baseUrl: '/api/seats',
    headers: {
      'x-seats-account': account,
      ...(role === undefined ? {} : { 'x-seats-role': role }),
    },
  });
}
