import { PGlite } from '@electric-sql/pglite';
import type { Account, Pool } from '@seats/core';
import type { Change, Quote } from '@seats/core/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoAccounts, seedDemoAccounts } from './demo';
import {
  type BillingProvider,
  type BillingRequest,
  createDevBilling,
  createSeatsHandler,
  createSeatsJobs,
  type DevBilling,
  type SeatsEvent,
  type SeatsStore,
} from './index';
import { createPgliteStore } from './pglite';
import { createPostgresStore } from './postgres';
import {
  announceSkippedPostgres,
  createPostgresTestSchema,
  testDatabaseUrl,
} from './postgres-test-schema';
import { testAccount } from './test-account';

announceSkippedPostgres('the period-end job (tick)');

const start = new Date('2026-03-10T12:00:00.000Z');
const dayMs = 86_400_000;
const dialpad = 'scheduled-removal-with-restore';
const commusoft = 'signed-contract-licence-types';
const factro = 'daily-prorated-with-password';

/** Counts the provider's calls per idempotency key, answering as `inner` does. */
function countingBilling(inner: DevBilling, calls: Map<string, number>): BillingProvider {
  const count = (request: BillingRequest) =>
    calls.set(request.idempotencyKey, (calls.get(request.idempotencyKey) ?? 0) + 1);
  return {
    development: true,
    async charge(request) {
      count(request);
      return inner.charge(request);
    },
    credit: (request) => inner.credit(request),
  };
}

const drivers = [
  {
    name: 'PGlite',
    skip: false,
    /** Two job runners on the one embedded database: its single connection interleaves them. */
    async open() {
      const store = await createPgliteStore();
      return { stores: [store, store] as const, dispose: () => store.close() };
    },
  },
  {
    name: 'PostgreSQL',
    skip: testDatabaseUrl === undefined,
    /** Two stores on their own connection pools, as two instances of a host would be. */
    async open() {
      const schema = await createPostgresTestSchema(testDatabaseUrl as string);
      const first = await createPostgresStore({ pool: schema.pool(4) });
      const second = await createPostgresStore({ pool: schema.pool(4) });
      return { stores: [first, second] as const, dispose: () => schema.drop() };
    },
  },
];

/** What a pool's licences cost for `period`, written out from the presets' terms. */
function expectedCharge(
  pool: Pool,
  period: { start: string; end: string },
  contract: Account['contract'],
  renewed: boolean,
): number {
  if (pool.term === 'daily') {
    const days = Math.round((Date.parse(period.end) - Date.parse(period.start)) / dayMs);
    return pool.purchased * pool.unitPrice * days;
  }
  if (
    contract.kind === 'contracted' &&
    contract.payment === 'upfront' &&
    pool.term === 'contracted'
  )
    return renewed ? pool.purchased * pool.unitPrice * 12 : 0;
  return pool.purchased * pool.unitPrice;
}

