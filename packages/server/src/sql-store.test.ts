import { PGlite } from '@electric-sql/pglite';
import { decideConsumption, definePolicy } from '@seats/core';
import type { FullSummary, Quote } from '@seats/core/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteExecutor } from './create-pglite-store';
import { createDevBilling, createSeatsHandler, type SeatsStore } from './index';
import { applyMigrations } from './migrate';
import { migrations } from './migrations';
import { createPgliteStore } from './pglite';
import { createPostgresStore } from './postgres';
import {
  announceSkippedPostgres,
  createPostgresTestSchema,
  testDatabaseUrl,
} from './postgres-test-schema';

announceSkippedPostgres('the store suite (concurrency, idempotency, migrations)');

interface Database {
  /** Two stores on one database, each with its own connections. */
  stores: [SeatsStore, SeatsStore];
  migrationRows(): Promise<number>;
  dispose(): Promise<void>;
}

const drivers: { name: string; skip: boolean; open: () => Promise<Database> }[] = [
  {
    name: 'PGlite',
    skip: false,
    async open() {
      const db = await PGlite.create();
      const stores = await Promise.all([createPgliteStore({ db }), createPgliteStore({ db })]);
      return {
        stores,
        async migrationRows() {
          return (await db.query('SELECT * FROM seats_migrations')).rows.length;
        },
        dispose: () => db.close(),
      };
    },
  },
  {
    name: 'PostgreSQL',
    skip: testDatabaseUrl === undefined,
    async open() {
      const schema = await createPostgresTestSchema(testDatabaseUrl as string);
      const first = schema.pool(10);
      const second = schema.pool(10);
      const stores = await Promise.all([
        createPostgresStore({ pool: first }),
        createPostgresStore({ pool: second }),
      ]);
      return {
        stores,
        async migrationRows() {
          return (await first.query('SELECT * FROM seats_migrations')).rows.length;
        },
        dispose: () => schema.drop(),
      };
    },
  },
];

const policy = definePolicy({ name: 'store-suite' });
const periodStart = '2026-06-01T00:00:00.000Z';
const now = new Date('2026-06-15T00:00:00.000Z');

