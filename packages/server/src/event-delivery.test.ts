import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Quote } from '@seats/core/contract';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from './demo';
import {
  createDevBilling,
  createSeatsHandler,
  createSeatsJobs,
  type DevBilling,
  EventDeliveryConfigError,
  type EventDeliveryOptions,
  type RecordedSeatsEvent,
  type SeatsStore,
} from './index';
import { createPgliteStore } from './pglite';
import { createPostgresStore } from './postgres';
import {
  announceSkippedPostgres,
  createPostgresTestSchema,
  testDatabaseUrl,
} from './postgres-test-schema';

announceSkippedPostgres('the event outbox and webhook suite');

const start = new Date('2026-03-10T12:00:00.000Z');
const dazos = 'delta-upgrade-at-limit';
const commusoft = 'signed-contract-licence-types';
const secret = `whsec_${Buffer.from('a secret of the receiving endpoint').toString('base64')}`;

interface Received {
  id: string;
  status: number;
  verified: boolean;
  body: { type: string; timestamp: string; data: RecordedSeatsEvent };
}

/**
 * A webhook receiver on 127.0.0.1 that checks each request's signature with the Standard Webhooks
 * verifier and answers `answer(n)` to its n-th request (1-based).
 */
async function startReceiver(answer: (request: number) => number | Promise<number> = () => 204) {
  const received: Received[] = [];
  let requests = 0;
  const verifier = new Webhook(secret);
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      requests += 1;
      let verified = true;
      try {
        verifier.verify(raw, headersOf(request.headers));
      } catch {
        verified = false;
      }
      const status = await answer(requests);
      received.push({
        id: String(request.headers['webhook-id']),
        status,
        verified,
        body: JSON.parse(raw) as Received['body'],
      });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/seats-events`,
    received,
    /** Requests begun, answered or not. */
    started: () => requests,
    /** Ids of the events answered with a 2xx. */
    accepted: () => received.filter((entry) => entry.status < 300).map((entry) => entry.id),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function headersOf(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
}

const drivers = [
  {
    name: 'PGlite',
    skip: false,
    async open() {
      const store = await createPgliteStore();
      // One embedded database has one connection: a second "instance" shares the store.
      return { store, second: store, dispose: () => store.close() };
    },
  },
  {
    name: 'PostgreSQL',
    skip: testDatabaseUrl === undefined,
    async open() {
      const schema = await createPostgresTestSchema(testDatabaseUrl as string);
      const store = await createPostgresStore({ pool: schema.pool(5) });
      const second = await createPostgresStore({ pool: schema.pool(5) });
      return { store, second, dispose: () => schema.drop() };
    },
  },
];

describe.each(drivers)('the event outbox on $name', ({ skip, open }) => {
  let store: SeatsStore;
  let second: SeatsStore;
  let dispose: () => Promise<void>;
  let billing: DevBilling;
  let skew: number;
  let receivers: { close(): Promise<void> }[];

  beforeAll(async () => {
    if (skip) return;
    ({ store, second, dispose } = await open());
  });
  afterAll(async () => {
    if (!skip) await dispose();
  });
  beforeEach(async () => {
    if (skip) return;
    await store.clear();
    await seedDemoAccounts(store, { now: start });
    billing = createDevBilling();
    skew = 0;
    receivers = [];
  });
  afterEach(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
  });

  /** Delivery runs see the wall clock moved forward by `skew`, so a test skips retry delays. */
  const clock = () => new Date(Date.now() + skew);

  async function receiver(answer?: (request: number) => number | Promise<number>) {
    const started = await startReceiver(answer);
    receivers.push(started);
    return started;
  }

  function jobsFor(url: string, options: Partial<EventDeliveryOptions> = {}, on = store) {
    return createSeatsJobs({
      store: on,
      billing,
      clock,
      deliveries: { webhooks: [{ id: 'crm', url, secret }], ...options },
    });
  }

  function api(extra: Partial<Parameters<typeof createSeatsHandler>[0]> = {}) {
    const handle = createSeatsHandler({
      store,
      billing,
      clock: () => start,
      recoverOnStart: false,
      identify: (request) => ({
        accountId: request.headers.get('x-account') ?? dazos,
        memberId: null,
        role: request.headers.get('x-role') ?? 'owner',
      }),
      ...extra,
    });
    return async <T>(
      method: string,
      path: string,
      options: { account?: string; role?: string; body?: unknown; key?: string } = {},
    ): Promise<{ status: number; body: T }> => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.account !== undefined) headers['x-account'] = options.account;
      if (options.role !== undefined) headers['x-role'] = options.role;
      if (options.key !== undefined) headers['idempotency-key'] = options.key;
      const response = await handle(
        new Request(`http://host.test/v1${path}`, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
        }),
      );
      const text = await response.text();
      return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
    };
  }

  /** A purchase of `licences`, then `rounds` members added and deleted: 1 + 2 × rounds events. */
  async function makeEvents(call: ReturnType<typeof api>, rounds: number, licences = 2) {
    const quote = await call<Quote>('POST', '/quotes', {
      body: { poolId: 'users', delta: licences },
    });
    const bought = await call('POST', '/changes', {
      body: { quoteId: quote.body.id },
      key: `buy-${rounds}`,
    });
    expect(bought.status).toBe(201);
    for (let round = 0; round < rounds; round++) {
      const member = await call<{ id: string }>('POST', '/members', {
        body: {
          name: `Member ${round}`,
          email: `m${round}@example.com`,
          status: 'active',
          role: 'member',
        },
      });
      expect(member.status).toBe(201);
      expect((await call('DELETE', `/members/${member.body.id}`)).status).toBe(204);
    }
    return 1 + 2 * rounds;
  }

  async function allEvents(accountId = dazos) {
    return createSeatsJobs({ store, billing }).events({ accountId, limit: 1000 });
  }

  /** Runs `deliver()` until no event is pending, moving the clock past each retry delay. */
  async function drain(deliver: () => Promise<unknown>, accountId = dazos) {
    let runs = 0;
    for (; runs < 50; runs++) {
      await deliver();
      if ((await allEvents(accountId)).every((record) => record.status !== 'pending')) break;
      skew += 60_000;
    }
    return runs + 1;
  }

  it.skipIf(skip)(
    'writes each event with its change and delivers it, signed, to a webhook once',
    async () => {
      const hook = await receiver();
      const synchronous: RecordedSeatsEvent[] = [];
      const written = await makeEvents(api({ onEvent: (event) => synchronous.push(event) }), 3);

      const records = await allEvents();
      expect(records.map((record) => record.event.type)).toEqual([
        'allowance.increased',
        ...Array.from({ length: 3 }, () => ['seat.claimed', 'seat.released']).flat(),
      ]);
      expect(records).toHaveLength(written);
      expect(records[0]?.event).toMatchObject({
        accountId: dazos,
        plan: { dueNow: { currency: expect.any(String) } },
      });
      for (const record of records) expect(record.event.id).toMatch(/^evt_[0-9a-f]{24}$/);
      // The in-process callback sees the same ids and numbers as the outbox.
      expect(synchronous.map((event) => [event.id, event.seq])).toEqual(
        records.map((record) => [record.event.id, record.event.seq]),
      );

      const report = await jobsFor(hook.url).deliver();
      expect(report).toMatchObject({ claimed: written, attempts: written, delivered: written });
      expect(hook.received.every((entry) => entry.verified)).toBe(true);
      expect(hook.accepted()).toEqual(records.map((record) => record.event.id));
      expect(hook.received[0]?.body).toMatchObject({
        type: 'allowance.increased',
        timestamp: start.toISOString(),
        data: { id: records[0]?.event.id, seq: records[0]?.event.seq, accountId: dazos },
      });
      expect((await allEvents()).map((record) => [record.status, record.deliveries])).toEqual(
        records.map(() => [
          'delivered',
          [expect.objectContaining({ endpoint: 'crm', status: 'delivered', attempts: 1 })],
        ]),
      );
      expect(await jobsFor(hook.url).deliver()).toMatchObject({ claimed: 0, attempts: 0 });
    },
  );

  it.skipIf(skip)('rejects a signature made with another secret', async () => {
    const hook = await receiver();
    await makeEvents(api(), 0);
    const other = `whsec_${Buffer.from('not the endpoint secret').toString('base64')}`;
    await createSeatsJobs({
      store,
      billing,
      deliveries: { webhooks: [{ id: 'crm', url: hook.url, secret: other }] },
    }).deliver();
    expect(hook.received.map((entry) => entry.verified)).toEqual([false]);
  });

  it.skipIf(skip)(
    'survives a receiver that fails five times: every event id accepted exactly once',
    async () => {
      const hook = await receiver((request) => (request <= 5 ? 500 : 200));
      const written = await makeEvents(api(), 10, 1);
      const jobs = jobsFor(hook.url, { retryDelayMs: (attempt) => 1_000 * 2 ** (attempt - 1) });
      const runs = await drain(() => jobs.deliver());

      const records = await allEvents();
      const ids = records.map((record) => record.event.id);
      expect(ids).toHaveLength(written);
      expect([...hook.accepted()].sort()).toEqual([...ids].sort());
      expect(new Set(hook.accepted()).size).toBe(hook.accepted().length);
      expect(hook.received.filter((entry) => entry.status === 500)).toHaveLength(5);
      expect(hook.received.every((entry) => entry.verified)).toBe(true);
      const retried = records.filter((record) => (record.deliveries[0]?.attempts ?? 0) > 1);
      expect(retried).toHaveLength(5);
      expect(records.every((record) => record.status === 'delivered')).toBe(true);
      console.log(
        `[seats] failing receiver: ${written} events written, ${hook.accepted().length} accepted (${new Set(hook.accepted()).size} distinct ids), ${hook.received.length} requests (5 answered 500), ${runs} deliver() runs`,
      );
    },
  );

  it.skipIf(skip)(
    'moves an event to dead after maxAttempts, and replays it on request',
    async () => {
      let down = true;
      const hook = await receiver(() => (down ? 503 : 200));
      await makeEvents(api(), 0);
      const jobs = jobsFor(hook.url, { maxAttempts: 3, retryDelayMs: () => 1_000 });
      const runs = await drain(() => jobs.deliver());
      expect(runs).toBe(3);
      const [dead] = await allEvents();
      expect(dead).toMatchObject({
        status: 'dead',
        deliveries: [
          { endpoint: 'crm', status: 'dead', attempts: 3, lastError: 'Error: HTTP 503' },
        ],
      });
      skew += 3_600_000;
      expect(await jobs.deliver()).toMatchObject({ claimed: 0 });
      expect(hook.received).toHaveLength(3);

      down = false;
      expect(
        await jobs.redeliver({
          accountId: dazos,
          endpoint: 'crm',
          after: 0,
          through: dead?.event.seq,
        }),
      ).toEqual({ queued: 1 });
      expect(await jobs.deliver()).toMatchObject({ claimed: 1, delivered: 1 });
      expect(hook.accepted()).toEqual([dead?.event.id]);
      expect((await allEvents())[0]).toMatchObject({
        status: 'delivered',
        deliveries: [{ status: 'delivered', attempts: 1 }],
      });
      await expect(jobs.redeliver({ accountId: dazos, endpoint: 'nobody' })).rejects.toThrow(
        EventDeliveryConfigError,
      );
    },
  );

  it.skipIf(skip)('reads and replays an account by event number range', async () => {
    const hook = await receiver();
    await makeEvents(api(), 3);
    const jobs = jobsFor(hook.url);
    await jobs.deliver();
    const records = await allEvents();
    const seqs = records.map((record) => record.event.seq);
    const middle = await jobs.events({
      accountId: dazos,
      after: seqs[1],
      through: seqs[4],
    });
    expect(middle.map((record) => record.event.seq)).toEqual(seqs.slice(2, 5));
    expect(await jobs.events({ accountId: dazos, after: seqs[1], limit: 2 })).toHaveLength(2);
    expect(await jobs.events({ accountId: commusoft })).toEqual([]);

    expect(
      await jobs.redeliver({ accountId: dazos, endpoint: 'crm', after: seqs[1], through: seqs[4] }),
    ).toEqual({ queued: 3 });
    expect(await jobs.deliver()).toMatchObject({ claimed: 3, delivered: 3 });
    // A replay keeps each event's id, the `webhook-id` a receiver deduplicates by.
    expect(hook.accepted()).toEqual([
      ...records.map((record) => record.event.id),
      ...middle.map((record) => record.event.id),
    ]);
  });

  it.skipIf(skip)(
    'writes no event for a rolled-back transaction, and a declined payment in a transaction of its own',
    async () => {
      const call = api({
        requestSignature: () => {
          throw new Error('the e-signature service is down');
        },
      });
      const quote = await call<Quote>('POST', '/quotes', {
        account: commusoft,
        role: 'owner-manager',
        body: { poolId: 'monthly', delta: 1 },
      });
      const pending = await call('POST', '/changes', {
        account: commusoft,
        role: 'owner-manager',
        body: { quoteId: quote.body.id },
        key: 'buy',
      });
      expect(pending.status).toBe(500);
      expect(await allEvents(commusoft)).toEqual([]);

      billing.failNext('card_declined');
      const offer = await call<Quote>('POST', '/quotes', { body: { poolId: 'users', delta: 1 } });
      const declined = await call('POST', '/changes', {
        body: { quoteId: offer.body.id },
        key: 'declined',
      });
      expect(declined.status).toBe(402);
      expect((await allEvents()).map((record) => record.event)).toEqual([
        expect.objectContaining({
          type: 'payment.failed',
          amount: offer.body.plan.dueNow,
          reason: 'card_declined',
        }),
      ]);
    },
  );

  it.skipIf(skip)(
    'delivers each event once when two instances run deliver() at the same time',
    async () => {
      const hook = await receiver(async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return 200;
      });
      const written = await makeEvents(api(), 15, 1);
      const first = jobsFor(hook.url, { batchSize: 4, concurrency: 2 });
      const other = jobsFor(hook.url, { batchSize: 4, concurrency: 2 }, second);
      const reports = [];
      for (let round = 0; round < 20; round++) {
        const both = await Promise.all([first.deliver(), other.deliver()]);
        reports.push(...both);
        if (both.every((report) => report.claimed === 0)) break;
      }
      expect(hook.accepted()).toHaveLength(written);
      expect(new Set(hook.accepted()).size).toBe(written);
      const claimed = reports.map((report) => report.claimed);
      expect(claimed.reduce((sum, count) => sum + count, 0)).toBe(written);
      console.log(
        `[seats] two concurrent delivery runs: ${written} events written, ${hook.accepted().length} delivered, ${new Set(hook.accepted()).size} distinct ids; claims per run ${claimed.join(' ')}`,
      );
    },
  );

  it.skipIf(skip)(
    'retries a subscriber that throws, and delivers from the handler loop after each commit',
    async () => {
      const seen: string[] = [];
      let failures = 1;
      const stop = new AbortController();
      const startedAt = Date.now();
      const delivered = new Promise<void>((resolve) => {
        const call = api({
          // The handler's clock times the retries of its loop: let it run.
          clock: () => new Date(start.getTime() + Date.now() - startedAt),
          deliveries: {
            subscribers: [
              {
                id: 'ledger',
                async onEvent(event) {
                  if (failures-- > 0) throw new Error('ledger offline');
                  seen.push(event.type);
                  if (seen.length === 3) resolve();
                },
              },
            ],
            retryDelayMs: () => 20,
            intervalMs: 25,
            signal: stop.signal,
          },
        });
        void makeEvents(call, 1);
      });
      await delivered;
      // The last attempt is recorded just after the subscriber returned.
      await expect
        .poll(async () => (await allEvents()).map((record) => record.status))
        .toEqual(['delivered', 'delivered', 'delivered']);
      stop.abort();
      expect(seen.sort()).toEqual(['allowance.increased', 'seat.claimed', 'seat.released']);
      const records = await allEvents();
      expect(
        records.map((record) => record.deliveries.map((delivery) => delivery.attempts)).sort(),
      ).toEqual([[1], [1], [2]]);
      expect(records.flatMap((record) => record.deliveries)).toEqual(
        records.map(() => expect.objectContaining({ endpoint: 'ledger', status: 'delivered' })),
      );
    },
  );

  it.skipIf(skip)(
    'prunes, at tick, events delivered before the retention and keeps pending ones',
    async () => {
      const call = api();
      const written = await makeEvents(call, 1);
      const delivering = createSeatsJobs({
        store,
        billing,
        clock,
        deliveries: { subscribers: [{ id: 'log', onEvent: () => {} }] },
      });
      expect(await delivering.deliver()).toMatchObject({ delivered: written });
      const added = await call('POST', '/members', {
        body: { name: 'Late', email: 'late@example.com', status: 'active', role: 'member' },
      });
      expect(added.status).toBe(201);

      const report = await createSeatsJobs({ store, billing, clock: () => start }).tick({
        now: new Date(start.getTime() + 60_000),
        retentionMs: 0,
      });
      expect(report.pruned.events).toBe(written);
      const left = await allEvents();
      expect(left.map((record) => [record.event.type, record.status])).toEqual([
        ['seat.claimed', 'pending'],
      ]);
    },
  );

  it.skipIf(skip)(
    'fails an attempt on a subscriber that never answers, after its timeout',
    async () => {
      const written = await makeEvents(api(), 1);
      const jobs = createSeatsJobs({
        store,
        billing,
        clock,
        deliveries: {
          subscribers: [{ id: 'hung', timeoutMs: 50, onEvent: () => new Promise<void>(() => {}) }],
        },
      });
      expect(await jobs.deliver()).toMatchObject({
        claimed: written,
        delivered: 0,
        retrying: written,
      });
    },
  );

  it.skipIf(skip)(
    'leaves the events of a run that stalls mid-delivery to the next run once their lease ends',
    async () => {
      let release: () => void = () => {};
      const held = new Promise<number>((resolve) => {
        release = () => resolve(200);
      });
      const hook = await receiver((request) => (request === 1 ? held : 200));
      const written = await makeEvents(api(), 3);
      const stalled = jobsFor(hook.url, { batchSize: 2, concurrency: 1, leaseMs: 60_000 });
      const stalledRun = stalled.deliver();
      await expect.poll(() => hook.started()).toBe(1);

      const next = jobsFor(hook.url);
      // Within the lease, the other run takes every event but the two claimed.
      expect(await next.deliver()).toMatchObject({ claimed: written - 2, delivered: written - 2 });
      skew += 61_000;
      expect(await next.deliver()).toMatchObject({ claimed: 2, delivered: 2 });
      release();
      // The stalled run's answer comes back after its lease: it records nothing, and leaves its
      // second event alone.
      expect(await stalledRun).toMatchObject({ claimed: 2, attempts: 1 });

      const ids = (await allEvents()).map((record) => record.event.id);
      expect(new Set(hook.accepted())).toEqual(new Set(ids));
      expect(hook.accepted()).toHaveLength(written + 1);
      expect((await allEvents()).map((record) => record.deliveries[0]?.attempts)).toEqual(
        ids.map(() => 1),
      );
    },
  );

  it.skipIf(skip)(
    'writes the period end of tick() to the outbox with its change, and delivers it',
    async () => {
      const hook = await receiver();
      const jobs = jobsFor(hook.url);
      await jobs.tick({ now: new Date(start.getTime() + 40 * 24 * 3_600_000) });
      const types = (await allEvents()).map((record) => record.event.type);
      expect(types).toContain('period.rolled');
      // Every demo account rolled: their events, each account's in its own transaction.
      const report = await jobs.deliver();
      expect(report.delivered).toBe(report.claimed);
      expect(new Set(hook.accepted()).size).toBe(report.claimed);
      expect(hook.accepted()).toEqual(
        expect.arrayContaining((await allEvents()).map((record) => record.event.id)),
      );
    },
  );

  it.skipIf(skip)('sends an endpoint only the event types it asks for', async () => {
    const hook = await receiver();
    const seats: string[] = [];
    await makeEvents(api(), 2);
    const jobs = createSeatsJobs({
      store,
      billing,
      deliveries: {
        webhooks: [{ id: 'crm', url: hook.url, secret, types: ['allowance.increased'] }],
        subscribers: [
          { id: 'seats', types: ['seat.claimed'], onEvent: (event) => void seats.push(event.id) },
        ],
      },
    });
    expect(await jobs.deliver()).toMatchObject({ claimed: 5, attempts: 3, delivered: 3 });
    const records = await allEvents();
    const idsOf = (type: string) =>
      records.filter((record) => record.event.type === type).map((record) => record.event.id);
    expect(hook.accepted()).toEqual(idsOf('allowance.increased'));
    expect(seats).toEqual(idsOf('seat.claimed'));
    expect(records.every((record) => record.status === 'delivered')).toBe(true);
  });

  it.skipIf(skip)('refuses deliveries without endpoints, or with two of one id', () => {
    expect(() => createSeatsJobs({ store, billing, deliveries: {} })).toThrow(
      EventDeliveryConfigError,
    );
    expect(() =>
      createSeatsJobs({
        store,
        billing,
        deliveries: {
          webhooks: [{ id: 'crm', url: 'http://127.0.0.1:9/', secret }],
          subscribers: [{ id: 'crm', onEvent: () => {} }],
        },
      }),
    ).toThrow('Two event endpoints have the id "crm"');
  });
});

