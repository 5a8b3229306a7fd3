/**
 * Licence claims per second through the handler against a raw conditional update on the same
 * driver, and the summary's latency with 10,000 members; on PGlite, and on PostgreSQL when
 * SEATS_TEST_DATABASE_URL is set. Prints numbers; asserts nothing.
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
  raw: (sql: string, params: unknown[]) => Promise<unknown>,
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
  console.log('concurrency | handler claims/s | raw update/s | ratio');
  for (const concurrency of levels) {
    const account = `claims-${concurrency}`;
    const rawAccount = `raw-${concurrency}`;
    await seed(store, account);
    await seed(store, rawAccount);
    let claimed = 0;
    const claim = async () => {
      const index = claimed++;
      const response = await handle(
        new Request('http://bench.test/v1/members', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-account': account },
          body: JSON.stringify({
            name: `User ${index}`,
            email: `user${index}@example.com`,
            status: 'active',
            role: 'member',
          }),
        }),
      );
      if (response.status !== 201) throw new Error(`claim answered ${response.status}`);
    };
    const update = async () => {
      await raw(
        `UPDATE seats_pools SET used = used + 1
         WHERE account_id = $1 AND id = $2 AND used < purchased - scheduled_removal RETURNING used`,
        [rawAccount, 'seats'],
      );
    };
    // Alternating rounds, best of each, so that load from other processes skews both sides alike.
    let viaHandler = 0;
    let baseline = 0;
    for (let round = 0; round < rounds; round++) {
      viaHandler = Math.max(viaHandler, await throughput(claims, concurrency, claim));
      baseline = Math.max(baseline, await throughput(claims, concurrency, update));
    }
    console.log(
      `${String(concurrency).padStart(11)} | ${viaHandler.toFixed(0).padStart(16)} | ${baseline
        .toFixed(0)
        .padStart(12)} | ${(viaHandler / baseline).toFixed(2)}`,
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
  (sql, params) => db.query(sql, params),
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
      (sql, params) => pool.query(sql, params),
      500,
    );
  } finally {
    await schema.drop();
  }
}
