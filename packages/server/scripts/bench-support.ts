/** What the benchmark scripts share: the drivers, an account to load, timing and printing. */
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

/** `SEATS_BENCH_FULL=1` runs the sizes the figures in the README come from; CI runs the default. */
export const full = process.env.SEATS_BENCH_FULL === '1';

export const benchNow = new Date('2026-06-15T00:00:00.000Z');

export const benchPolicy = definePolicy({
  name: 'bench',
  statuses: ['active', 'inactive', 'invited'],
});

export interface BenchDriver {
  label: string;
  store: SeatsStore;
  /** Runs one statement outside the store, as a bare client would. */
  raw(sql: string, params?: unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

/** PGlite in memory, then PostgreSQL when SEATS_TEST_DATABASE_URL is set (in a schema of its own). */
export async function* benchDrivers(poolSize = 20): AsyncGenerator<BenchDriver> {
  // As createPgliteStore opens its own, with the raw statements on the same database.
  const db = await PGlite.create({ postgresqlconf: pgliteSettings });
  // The raw statements write only accounts the handler never reads, so the store may keep its reads.
  const store = await createPgliteStore({ db, exclusive: true });
  yield {
    label: 'PGlite (in memory)',
    store,
    raw: async (sql, params) => (await db.query(sql, params)).rows,
    close: () => db.close(),
  };
  if (testDatabaseUrl === undefined) {
    console.log('\nPostgreSQL skipped: set SEATS_TEST_DATABASE_URL to measure it.');
    return;
  }
  const schema = await createPostgresTestSchema(testDatabaseUrl);
  const pool: pg.Pool = schema.pool(poolSize);
  yield {
    label: `PostgreSQL (node-postgres, pool of ${poolSize})`,
    store: await createPostgresStore({ pool }),
    raw: async (sql, params) => (await pool.query(sql, params)).rows,
    close: () => schema.drop(),
  };
}

export function benchMembers(prefix: string, count: number): NewMember[] {
  return Array.from({ length: count }, (_, index) => {
    const status = index % 20 === 0 ? 'invited' : index % 7 === 0 ? 'inactive' : 'active';
    const poolId = index % 5 === 0 ? 'viewers' : 'seats';
    return {
      id: `${prefix}-${index}`,
      name: `Member ${index}`,
      email: `m${index}@${prefix}.example.com`,
      status,
      role: index % 50 === 0 ? 'admin' : 'member',
      poolId,
      consumes: status === 'active',
    };
  });
}

export async function createBenchAccount(
  store: SeatsStore,
  id: string,
  members: NewMember[] = [],
  purchased = 10_000_000,
) {
  await store.createAccount({
    account: {
      id,
      name: id,
      plan: 'Bench',
      currency: 'EUR',
      billingPeriod: { start: '2026-06-01T00:00:00.000Z', end: '2026-07-01T00:00:00.000Z' },
      contract: { kind: 'self-serve' },
    },
    policy: benchPolicy,
    pools: ['seats', 'viewers'].map((poolId) => ({
      id: poolId,
      name: poolId,
      term: 'monthly' as const,
      purchased,
      scheduledRemoval: 0,
      pendingSignature: 0,
      unitPrice: 1_000,
    })),
    members,
    now: benchNow.toISOString(),
  });
}

/** The handler as an owner of the account named by the `x-account` header. */
export function benchHandler(store: SeatsStore) {
  return createSeatsHandler({
    store,
    // Charges are approved and recorded by the development provider, named as such.
    billing: createDevBilling(),
    clock: () => benchNow,
    identify: (request) => ({
      accountId: request.headers.get('x-account') ?? '',
      memberId: null,
      role: 'owner',
    }),
  });
}

export function get(account: string, path: string, init: RequestInit = {}): Request {
  return new Request(`http://bench.test/v1/${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', 'x-account': account },
  });
}

/** Runs `total` calls of `task` with `concurrency` in flight; answers calls per second. */
export async function throughput(
  total: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await task(next++);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

export async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

/** Prints rows as an aligned table. */
export function table(head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((row) => row.map(String))];
  const widths = head.map((_, column) => Math.max(...cells.map((row) => row[column]?.length ?? 0)));
  for (const row of cells) {
    console.log(row.map((cell, column) => cell.padStart(widths[column] ?? 0)).join(' | '));
  }
}