async function seedAccount(store: SeatsStore, id: string, purchased: number) {
  await store.createAccount({
    account: {
      id,
      name: id,
      plan: 'Team',
      currency: 'EUR',
      billingPeriod: { start: periodStart, end: '2026-07-01T00:00:00.000Z' },
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
    now: periodStart,
  });
}

function handlerFor(store: SeatsStore, billing = createDevBilling()) {
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

type Handler = (request: Request) => Promise<Response>;

/** Even calls go to the first handler, odd ones to the second. */
function alternate(first: Handler, second: Handler): (index: number) => Handler {
  return (index) => (index % 2 === 0 ? first : second);
}

function post(account: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`http://host.test/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-account': account, ...headers },
    body: JSON.stringify(body),
  });
}

for (const driver of drivers) {
  describe.skipIf(driver.skip)(`store on ${driver.name}`, () => {
    let database: Database;

    beforeAll(async () => {
      database = await driver.open();
    });

    afterAll(async () => {
      await database?.dispose();
    });

    it('applies each migration once, also when two stores start together', async () => {
      expect(await database.migrationRows()).toBe(migrations.length);
    });

    it('never hands out more licences than are free: 200 concurrent adds for 10 free, through two handlers', async () => {
      const [first, second] = database.stores;
      await seedAccount(first, 'race', 10);
      const handlers = alternate(handlerFor(first), handlerFor(second));
      const responses = await Promise.all(
        Array.from({ length: 200 }, (_, index) =>
          handlers(index)(
            post('race', '/members', {
              name: `User ${index}`,
              email: `user${index}@example.com`,
              status: 'active',
              role: 'member',
            }),
          ),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(10);
      expect(statuses.filter((status) => status === 409)).toHaveLength(190);
      const conflict = await responses.find((response) => response.status === 409)?.json();
      expect(conflict.code).toBe('no_licence_available');

      const state = await first.loadAccount('race');
      expect(state?.usedByPool.seats).toBe(10);
      const members = await first.listMembers('race', { consuming: true, limit: 1000 });
      expect(members).toHaveLength(10);
      expect(state?.pools[0]?.purchased).toBe(10);
    });

    it('keeps the licence count equal to the consuming members under concurrent changes', async () => {
      const [first, second] = database.stores;
      await seedAccount(first, 'churn', 6);
      const handlers = alternate(handlerFor(first), handlerFor(second));
      const created = await Promise.all(
        Array.from({ length: 12 }, (_, index) =>
          handlers(0)(
            post('churn', '/members', {
              name: `U${index}`,
              email: `u${index}@example.com`,
              status: 'inactive',
              role: 'member',
            }),
          ),
        ),
      );
      const ids = await Promise.all(created.map(async (response) => (await response.json()).id));
      const patches = ids.flatMap((id, index) =>
        ['active', 'inactive', 'active'].map((status, step) =>
          handlers(index + step)(
            new Request(`http://host.test/v1/members/${id}`, {
              method: 'PATCH',
              headers: { 'content-type': 'application/json', 'x-account': 'churn' },
              body: JSON.stringify({ status }),
            }),
          ),
        ),
      );
      const statuses = (await Promise.all(patches)).map((response) => response.status);
      expect(statuses.every((status) => status === 200 || status === 409)).toBe(true);
      const state = await first.loadAccount('churn');
      const consuming = await first.listMembers('churn', { consuming: true, limit: 1000 });
      expect(state?.usedByPool.seats).toBe(consuming.length);
      expect(consuming.length).toBeLessThanOrEqual(6);
    });

    it('commits once for 50 concurrent requests with one idempotency key', async () => {
      const [first, second] = database.stores;
      await seedAccount(first, 'retry', 5);
      const billing = createDevBilling();
      const handlers = alternate(handlerFor(first, billing), handlerFor(second, billing));
      const quote: Quote = await (
        await handlers(0)(post('retry', '/quotes', { poolId: 'seats', delta: 3 }))
      ).json();
      expect(quote.plan.dueNow.amount).toBeGreaterThan(0);

      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          handlers(index)(
            post('retry', '/changes', { quoteId: quote.id }, { 'idempotency-key': 'one-key' }),
          ),
        ),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
      const bodies = await Promise.all(responses.map((response) => response.text()));
      expect(new Set(bodies).size).toBe(1);
      expect(billing.charges()).toHaveLength(1);
      expect(await first.listChanges('retry', { limit: 100 })).toHaveLength(1);
      const summary: FullSummary = await (
        await handlers(1)(
          new Request('http://host.test/v1/summary', { headers: { 'x-account': 'retry' } }),
        )
      ).json();
      expect(summary.usage.purchased).toBe(8);
    });

    it('keeps scheduled removals in step with the pool when a restoring purchase races a cancel', async () => {
      const [first, second] = database.stores;
      const handlers = alternate(handlerFor(first), handlerFor(second));
      const rounds = await Promise.all(
        Array.from({ length: 8 }, async (_, round) => {
          const account = `restore-race-${round}`;
          await seedAccount(first, account, 10);
          const removal: Quote = await (
            await handlers(0)(post(account, '/quotes', { poolId: 'seats', delta: -3 }))
          ).json();
          const scheduled = await (
            await handlers(1)(
              post(account, '/changes', { quoteId: removal.id }, { 'idempotency-key': 'remove' }),
            )
          ).json();
          const purchase: Quote = await (
            await handlers(0)(post(account, '/quotes', { poolId: 'seats', delta: 2 }))
          ).json();
          const [committed, cancelled] = await Promise.all([
            handlers(round)(
              post(account, '/changes', { quoteId: purchase.id }, { 'idempotency-key': 'buy' }),
            ),
            handlers(round + 1)(post(account, `/changes/${scheduled.id}/cancel`, {})),
          ]);
          const state = await first.loadAccount(account);
          const open = await first.openChanges(account);
          return {
            statuses: [committed.status, cancelled.status],
            scheduledRemoval: state?.pools[0]?.scheduledRemoval,
            purchased: state?.pools[0]?.purchased,
            open: open.length,
          };
        }),
      );
      for (const round of rounds) {
        expect([201, 409]).toContain(round.statuses[0]);
        expect(round.statuses[1]).toBe(200);
        expect(round).toMatchObject({ scheduledRemoval: 0, purchased: 10, open: 0 });
      }
    });

    it("recounts who consumes a licence by core's rule when the policy changes", async () => {
      const [store] = database.stores;
      const before = definePolicy({
        name: 'before',
        statuses: ['active', 'locked', 'inactive'],
        consumingStatuses: ['active'],
        roles: ['owner', 'member', 'guest'],
      });
      const after = definePolicy({
        ...before,
        name: 'after',
        consumingStatuses: ['active', 'locked'],
        nonConsumingRoles: ['guest'],
      });
      const kinds: [status: string, role: string, poolId: string | null][] = [
        ['active', 'member', 'seats'],
        ['active', 'guest', 'seats'],
        ['locked', 'member', 'seats'],
        ['locked', 'owner', 'add-on'],
        ['inactive', 'member', 'seats'],
        ['active', 'member', null],
      ];
      const members = kinds.flatMap(([status, role, poolId], kind) =>
        [0, 1].map((n) => ({
          id: `m-${kind}-${n}`,
          name: `Member ${kind}-${n}`,
          email: `m-${kind}-${n}@example.test`,
          status,
          role,
          poolId,
          consumes: decideConsumption({ status, role, poolId }, before).consumes,
        })),
      );
      const pool = (id: string) => ({
        id,
        name: id,
        term: 'monthly' as const,
        purchased: 20,
        scheduledRemoval: 0,
        pendingSignature: 0,
        unitPrice: 3_000,
      });
      const account = {
        id: 'recount',
        name: 'recount',
        plan: 'Team',
        currency: 'EUR',
        billingPeriod: { start: periodStart, end: '2026-07-01T00:00:00.000Z' },
        contract: { kind: 'self-serve' as const },
      };
      await store.createAccount({
        account,
        policy: before,
        pools: [pool('seats'), pool('add-on')],
        members,
        now: periodStart,
      });
      expect((await store.loadAccount('recount'))?.usedByPool).toEqual({ seats: 4, 'add-on': 0 });

      await store.transaction((tx) => tx.saveAccount(account, after));
      const stored = await store.listMembers('recount', { limit: 100 });
      expect(stored.map((member) => [member.id, member.consumes])).toEqual(
        members.map((member) => [member.id, decideConsumption(member, after).consumes]),
      );
      expect((await store.loadAccount('recount'))?.usedByPool).toEqual({ seats: 4, 'add-on': 2 });
    });

    it('creates an account only once', async () => {
      const [store] = database.stores;
      await seedAccount(store, 'once', 3);
      await seedAccount(store, 'once', 99);
      expect((await store.loadAccount('once'))?.pools[0]?.purchased).toBe(3);
    });
  });
}

describe('migrations', () => {
  it('skips the migrations a database already has', async () => {
    const db = await PGlite.create();
    const executor = pgliteExecutor(db, { owned: true });
    expect(await applyMigrations(executor)).toEqual(
      migrations.map((migration) => migration.version),
    );
    expect(await applyMigrations(executor)).toEqual([]);
    await executor.close();
  });
});
