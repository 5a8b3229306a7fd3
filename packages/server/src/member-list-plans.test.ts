import { PGlite } from '@electric-sql/pglite';
import { definePolicy } from '@seats/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteExecutor } from './create-pglite-store';
import { postgresExecutor } from './create-postgres-store';
import { analyzeStore, createSeatsHandler, type SeatsStore } from './index';
import { createPgliteStore } from './pglite';
import { createPostgresStore } from './postgres';
import {
  announceSkippedPostgres,
  createPostgresTestSchema,
  testDatabaseUrl,
} from './postgres-test-schema';
import type { SqlExecutor } from './sql-executor';
import { createSqlStore } from './sql-store';

announceSkippedPostgres('the member list plans');

interface Database {
  /** The store over an executor that records each statement reading members. */
  store: SeatsStore;
  executor: SqlExecutor;
  dispose(): Promise<void>;
}

interface Statement {
  sql: string;
  params: readonly unknown[];
}

const recorded: Statement[] = [];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** The nodes of a plan that read the members table. */
function memberScans(node: PlanNode): PlanNode[] {
  return [
    ...(node['Relation Name'] === 'seats_members' ? [node] : []),
    ...(node.Plans ?? []).flatMap(memberScans),
  ];
}

function recording(executor: SqlExecutor): SqlExecutor {
  return {
    ...executor,
    async query(sql, params) {
      if (/^\s*SELECT\b[\s\S]*\bFROM seats_members\b/.test(sql))
        recorded.push({ sql, params: params ?? [] });
      return executor.query(sql, params);
    },
  };
}

const drivers: { name: string; skip: boolean; open: () => Promise<Database> }[] = [
  {
    name: 'PGlite',
    skip: false,
    async open() {
      const db = await PGlite.create();
      await createPgliteStore({ db });
      const executor = pgliteExecutor(db, { owned: true });
      return {
        store: createSqlStore(recording(executor), 'pglite'),
        executor,
        dispose: () => db.close(),
      };
    },
  },
  {
    name: 'PostgreSQL',
    skip: testDatabaseUrl === undefined,
    async open() {
      const schema = await createPostgresTestSchema(testDatabaseUrl as string);
      const pool = schema.pool(4);
      await createPostgresStore({ pool });
      const executor = postgresExecutor(pool, { owned: false });
      return {
        store: createSqlStore(recording(executor), 'postgres'),
        executor,
        dispose: () => schema.drop(),
      };
    },
  },
];

const members = 100_000;
const policy = definePolicy({ name: 'plans', statuses: ['active', 'inactive', 'invited'] });

async function createAccount(database: Database, id: string, count: number) {
  await database.store.createAccount({
    account: {
      id,
      name: id,
      plan: 'Team',
      currency: 'EUR',
      billingPeriod: { start: '2026-06-01T00:00:00.000Z', end: '2026-07-01T00:00:00.000Z' },
      contract: { kind: 'self-serve' },
    },
    policy,
    pools: ['seats', 'viewers'].map((poolId) => ({
      id: poolId,
      name: poolId,
      term: 'monthly' as const,
      purchased: count,
      scheduledRemoval: 0,
      pendingSignature: 0,
      unitPrice: 1_000,
    })),
    members: [],
    now: '2026-06-01T00:00:00.000Z',
  });
  // Loaded in one statement, as an import would; a fifth are viewers, a seventh inactive.
  await database.executor.query(
    `INSERT INTO seats_members (id, account_id, name, email, status, role, pool_id, consumes,
       created_at, updated_at)
     SELECT $1 || '-' || n, $1, 'Member ' || n, 'm' || n || '@' || $1 || '.test',
       CASE WHEN n % 20 = 0 THEN 'invited' WHEN n % 7 = 0 THEN 'inactive' ELSE 'active' END,
       CASE WHEN n % 50 = 0 THEN 'admin' ELSE 'member' END,
       CASE WHEN n % 5 = 0 THEN 'viewers' ELSE 'seats' END,
       n % 20 <> 0 AND n % 7 <> 0, $2, $2
     FROM generate_series(1, $3::integer) AS n`,
    [id, '2026-06-01T00:00:00.000Z', count],
  );
}

/** Every filter of `GET /v1/members`, alone and as the widgets combine them. */
const queries = [
  '',
  'status=inactive',
  'status=active',
  'role=admin',
  'poolId=viewers',
  'consuming=true',
  'consuming=false',
  'poolId=viewers&consuming=true',
  'poolId=seats&consuming=true',
  'status=active&poolId=seats',
  'search=member%204242',
  'search=m77',
];