describe.each(drivers)('the period-end job on $name', ({ skip, open }) => {
  let stores: readonly [SeatsStore, SeatsStore];
  let dispose: () => Promise<void>;
  let billing: DevBilling;
  let now: Date;

  beforeAll(async () => {
    if (skip) return;
    ({ stores, dispose } = await open());
  });
  afterAll(async () => {
    if (!skip) await dispose();
  });
  beforeEach(async () => {
    if (skip) return;
    await stores[0].clear();
    await seedDemoAccounts(stores[0], { now: start });
    billing = createDevBilling();
    now = start;
  });

  function handler(events: SeatsEvent[] = []) {
    const handle = createSeatsHandler({
      store: stores[0],
      billing,
      clock: () => now,
      recoverOnStart: false,
      requestSignature: () => {},
      onEvent: (event) => events.push(event),
      identify: (request) => ({
        accountId: request.headers.get('x-account') as string,
        memberId: null,
        role: request.headers.get('x-role') as string,
      }),
    });
    return async <T>(account: string, method: string, path: string, body?: unknown) => {
      const role = demoAccounts().find((demo) => demo.id === account)?.adminRole as string;
      const response = await handle(
        new Request(`http://host.test/v1${path}`, {
          method,
          headers: {
            'content-type': 'application/json',
            'x-account': account,
            'x-role': role,
            'idempotency-key': `${account}-${path}-${JSON.stringify(body)}`,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
      return { status: response.status, body: (await response.json()) as T };
    };
  }

  it.skipIf(skip)(
    'over a year, two instances ticking at once charge each period of every demo account once, with its recurring lines',
    async () => {
      const events: SeatsEvent[] = [];
      const call = handler(events);
      // A removal scheduled for the end of March (Dialpad) and a purchase left unsigned (Commusoft).
      const removal = await call<Quote>(dialpad, 'POST', '/quotes', {
        poolId: 'standard',
        delta: -3,
      });
      const scheduled = await call<Change>(dialpad, 'POST', '/changes', {
        quoteId: removal.body.id,
      });
      expect(scheduled.body).toMatchObject({
        status: 'scheduled',
        effectiveAt: '2026-04-01T00:00:00.000Z',
      });
      const purchase = await call<Quote>(commusoft, 'POST', '/quotes', {
        poolId: 'monthly',
        delta: 1,
      });
      const unsigned = await call<Change>(commusoft, 'POST', '/changes', {
        quoteId: purchase.body.id,
      });
      expect(unsigned.body.status).toBe('pending-signature');

      const calls = new Map<string, number>();
      const jobEvents: SeatsEvent[] = [];
      const jobs = stores.map((store) =>
        createSeatsJobs({
          store,
          billing: countingBilling(billing, calls),
          clock: () => now,
          onEvent: (event) => jobEvents.push(event),
        }),
      );

      // A read after the first period end rolls Dialpad's account as the job would, and records
      // the charge that the job then takes.
      now = new Date('2026-04-01T00:00:05.000Z');
      const read = await call<{ account: Account; pools: Pool[] }>(dialpad, 'GET', '/summary');
      expect(read.body.account.billingPeriod.start).toBe('2026-04-01T00:00:00.000Z');
      expect(read.body.pools[0]).toMatchObject({ purchased: 17, scheduledRemoval: 0 });
      expect(events.map((event) => event.type)).toContain('allowance.removal_applied');

      const started = performance.now();
      let ticks = 0;
      const reports = [];
      const end = start.getTime() + 365 * dayMs;
      for (let at = now.getTime(); at <= end; at += 3 * dayMs) {
        now = new Date(at);
        reports.push(...(await Promise.all(jobs.map((job) => job.tick()))));
        ticks += 2;
      }
      const elapsed = performance.now() - started;

      const accounts = demoAccounts();
      let periods = 0;
      let charges = 0;
      for (const demo of accounts) {
        const state = await stores[0].loadAccount(demo.id);
        if (state === null) throw new Error(`no account ${demo.id}`);
        const ends = (await stores[0].listPeriodEnds(demo.id, 100)).reverse();
        // Every month from April 2026 to March 2027, each once, one after the other.
        expect(ends.map((periodEnd) => periodEnd.period.start.slice(0, 7))).toEqual(
          Array.from({ length: 12 }, (_, index) =>
            new Date(Date.UTC(2026, 3 + index, 1)).toISOString().slice(0, 7),
          ),
        );
        expect(ends[0]?.endedStart).toBe('2026-03-01T00:00:00.000Z');
        for (const [index, periodEnd] of ends.entries()) {
          if (index > 0) expect(periodEnd.period.start).toBe(ends[index - 1]?.period.end);
          const renewed = periodEnd.contractOutcome === 'renewed';
          for (const line of periodEnd.charges) {
            const pool = state.pools.find((candidate) => candidate.id === line.poolId) as Pool;
            expect(line.quantity).toBe(pool.purchased);
            expect(line.amount).toBe(
              expectedCharge(pool, periodEnd.period, state.account.contract, renewed),
            );
          }
          const total = periodEnd.charges.reduce((sum, line) => sum + line.amount, 0);
          expect(periodEnd.amount.amount).toBe(total);
          const key = `period_${demo.id}_${periodEnd.period.start}`;
          const taken = billing.charges().filter((charge) => charge.idempotencyKey === key);
          if (total === 0) {
            expect(periodEnd.chargeStatus).toBe('none');
            expect(taken).toHaveLength(0);
            continue;
          }
          expect(periodEnd.chargeStatus).toBe('charged');
          expect(taken).toHaveLength(1);
          expect(calls.get(key)).toBe(1);
          expect(taken[0]?.amount.amount).toBe(total);
          expect(taken[0]?.lines.map((line) => [line.poolId, line.amount])).toEqual(
            periodEnd.charges
              .filter((line) => line.amount > 0)
              .map((line) => [line.poolId, line.amount]),
          );
          charges += 1;
        }
        periods += ends.length;
      }
      // Each key asked of the provider once, though two runners ticked at every step.
      expect([...calls.values()].every((count) => count === 1)).toBe(true);
      expect(billing.charges()).toHaveLength(charges);

      // The removal applied at its date, once; the unsigned purchase expired, its licence released.
      const history = await stores[0].getChange(dialpad, scheduled.body.id);
      expect(history?.status).toBe('applied');
      const expired = await stores[0].getChange(commusoft, unsigned.body.id);
      expect(expired?.status).toBe('cancelled');
      expect((await stores[0].loadAccount(commusoft))?.pools[1]).toMatchObject({
        pendingSignature: 0,
        purchased: 4,
      });
      const all = [...events, ...jobEvents];
      const count = (type: SeatsEvent['type'], accountId?: string) =>
        all.filter(
          (event) =>
            event.type === type && (accountId === undefined || event.accountId === accountId),
        ).length;
      expect(count('allowance.removal_applied')).toBe(1);
      expect(count('allowance.signature_expired', commusoft)).toBe(1);
      expect(count('period.rolled')).toBe(periods);
      expect(count('period.charged')).toBe(charges);
      // factro's annual contract (paid in advance) renewed on 1 January, the two-year contracts
      // (Commusoft, Dialpad invoiced) on 1 March 2027; each once.
      expect(count('contract.renewed', factro)).toBe(1);
      expect(count('contract.renewed', commusoft)).toBe(1);
      expect(count('contract.renewed', 'scheduled-removal-with-restore-invoiced')).toBe(1);
      expect(count('contract.renewed')).toBe(3);
      expect(count('contract.ended')).toBe(0);
      const factroAccount = await stores[0].loadAccount(factro);
      expect(factroAccount?.account.contract).toMatchObject({
        start: '2027-01-01T00:00:00.000Z',
        end: '2028-01-01T00:00:00.000Z',
      });

      const total = reports.reduce(
        (sum, report) => ({
          advanced: sum.advanced + report.accountsAdvanced,
          rolled: sum.rolled + report.periodsRolled,
          charged: sum.charged + report.charges.charged,
          quotes: sum.quotes + report.pruned.quotes,
          keys: sum.keys + report.pruned.idempotencyKeys,
          busy: sum.busy + report.accountsBusy,
        }),
        { advanced: 0, rolled: 0, charged: 0, quotes: 0, keys: 0, busy: 0 },
      );
      // The read rolled Dialpad's first period; the job every other.
      expect(total.rolled).toBe(periods - 1);
      expect(total.charged).toBe(charges);
      expect(total.quotes).toBe(2);
      expect(total.keys).toBe(2);
      console.log(
        `[seats] tick year: ${accounts.length} accounts, ${periods} periods, ${charges} charges, ${ticks} ticks (2 at once) in ${Math.round(elapsed)} ms, ${total.busy} accounts skipped as busy, ${calls.size} provider calls`,
      );
    },
    60_000,
  );

  it.skipIf(skip)(
    'leaves a charge the provider could not answer to the next run, which charges it once',
    async () => {
      let failing = true;
      const calls = new Map<string, number>();
      const counting = countingBilling(billing, calls);
      const jobs = createSeatsJobs({
        store: stores[0],
        billing: {
          development: true,
          async charge(request) {
            if (failing) {
              await counting.charge(request);
              throw new Error('socket hang up');
            }
            return counting.charge(request);
          },
          credit: (request) => billing.credit(request),
        },
        clock: () => now,
      });
      now = new Date('2026-04-01T00:10:00.000Z');
      const first = await jobs.tick();
      expect(first.periodsRolled).toBe(demoAccounts().length);
      expect(first.charges.unsettled).toBeGreaterThan(0);
      const after = (await stores[0].listPeriodEnds(dialpad, 1))[0];
      expect(after?.chargeStatus).toBe('charging');

      failing = false;
      // Within a minute another run leaves it alone: it may still be with the provider.
      now = new Date('2026-04-01T00:10:30.000Z');
      expect((await jobs.tick()).charges.charged).toBe(0);
      now = new Date('2026-04-01T00:12:00.000Z');
      const second = await jobs.tick();
      expect(second.periodsRolled).toBe(0);
      expect(second.charges.charged).toBe(first.charges.unsettled);
      expect((await stores[0].listPeriodEnds(dialpad, 1))[0]?.chargeStatus).toBe('charged');
      // The provider was asked twice per key and, keyed alike, took the money once.
      expect(new Set(billing.charges().map((charge) => charge.idempotencyKey)).size).toBe(
        billing.charges().length,
      );
      expect(billing.charges()).toHaveLength(second.charges.charged);
    },
  );

  it.skipIf(skip)(
    'expires a purchase still waiting for its signature after the policy TTL, within the period',
    async () => {
      const call = handler();
      const purchase = await call<Quote>(commusoft, 'POST', '/quotes', {
        poolId: 'monthly',
        delta: 1,
      });
      const pending = await call<Change>(commusoft, 'POST', '/changes', {
        quoteId: purchase.body.id,
      });
      expect(pending.body.status).toBe('pending-signature');
      const jobEvents: SeatsEvent[] = [];
      const jobs = createSeatsJobs({
        store: stores[0],
        billing,
        clock: () => now,
        onEvent: (event) => jobEvents.push(event),
      });
      now = new Date(start.getTime() + 6 * dayMs);
      expect((await jobs.tick()).signaturesExpired).toBe(0);
      now = new Date(start.getTime() + 8 * dayMs);
      const report = await jobs.tick();
      expect(report).toMatchObject({ signaturesExpired: 1, periodsRolled: 0 });
      expect((await stores[0].getChange(commusoft, pending.body.id))?.status).toBe('cancelled');
      expect((await stores[0].loadAccount(commusoft))?.pools[1]?.pendingSignature).toBe(0);
      expect(jobEvents.map((event) => event.type)).toEqual(['allowance.signature_expired']);
      expect((await jobs.tick()).signaturesExpired).toBe(0);
    },
  );

  it.skipIf(skip)(
    'leaves a period charge the provider answered pending until its confirmation is recorded',
    async () => {
      const jobEvents: SeatsEvent[] = [];
      const jobs = createSeatsJobs({
        store: stores[0],
        billing,
        clock: () => now,
        onEvent: (event) => jobEvents.push(event),
      });
      billing.pendNext();
      now = new Date('2026-04-01T00:10:00.000Z');
      const report = await jobs.tick();
      expect(report.charges.pending).toBe(1);
      const pending = (
        await Promise.all(
          demoAccounts().map(async (demo) => (await stores[0].listPeriodEnds(demo.id, 1))[0]),
        )
      ).find((periodEnd) => periodEnd?.chargeStatus === 'pending');
      if (pending === undefined) throw new Error('one period charge is pending');
      expect(pending.chargeId).not.toBeNull();
      // A later run neither charges it again nor records it.
      now = new Date('2026-04-01T01:10:00.000Z');
      expect((await jobs.tick()).charges).toMatchObject({ charged: 0, pending: 0 });

      const settled = await jobs.settlePeriod({
        accountId: pending.accountId,
        periodStart: pending.period.start,
        result: { status: 'succeeded', reference: pending.chargeId as string },
      });
      expect(settled).toMatchObject({ chargeStatus: 'charged', chargeId: pending.chargeId });
      expect(jobEvents.filter((event) => event.type === 'period.charged')).toHaveLength(
        report.charges.charged + 1,
      );
      const again = await jobs.settlePeriod({
        accountId: pending.accountId,
        periodStart: pending.period.start,
        result: { status: 'succeeded', reference: pending.chargeId as string },
      });
      expect(again).toBeNull();
    },
  );

  it.skipIf(skip)('records a declined period charge as failed, with its event', async () => {
    const jobEvents: SeatsEvent[] = [];
    const jobs = createSeatsJobs({
      store: stores[0],
      billing,
      clock: () => now,
      onEvent: (event) => jobEvents.push(event),
    });
    billing.failNext('Card expired');
    now = new Date('2026-04-01T00:10:00.000Z');
    const report = await jobs.tick();
    expect(report.charges.failed).toBe(1);
    const failed = jobEvents.find((event) => event.type === 'period.charge_failed');
    expect(failed).toMatchObject({ reason: 'Card expired' });
    expect(report.charges.charged).toBe(billing.charges().length);
  });
});

describe('the period-end job and the planner statistics', () => {
  it('refreshes them on its first run in a process, then once per analyzeEveryMs', async () => {
    const db = await PGlite.create();
    try {
      const store = await createPgliteStore({ db });
      await store.createAccount(
        testAccount('stats', {
          periodStart: '2026-03-01',
          members: Array.from({ length: 40 }, (_, index) => ({
            id: `m${index}`,
            name: `Member ${index}`,
            email: `m${index}@example.com`,
            status: 'inactive',
            role: 'member',
            poolId: null,
            consumes: false,
          })),
        }),
      );
      const counted = async () =>
        Number(
          (
            await db.query<{ rows: number }>(
              "SELECT reltuples AS rows FROM pg_class WHERE relname = 'seats_members'",
            )
          ).rows[0]?.rows,
        );
      // Imports under 1,000 members leave the statistics as the migrations left them: empty.
      expect(await counted()).toBeLessThan(40);

      const jobs = createSeatsJobs({ store, billing: createDevBilling() });
      expect((await jobs.tick({ now: start })).analyzed).toBe(true);
      expect(await counted()).toBe(40);
      expect((await jobs.tick({ now: new Date(start.getTime() + 60_000) })).analyzed).toBe(false);
      expect((await jobs.tick({ now: new Date(start.getTime() + 3_600_000) })).analyzed).toBe(true);
      const often = createSeatsJobs({ store, billing: createDevBilling() });
      expect((await often.tick({ now: start, analyzeEveryMs: 0 })).analyzed).toBe(true);
      expect((await often.tick({ now: start, analyzeEveryMs: 0 })).analyzed).toBe(true);
    } finally {
      await db.close();
    }
  });
});