describe.skipIf(testDatabaseUrl === undefined)('event delivery killed with SIGKILL', () => {
  const workerScript = fileURLToPath(
    new URL('../scripts/event-delivery-worker.ts', import.meta.url),
  );
  const serverRoot = fileURLToPath(new URL('..', import.meta.url));

  it('loses no event when the delivering process dies mid-batch', async () => {
    const schema = await createPostgresTestSchema(testDatabaseUrl as string);
    const store = await createPostgresStore({ pool: schema.pool(4) });
    const billing = createDevBilling();
    let kill: () => void = () => {};
    // The worker is killed as its sixth request arrives, before it is answered.
    const hook = await startReceiver(async (request) => {
      if (request === 6) {
        kill();
        await new Promise((resolve) => setTimeout(resolve, 200));
        return 503;
      }
      return 204;
    });
    let worker: ReturnType<typeof spawn> | undefined;
    try {
      await seedDemoAccounts(store, { now: start });
      const handle = createSeatsHandler({
        store,
        billing,
        clock: () => start,
        recoverOnStart: false,
        identify: () => ({ accountId: dazos, memberId: null, role: 'owner' }),
      });
      const post = (path: string, body: unknown, key?: string) =>
        handle(
          new Request(`http://host.test/v1${path}`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(key === undefined ? {} : { 'idempotency-key': key }),
            },
            body: JSON.stringify(body),
          }),
        );
      const quote = (await (await post('/quotes', { poolId: 'users', delta: 12 })).json()) as Quote;
      expect((await post('/changes', { quoteId: quote.id }, 'buy')).status).toBe(201);
      for (let member = 0; member < 12; member++) {
        const added = await post('/members', {
          name: `Member ${member}`,
          email: `m${member}@example.com`,
          status: 'active',
          role: 'member',
        });
        expect(added.status).toBe(201);
      }
      const written = 13;

      const child = spawn(
        process.execPath,
        ['--conditions', '@seats/source', '--import', 'tsx', workerScript],
        {
          cwd: serverRoot,
          env: {
            ...process.env,
            SEATS_DELIVERY_DATABASE_URL: testDatabaseUrl,
            SEATS_DELIVERY_SCHEMA: schema.name,
            SEATS_DELIVERY_WEBHOOK: hook.url,
            SEATS_DELIVERY_SECRET: secret,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
        child.once('exit', (code, signal) => resolve(signal ?? code)),
      );
      worker = child;
      kill = () => child.kill('SIGKILL');
      expect(await exited, output).toBe('SIGKILL');
      const acceptedBeforeKill = hook.accepted().length;

      // A surviving instance, after the dead run's lease (5 minutes by default).
      // It keeps running, as a real one does: an attempt the kill disturbed is retried after its
      // delay, which its clock moves past between runs.
      let skewMs = 301_000;
      const survivor = createSeatsJobs({
        store,
        billing,
        clock: () => new Date(Date.now() + skewMs),
        deliveries: { webhooks: [{ id: 'crm', url: hook.url, secret }] },
      });
      const report = { claimed: 0, delivered: 0 };
      for (let run = 0; run < 5; run++) {
        const ran = await survivor.deliver();
        report.claimed += ran.claimed;
        report.delivered += ran.delivered;
        const pending = await survivor.events({ accountId: dazos });
        if (pending.every((record) => record.status === 'delivered')) break;
        skewMs += 60_000;
      }
      const records = await survivor.events({ accountId: dazos });
      expect(records).toHaveLength(written);
      expect(records.every((record) => record.status === 'delivered')).toBe(true);
      const accepted = hook.accepted();
      const distinct = new Set(accepted);
      expect(distinct).toEqual(new Set(records.map((record) => record.event.id)));
      expect(hook.received.every((entry) => entry.verified)).toBe(true);
      console.log(
        `[seats] delivery process killed mid-batch: ${written} events written; ${acceptedBeforeKill} accepted from the killed run; the survivor claimed ${report.claimed} and delivered ${report.delivered}; ${distinct.size} distinct ids accepted, ${accepted.length - distinct.size} accepted twice`,
      );
    } finally {
      // A worker left running after a failed assertion would outlive the test.
      if (worker !== undefined && worker.exitCode === null && worker.signalCode === null)
        worker.kill('SIGKILL');
      await hook.close();
      await store.close();
      await schema.drop();
    }
  }, 60_000);
});
