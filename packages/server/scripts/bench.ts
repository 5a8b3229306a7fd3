/**
 * Licence claims per second, split where the time goes: a bare conditional update of the pool, the
 * store's claim statement (claim, version bump, member insert and its event) issued raw on the same
 * driver, `store.createMember` (the statement with the store's own work around it), and the whole
 * handler (`POST /v1/members`). Then the summary's latency with 10,000 members; on PGlite, and on
 * PostgreSQL when SEATS_TEST_DATABASE_URL is set. Prints numbers; asserts nothing.
 */
import { PGlite } from '@electric-sql/pglite';
import { definePolicy } from '@seats/core';
import type pg from 'pg';
import { pgliteSettings } from '../src/create-pglite-store';
import {
  createDevBilling,
  createSeatsHandler,
  type NewMember,
  type SeatsStore,
} from '../src/index';
import { createPgliteStore } from '../src/pglite';
import { createPostgresStore } from '../src/postgres';
import { createPostgresTestSchema, testDatabaseUrl } from '../src/postgres-test-schema';
import { randomId } from '../src/random-id';
import type { SeatsEvent } from '../src/seats-event';
import { eventsWithIds } from '../src/sql-event-outbox';
import { createMemberStatement } from '../src/sql-store';

const policy = definePolicy({ name: 'bench' });
const now = new Date('2026-06-15T00:00:00.000Z');
const levels = [1, 16, 64];
const rounds = 3;

async function seed(store: SeatsStore, id: string, members: NewMember[] = []) {
  await store.createAccount({
    account: {
      id,
      name: id,
      plan: 'Bench',
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
        purchased: 10_000_000,
        scheduledRemoval: 0,
        pendingSignature: 0,
        unitPrice: 1_000,
      },
    ],
    members,
    now: now.toISOString(),
  });
}

/** Runs `total` calls of `task` with `concurrency` in flight; answers calls per second. */
async function throughput(total: number, concurrency: number, task: () => Promise<void>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        await task();
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function run(
  label: string,
  store: SeatsStore,
  raw: (sql: string, params: unknown[]) => Promise<unknown[]>,
  claims: number,
) {
  const handle = createSeatsHandler({
    store,
    // Charges are approved and recorded by the development provider, named as such.
    billing: createDevBilling(),
    clock: () => now,
    identify: (request) => ({
      accountId: request.headers.get('x-account') ?? '',
      memberId: null,
      role: 'owner',
    }),
  });
  console.log(`\n${label}`);
  console.log(
    'concurrency | (a) update/s | (b) statement/s | store/s | (c) handler/s | b/a  | c/b  | c/a',
  );
  for (const concurrency of levels) {
    const accounts = {
      update: `raw-${concurrency}`,
      statement: `statement-${concurrency}`,
      store: `store-${concurrency}`,
      handler: `claims-${concurrency}`,
    };
    for (const account of Object.values(accounts)) await seed(store, account);
    let claimed = 0;
    /** A member as the route would write it, with the one `seat.claimed` event it records. */
    const newMember = (accountId: string) => {
      const index = claimed++;
      const id = randomId('mem');
      const member = {
        id,
        name: `User ${index}`,
        email: `user${index}@example.com`,
        status: 'active',
        role: 'member',
        poolId: 'seats',
        consumes: true,
        addOnIds: [],
      };
      const events: SeatsEvent[] = [
        {
          type: 'seat.claimed',
          accountId,
          at: now.toISOString(),
          requestId: randomId('req'),
          memberId: id,
          poolId: 'seats',
        },
      ];
      return { member, events };
    };
    const tasks = {
      update: async () => {
        await raw(
          `UPDATE seats_pools SET used = used + 1
           WHERE account_id = $1 AND id = $2 AND used < purchased - scheduled_removal RETURNING used`,
          [accounts.update, 'seats'],
        );
      },
      statement: async () => {
        const { member, events } = newMember(accounts.statement);
        const { sql, params } = createMemberStatement(
          accounts.statement,
          member,
          'seats',
          now.toISOString(),
          eventsWithIds(events),
        );
        const rows = await raw(sql, params);
        if (rows.length !== 1) throw new Error('the claim statement wrote nothing');
      },
      store: async () => {
        const { member, events } = newMember(accounts.store);
        const written = await store.createMember(
          accounts.store,
          member,
          ['seats'],
          now.toISOString(),
          events,
        );
        if (written.status !== 'written') throw new Error(`the store answered ${written.status}`);
      },
      handler: async () => {
        const index = claimed++;
        const response = await handle(
          new Request('http://bench.test/v1/members', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-account': accounts.handler },
            body: JSON.stringify({
              name: `User ${index}`,
              email: `user${index}@example.com`,
              status: 'active',
              role: 'member',
            }),
          }),
        );
        if (response.status !== 201) throw new Error(`claim answered ${response.status}`);
      },
    };
    // Alternating rounds, best of each, so that load from other processes skews all sides alike.
    const best = { update: 0, statement: 0, store: 0, handler: 0 };
    for (let round = 0; round < rounds; round++) {
      for (const name of Object.keys(best) as (keyof typeof best)[]) {
        best[name] = Math.max(best[name], await throughput(claims, concurrency, tasks[name]));
      }
    }
    const cell = (value: number, width: number) => value.toFixed(0).padStart(width);
    console.log(
      [
        String(concurrency).padStart(11),
        cell(best.update, 12),
        cell(best.statement, 15),
        cell(best.store, 7),
        cell(best.handler, 13),
        (best.statement / best.update).toFixed(2).padStart(4),
        (best.handler / best.statement).toFixed(2).padStart(4),
        (best.handler / best.update).toFixed(2),
      ].join(' | '),
    );
  }

  const members = Array.from({ length: 10_000 }, (_, index) => ({
    id: `big-${index}`,
    name: `Member ${index}`,
    email: `m${index}@example.com`,
    status: index % 5 === 0 ? 'inactive' : 'active',
    role: 'member',
    poolId: 'seats',
    consumes: index % 5 !== 0,
  }));
  await seed(store, 'big', members);
  const latencies: number[] = [];
  for (let index = 0; index < 200; index++) {
    const started = performance.now();
    const response = await handle(
      new Request('http://bench.test/v1/summary', { headers: { 'x-account': 'big' } }),
    );
    await response.text();
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `summary with 10,000 members: p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms`,
  );
}

const db = await PGlite.create({ postgresqlconf: pgliteSettings });
await run(
  'PGlite (in memory)',
  await createPgliteStore({ db }),
  async (sql, params) => (await db.query(sql, params)).rows,
  300,
);
await db.close();

if (testDatabaseUrl === undefined) {
  console.log('\nPostgreSQL skipped: set SEATS_TEST_DATABASE_URL to measure it.');
} else {
  const schema = await createPostgresTestSchema(testDatabaseUrl);
  try {
    const pool: pg.Pool = schema.pool(20);
    await run(
      `PostgreSQL (node-postgres, pool of 20, ${schema.name})`,
      await createPostgresStore({ pool }),
      async (sql, params) => (await pool.query(sql, params)).rows,
      500,
    );
  } finally {
    await schema.drop();
  }
}