for (const driver of drivers) {
  describe.skipIf(driver.skip)(`member lists at ${members} members on ${driver.name}`, () => {
    let database: Database;
    let handle: (request: Request) => Promise<Response>;

    beforeAll(async () => {
      database = await driver.open();
      await createAccount(database, 'big', members);
      await createAccount(database, 'neighbour', members / 10);
      await analyzeStore(database.store);
      handle = createSeatsHandler({
        store: database.store,
        clock: () => new Date('2026-06-15T00:00:00.000Z'),
        identify: (request) => ({
          accountId: request.headers.get('x-account') ?? '',
          memberId: null,
          role: 'owner',
        }),
      });
    }, 300_000);

    afterAll(async () => {
      await database?.dispose();
    });

    async function list(query: string) {
      const response = await handle(
        new Request(`http://host.test/v1/members?limit=200&${query}`, {
          headers: { 'x-account': 'big' },
        }),
      );
      expect(response.status).toBe(200);
      return (await response.json()) as { items: { name: string }[]; nextCursor: string | null };
    }

    it.each(queries)('reads no member outside the page through an index: %s', async (query) => {
      recorded.length = 0;
      const first = await list(query);
      expect(first.items.length).toBeGreaterThan(0);
      if (first.nextCursor !== null) await list(`${query}&cursor=${first.nextCursor}`);
      expect(recorded.length).toBeGreaterThan(0);
      for (const statement of recorded) {
        const rows = await database.executor.query<Record<string, unknown>>(
          `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`,
          statement.params,
        );
        const explained = Object.values(rows[0] ?? {})[0];
        const plan = (typeof explained === 'string' ? JSON.parse(explained) : explained) as [
          { Plan: PlanNode },
        ];
        const scans = memberScans(plan[0].Plan);
        const described = JSON.stringify(plan[0].Plan, null, 1);
        expect(scans.length, described).toBeGreaterThan(0);
        for (const scan of scans) expect(scan['Node Type'], described).not.toBe('Seq Scan');
        // An index that leaves the filtering to the table reads the whole account page by page.
        const discarded = scans.reduce(
          (sum, scan) =>
            sum +
            (scan['Rows Removed by Filter'] ?? 0) +
            (scan['Rows Removed by Index Recheck'] ?? 0),
          0,
        );
        expect(discarded, described).toBeLessThanOrEqual(200);
      }
    });

    it('finds members by the start of their name or email, ignoring case', async () => {
      const byName = await list('search=MEMBER%2042424');
      expect(byName.items.map((item) => item.name)).toEqual(['Member 42424']);
      const byPrefix = await list('search=member%20999');
      expect(byPrefix.items.map((item) => item.name)).toEqual([
        'Member 999',
        ...Array.from({ length: 10 }, (_, digit) => `Member 999${digit}`),
        ...Array.from({ length: 100 }, (_, index) => `Member 999${String(index).padStart(2, '0')}`),
      ]);
      const byEmail = await list('search=m777%40');
      expect(byEmail.items.map((item) => item.name)).toEqual(['Member 777']);
      const wildcard = await list('search=%25');
      expect(wildcard.items).toEqual([]);
    });
  });
}

describe('statistics', () => {
  it('are refreshed by an import of many members', async () => {
    const db = await PGlite.create();
    const store = await createPgliteStore({ db });
    const reltuples = async () =>
      Number(
        (
          await db.query<{ reltuples: number }>(
            "SELECT reltuples FROM pg_class WHERE relname = 'seats_members'",
          )
        ).rows[0]?.reltuples,
      );
    expect(await reltuples()).toBeLessThanOrEqual(0);
    await store.createAccount({
      account: {
        id: 'imported',
        name: 'Imported',
        plan: 'Team',
        currency: 'EUR',
        billingPeriod: { start: '2026-06-01T00:00:00.000Z', end: '2026-07-01T00:00:00.000Z' },
        contract: { kind: 'self-serve' },
      },
      policy,
      pools: [],
      members: Array.from({ length: 1_500 }, (_, index) => ({
        id: `imported-${index}`,
        name: `Member ${index}`,
        email: `m${index}@imported.test`,
        status: 'inactive',
        role: 'member',
        poolId: null,
        consumes: false,
      })),
      now: '2026-06-01T00:00:00.000Z',
    });
    expect(await reltuples()).toBe(1_500);
    await store.close();
    await db.close();
  }, 60_000);
});
