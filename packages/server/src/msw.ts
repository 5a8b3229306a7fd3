import { delay, HttpResponse, http, type RequestHandler } from 'msw';
import { openPgliteStore } from './create-pglite-store';
import { createSeatsHandler } from './create-seats-handler';
import { demoIdentify } from './demo-identify';
import { demoPassword } from './demo-password';
import { createDevBilling, type DevBilling } from './dev-billing';
import type { SeatsEvent } from './seats-event';
import { seedDemoAccounts } from './seed-demo-accounts';

export interface SeatsMswOptions {
  /**
   * Where the API is mounted: a path, relative to the page's origin in a browser and matching any
   * origin in Node, or an absolute URL. @default '/api/seats'
   */
  baseUrl?: string;
  /** The clock of the handler. @default () => new Date() */
  clock?: () => Date;
}

/** Faults to inject into the next requests, for stories and tests of failure states. */
export interface SeatsMswFaults {
  /** Delays every response by `ms` until reset. */
  latency(ms: number): void;
  /** Makes the next payment fail (402 `payment_failed`). */
  failNextPayment(): void;
  /** Answers the next `times` requests with 500 `internal_error`. */
  serverError(times?: number): void;
  /** Fails the next `times` requests as a network error. */
  networkError(times?: number): void;
  /** Removes every fault. */
  reset(): void;
}

/** An e-signature request the mock "sent", with the token that signs it. */
export interface SentSignature {
  accountId: string;
  changeId: string;
  token: string;
}

export interface SeatsMsw {
  handlers: RequestHandler[];
  faults: SeatsMswFaults;
  billing: DevBilling;
  /** E-signature requests sent so far, oldest first (the development outbox). */
  signatures(): SentSignature[];
  /** Events the handler emitted, oldest first. */
  events(): SeatsEvent[];
  /** Puts the demo accounts back as seeded and removes every fault, charge and signature. */
  reset(): Promise<void>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * MSW handlers that answer `${baseUrl}/v1/*` with the real `createSeatsHandler` over an in-memory
 * PGlite database seeded with `seedDemoAccounts`, identified by `demoIdentify` headers. Runs in a
 * browser (Vite needs `optimizeDeps: { exclude: ['@electric-sql/pglite'] }`) and in Node with
 * `setupServer` from `msw/node`. A password confirmation accepts `demoPassword`.
 */
export async function createSeatsMsw(options: SeatsMswOptions = {}): Promise<SeatsMsw> {
  const baseUrl = (options.baseUrl ?? '/api/seats').replace(/\/+$/, '');
  const origin = typeof location === 'undefined' ? null : location.origin;
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(baseUrl);
  const base = absolute ? new URL(baseUrl) : null;
  const basePath = base === null ? baseUrl : base.pathname.replace(/\/+$/, '');
  const originPattern =
    base !== null
      ? escapeRegExp(base.origin)
      : origin !== null
        ? escapeRegExp(origin)
        : '[a-z]+://[^/]+';
  const pattern = new RegExp(`^${originPattern}${escapeRegExp(basePath)}/v1/`);

  // Bundled as any module, since this runs in browsers too.
  const store = await openPgliteStore({}, () => import('@electric-sql/pglite'));
  const billing = createDevBilling();
  let sent: SentSignature[] = [];
  let emitted: SeatsEvent[] = [];
  const handle = createSeatsHandler({
    store,
    identify: demoIdentify,
    billing,
    basePath,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    verifyPassword: (_identity, password) => password === demoPassword,
    requestSignature: ({ accountId, changeId, token }) => {
      sent.push({ accountId, changeId, token });
    },
    onEvent: (event) => {
      emitted.push(event);
    },
  });
  await seedDemoAccounts(store, options.clock === undefined ? {} : { now: options.clock() });

  let latency = 0;
  let serverErrors = 0;
  let networkErrors = 0;
  const faults: SeatsMswFaults = {
    latency(ms) {
      latency = ms;
    },
    failNextPayment() {
      billing.failNext();
    },
    serverError(times = 1) {
      serverErrors = times;
    },
    networkError(times = 1) {
      networkErrors = times;
    },
    reset() {
      latency = 0;
      serverErrors = 0;
      networkErrors = 0;
      billing.reset();
    },
  };

  const handlers: RequestHandler[] = [
    http.all(pattern, async ({ request }) => {
      if (latency > 0) await delay(latency);
      if (networkErrors > 0) {
        networkErrors -= 1;
        return HttpResponse.error();
      }
      if (serverErrors > 0) {
        serverErrors -= 1;
        return HttpResponse.json(
          {
            type: 'https://seats.dev/problems/internal-error',
            title: 'Internal error',
            status: 500,
            code: 'internal_error',
            requestId: 'req_injected',
          },
          {
            status: 500,
            headers: { 'content-type': 'application/problem+json', 'x-request-id': 'req_injected' },
          },
        );
      }
      return handle(request);
    }),
  ];

  return {
    handlers,
    faults,
    billing,
    signatures: () => [...sent],
    events: () => [...emitted],
    async reset() {
      faults.reset();
      sent = [];
      emitted = [];
      await store.clear();
      await seedDemoAccounts(store, options.clock === undefined ? {} : { now: options.clock() });
    },
  };
}
