import { PGlite } from '@electric-sql/pglite';
import { definePolicy } from '@seats/core';
import { ProblemSchema } from '@seats/core/contract';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevBilling, createSeatsHandler, type DevBilling, type SeatsStore } from './index';
import { createPgliteStore } from './pglite';
import { createPostgresStore } from './postgres';
import { startTestProxy, type TestProxy } from './postgres-test-proxy';
import {
  announceSkippedPostgres,
  createPostgresTestSchema,
  testDatabaseUrl,
} from './postgres-test-schema';

announceSkippedPostgres('the resilience suite (terminated backends, refused connections)');

const policy = definePolicy({ name: 'resilience' });
const now = new Date('2026-06-15T00:00:00.000Z');

async function seedAccount(store: SeatsStore, id: string, purchased: number) {
  await store.createAccount({
    account: {
      id,
      name: id,
      plan: 'Team',
      currency: 'EUR',
      billingPeriod: { start: '2026-06-01T00:00:00.000Z', end: '2026-07-01T00:00:00.000Z' },
      contract: { kind: 'self-serve' },
    },
    policy,
    pools: [
      {
        id: 'seats',
        name: 'Seats',
        term: 'monthly',
        purchased,
        scheduledRemoval: 0,
        pendingSignature: 0,
        unitPrice: 3_000,
      },
    ],
    members: [],
    now: '2026-06-01T00:00:00.000Z',
  });
}

function handlerFor(store: SeatsStore, billing: DevBilling = createDevBilling()) {
  return createSeatsHandler({
    store,
    billing,
    clock: () => now,
    identify: (request) => ({
      accountId: request.headers.get('x-account') ?? '',
      memberId: null,
      role: 'owner',
    }),
  });
}

