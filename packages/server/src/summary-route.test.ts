import { PGlite } from '@electric-sql/pglite';
import type { FullSummary, Summary } from '@seats/client';
import { createSeatsClient, type SeatsClient } from '@seats/client';
import { summaryPendingLimit } from '@seats/core/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeatsHandler, createSeatsJobs, type SeatsStore } from './index';
import { createPgliteStore } from './pglite';
import { createPostgresStore } from './postgres';
import {
  announceSkippedPostgres,
  createPostgresTestSchema,
  testDatabaseUrl,
} from './postgres-test-schema';
import { testAccount } from './test-account';

/** The summary, checked to be the full one a role that may see licences gets. */
function full(summary: Summary): FullSummary {
  if (summary.access !== 'full')
    throw new Error(`Expected the full summary, got ${summary.access}.`);
  return summary;
}

announceSkippedPostgres('the bounded summary');

interface Database {
  store: SeatsStore;
  raw(sql: string, params: unknown[]): Promise<unknown>;
  dispose(): Promise<void>;
}

const drivers: { name: string; skip: boolean; open: () => Promise<Database> }[] = [
  {
    name: 'PGlite',
    skip: false,
    async open() {
      const db = await PGlite.create();
      return {
        store: await createPgliteStore({ db }),
        raw: (sql, params) => db.query(sql, params),
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
      return {
        store: await createPostgresStore({ pool }),
        raw: (sql, params) => pool.query(sql, params),
        dispose: () => schema.drop(),
      };
    },
  },
];

const open = 5_000;

for (const driver of drivers) {
  describe.skipIf(driver.skip)(`the summary with ${open} open changes on ${driver.name}`, () => {
    let database: Database;
    let client: SeatsClient;
    let handle: (request: Request) => Promise<Response>;

    beforeAll(async () => {
      database = await driver.open();
      await database.store.createAccount(testAccount('busy', { purchased: 20, unitPrice: 3_000 }));
      handle = createSeatsHandler({
        store: database.store,
        clock: () => new Date('2026-06-15T00:00:00.000Z'),
        identify: () => ({ accountId: 'busy', memberId: null, role: 'owner' }),
      });
      client = createSeatsClient({
        baseUrl: 'http://host.test',
        fetch: (input, init) => handle(new Request(input, init)),
      });
      const { plan } = await client.createQuote({ poolId: 'seats', delta: -1 });
      // Open changes of every kind, and applied ones among them, as years of use would leave.
      await database.raw(
        `INSERT INTO seats_changes (id, account_id, pool_id, status, plan, actor_role, created_at)
         SELECT 'chg_' || n, 'busy', 'seats',
           CASE WHEN n % 3 = 0 THEN 'applied' WHEN n % 3 = 1 THEN 'scheduled' ELSE 'pending-signature' END,
           $1::jsonb, 'owner', '2026-06-10T00:00:00.000Z'
         FROM generate_series(1, $2::integer) AS n`,
        [JSON.stringify(plan), (open * 3) / 2],
      );
    }, 120_000);

    afterAll(async () => {
      await database?.dispose();
    });

    it('carries the count and the newest few open changes, under 10 KB', async () => {
      const response = await handle(new Request('http://host.test/v1/summary'));
      const bytes = (await response.clone().arrayBuffer()).byteLength;
      const summary = full(await client.getSummary());
      expect(summary.pendingChangeCount).toBe(open);
      expect(summary.pendingChanges.map((change) => change.id)).toEqual(
        [7499, 7498, 7496, 7495, 7493].map((n) => `chg_${n}`).slice(0, summaryPendingLimit),
      );
      expect(bytes).toBeLessThanOrEqual(10 * 1024);
    });

    it('pages the open changes, newest first, each once', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.listChanges({ status: 'open', limit: 200, cursor });
        for (const change of page.items) {
          expect(['scheduled', 'pending-signature']).toContain(change.status);
          seen.push(change.id);
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect(seen).toHaveLength(open);
      expect(new Set(seen).size).toBe(open);
      expect(seen.slice(0, summaryPendingLimit)).toEqual(
        full(await client.getSummary()).pendingChanges.map((change) => change.id),
      );
    });

    it('filters the history by one status and refuses an unknown one', async () => {
      const applied = await client.listChanges({ status: 'applied', limit: 50 });
      expect(applied.items).toHaveLength(50);
      expect(new Set(applied.items.map((change) => change.status))).toEqual(new Set(['applied']));
      const response = await handle(new Request('http://host.test/v1/changes?status=closed'));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'status', code: 'invalid' }],
      });
    });
  });
}

/**
 * An owner's client of the account on `store`, at the time `clock` says, once it scheduled the
 * removal of 3 of its licences at the period's end.
 */
async function withScheduledRemoval(store: SeatsStore, accountId: string, clock: () => Date) {
  const handle = createSeatsHandler({
    store,
    clock,
    identify: () => ({ accountId, memberId: null, role: 'owner' }),
  });
  const client = createSeatsClient({
    baseUrl: 'http://host.test',
    fetch: (input, init) => handle(new Request(input, init)),
  });
  const quote = await client.createQuote({ poolId: 'seats', delta: -3 });
  await client.commitChange({ quoteId: quote.id });
  expect(full(await client.getSummary()).pendingChangeCount).toBe(1);
  return client;
}

for (const driver of drivers) {
  describe.skipIf(driver.skip)(`the summary as a period ends on ${driver.name}`, () => {
    it('no longer lists a removal the period end applied, in the request that rolled it', async () => {
      const database = await driver.open();
      try {
        await database.store.createAccount(
          testAccount('rolling', { purchased: 20, unitPrice: 3_000 }),
        );
        let now = new Date('2026-06-15T00:00:00.000Z');
        const client = await withScheduledRemoval(database.store, 'rolling', () => now);

        now = new Date('2026-07-02T00:00:00.000Z');
        const rolled = full(await client.getSummary());
        expect(rolled.account.billingPeriod.start).toBe('2026-07-01T00:00:00.000Z');
        expect(rolled.pools[0]?.purchased).toBe(17);
        expect(rolled.pendingChangeCount).toBe(0);
        expect(rolled.pendingChanges).toEqual([]);
      } finally {
        await database.dispose();
      }
    });

    it('no longer lists a removal that another process applied while it read the account', async () => {
      const database = await driver.open();
      try {
        const { store } = database;
        await store.createAccount(testAccount('raced', { purchased: 20 }));
        let now = new Date('2026-06-15T00:00:00.000Z');
        // The account's next read waits until the job below has rolled the period, as a read on
        // another connection of the pool can.
        let gate: Promise<void> | null = null;
        let release = () => {};
        const slow: SeatsStore = {
          ...store,
          async loadAccount(accountId) {
            const waiting = gate;
            gate = null;
            if (waiting !== null) await waiting;
            return store.loadAccount(accountId);
          },
        };
        const client = await withScheduledRemoval(slow, 'raced', () => now);

        now = new Date('2026-07-02T00:00:00.000Z');
        gate = new Promise((resolve) => {
          release = resolve;
        });
        const answer = client.getSummary();
        await expect.poll(() => gate).toBeNull();
        const report = await createSeatsJobs({ store }).tick({ now });
        expect(report.periodsRolled).toBe(1);
        release();
        const summary = full(await answer);
        expect(summary.pools[0]?.purchased).toBe(17);
        expect(summary.pendingChangeCount).toBe(0);
        expect(summary.pendingChanges).toEqual([]);
      } finally {
        await database.dispose();
      }
    });
  });
}