function call(
  account: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return new Request(`http://host.test/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-account': account, ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

async function addMember(
  handler: ReturnType<typeof handlerFor>,
  account: string,
  status = 'inactive',
) {
  const response = await handler(
    call(account, 'POST', '/members', {
      name: 'Ada',
      email: 'ada@example.com',
      status,
      role: 'member',
    }),
  );
  expect(response.status).toBe(201);
  return (await response.json()).id as string;
}

/** 50 concurrent renames of one member: each is applied, or answers 409 `conflict`, never exhaustion. */
async function renameRace(handler: ReturnType<typeof handlerFor>, store: SeatsStore) {
  await seedAccount(store, 'renames', 10);
  const memberId = await addMember(handler, 'renames', 'active');
  const responses = await Promise.all(
    Array.from({ length: 50 }, (_, index) =>
      handler(call('renames', 'PATCH', `/members/${memberId}`, { name: `Ada ${index}` })),
    ),
  );
  const codes = await Promise.all(
    responses.map(async (response) =>
      response.status === 200 ? 'ok' : ((await response.json()).code as string),
    ),
  );
  expect(codes.filter((code) => code !== 'ok' && code !== 'conflict')).toEqual([]);
  const member = await store.getMember('renames', memberId);
  expect(member?.revision).toBe(codes.filter((code) => code === 'ok').length);
  expect((await store.loadAccount('renames'))?.usedByPool.seats).toBe(1);
}

describe('on PGlite', () => {
  let db: PGlite;
  let store: SeatsStore;

  beforeAll(async () => {
    db = await PGlite.create();
    store = await createPgliteStore({ db });
  });

  afterAll(async () => {
    await store?.close();
    await db?.close();
  });

  it('answers a lost rename race with 409 conflict, never no_licence_available', async () => {
    await renameRace(handlerFor(store), store);
  });

  it('charges two accounts whose ids and keys join to the same text separately', async () => {
    const billing = createDevBilling();
    const handler = handlerFor(store, billing);
    for (const [account, key] of [
      ['acme', 'eu:order-7'],
      ['acme:eu', 'order-7'],
    ] as const) {
      await seedAccount(store, account, 5);
      const quote = await (
        await handler(call(account, 'POST', '/quotes', { poolId: 'seats', delta: 1 }))
      ).json();
      const committed = await handler(
        call(account, 'POST', '/changes', { quoteId: quote.id }, { 'idempotency-key': key }),
      );
      expect(committed.status).toBe(201);
    }
    const charges = billing.charges();
    expect(charges.map((charge) => charge.accountId)).toEqual(['acme', 'acme:eu']);
    expect(new Set(charges.map((charge) => charge.idempotencyKey)).size).toBe(2);
    expect(charges.map((charge) => charge.chargeId)).toEqual(['ch_dev_1', 'ch_dev_2']);
  });

  it('names the fields holding lone surrogates or control characters', async () => {
    await seedAccount(store, 'text', 5);
    const response = await handlerFor(store)(
      call(
        'text',
        'POST',
        '/members',
        '{"name":"Ada \\udc00","email":"ada\\u0007@example.com","status":"active","role":"member"}',
      ),
    );
    expect(response.status).toBe(400);
    const problem = ProblemSchema.parse(await response.json());
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.map((error) => [error.field, error.message])).toEqual([
      ['name', 'Remove the unpaired UTF-16 surrogate.'],
      ['email', 'Remove the control character U+0007.'],
    ]);
    expect(await store.listMembers('text', { limit: 10 })).toEqual([]);
  });

  it('answers the health check without an identity', async () => {
    const handler = createSeatsHandler({ store, identify: () => null, basePath: '/api/seats' });
    const response = await handler(new Request('http://host.test/api/seats/v1/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe.skipIf(testDatabaseUrl === undefined)('on PostgreSQL', () => {
  const url = testDatabaseUrl as string;
  const application = `seats_resilience_${process.pid}`;
  let schema: Awaited<ReturnType<typeof createPostgresTestSchema>>;
  let proxy: TestProxy;
  let admin: pg.Pool;
  let store: SeatsStore;

  /** The kit's own backends, by the application name its connection string sets. */
  async function backends(where = 'true'): Promise<number[]> {
    const rows = await admin.query(
      `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND ${where}`,
      [application],
    );
    return rows.rows.map((row) => row.pid as number);
  }

  async function terminate(pids: number[]): Promise<void> {
    for (const pid of pids) await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  }

  beforeAll(async () => {
    schema = await createPostgresTestSchema(url);
    admin = schema.pool(2);
    proxy = await startTestProxy(url);
    const connectionString = new URL(proxy.url);
    connectionString.searchParams.set('options', `-c search_path=${schema.name}`);
    connectionString.searchParams.set('application_name', application);
    store = await createPostgresStore({
      connectionString: connectionString.toString(),
      connectionTimeoutMs: 2_000,
    });
  });

  afterAll(async () => {
    await store?.close();
    await proxy?.close();
    await schema?.drop();
  });

  it('fails only the requests in flight when every backend is terminated, and keeps serving', async () => {
    await seedAccount(store, 'terminated', 30);
    const handler = handlerFor(store);
    const requests: Promise<Response>[] = [];
    for (let round = 0; round < 5; round++) {
      for (let index = 0; index < 12; index++) {
        requests.push(
          index % 3 === 0
            ? handler(call('terminated', 'GET', '/summary'))
            : handler(
                call('terminated', 'POST', '/members', {
                  name: `U${round}-${index}`,
                  email: `u${round}-${index}@example.com`,
                  status: 'active',
                  role: 'member',
                }),
              ),
        );
      }
      await terminate(await backends());
    }
    const responses = await Promise.all(requests);
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);
    for (const response of responses.filter((candidate) => candidate.status === 503)) {
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('retry-after')).toBe('2');
    }
    expect((await handler(call('terminated', 'GET', '/summary'))).status).toBe(200);
    const state = await store.loadAccount('terminated');
    const consuming = await store.listMembers('terminated', { consuming: true, limit: 100 });
    expect(state?.usedByPool.seats).toBe(consuming.length);
    expect(consuming.length).toBeLessThanOrEqual(30);
  });

  it('runs a commit again when its backend is terminated mid-transaction, and charges it once', async () => {
    await seedAccount(store, 'mid-transaction', 5);
    const billing = createDevBilling();
    const handler = handlerFor(store, billing);
    const quote = await (
      await handler(call('mid-transaction', 'POST', '/quotes', { poolId: 'seats', delta: 2 }))
    ).json();
    // Hold the pool row so the commit waits inside its transaction, where it can be terminated.
    const holder = await admin.connect();
    await holder.query('BEGIN');
    await holder.query(
      `SELECT 1 FROM ${schema.name}.seats_pools WHERE account_id = 'mid-transaction' FOR UPDATE`,
    );
    const committing = handler(
      call(
        'mid-transaction',
        'POST',
        '/changes',
        { quoteId: quote.id },
        { 'idempotency-key': 'k' },
      ),
    );
    // pg_terminate_backend only signals: the terminated backend can still show as waiting for a moment.
    const waiting = async (except: number[] = []) => {
      for (let tries = 0; tries < 200; tries++) {
        const pids = await backends("wait_event_type = 'Lock'");
        const fresh = pids.filter((pid) => !except.includes(pid));
        if (fresh.length > 0) return fresh;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the commit never waited for the lock');
    };
    try {
      const first = await waiting();
      await terminate(first);
      const second = await waiting(first);
      expect(second).not.toEqual(first);
    } finally {
      await holder.query('COMMIT');
      holder.release();
    }
    const response = await committing;
    expect(response.status).toBe(201);
    expect((await store.loadAccount('mid-transaction'))?.pools[0]?.purchased).toBe(7);
    expect(await store.listChanges('mid-transaction', { limit: 10 })).toHaveLength(1);
    expect(billing.charges()).toHaveLength(1);
  });

  it('answers 503 with Retry-After while the database refuses connections, then recovers', async () => {
    await seedAccount(store, 'refused', 5);
    const handler = handlerFor(store);
    const health = createSeatsHandler({ store, identify: () => null });
    await proxy.refuse();
    try {
      await terminate(await backends());
      const answers = await Promise.all([
        handler(call('refused', 'GET', '/summary')),
        handler(
          call('refused', 'POST', '/members', {
            name: 'A',
            email: 'a@b.c',
            status: 'active',
            role: 'member',
          }),
        ),
        health(new Request('http://host.test/v1/health')),
      ]);
      for (const answer of answers) {
        expect(answer.status).toBe(503);
        expect(answer.headers.get('retry-after')).toBe('2');
        const problem = ProblemSchema.parse(await answer.json());
        expect(problem.code).toBe('service_unavailable');
      }
    } finally {
      await proxy.accept();
    }
    expect((await health(new Request('http://host.test/v1/health'))).status).toBe(200);
    expect((await handler(call('refused', 'GET', '/summary'))).status).toBe(200);
  });

  it('answers a lost rename race with 409 conflict, never no_licence_available', async () => {
    await renameRace(handlerFor(store), store);
  });
});
