import type { ProviderFigures } from '@seats/core';
import type { Change, FullSummary, Quote } from '@seats/core/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoAccounts, seedDemoAccounts } from './demo';
import {
  type BillingResult,
  createSeatsHandler,
  createSeatsJobs,
  type SeatsStore,
  type SetQuantityRequest,
  type SubscriptionBillingProvider,
  type SubscriptionPreviewRequest,
} from './index';
import { createPgliteStore } from './pglite';

const start = new Date('2026-03-10T12:00:00.000Z');
const dazos = 'delta-upgrade-at-limit';
const dialpad = 'scheduled-removal-with-restore';

/**
 * A provider holding the subscriptions: it prices a change with its own figures (unlike the kit's
 * proration, so a test sees whose figures a quote shows), sets each key's quantity once and
 * answers a key asked again as it answered first.
 */
function fakeSubscriptions() {
  const previews: SubscriptionPreviewRequest[] = [];
  const calls: SetQuantityRequest[] = [];
  const answered = new Map<string, BillingResult>();
  const quantities = new Map<string, number>();
  let next: 'succeed' | 'decline' | 'pend' | 'throw' = 'succeed';
  let held: Promise<void> | null = null;
  const provider: SubscriptionBillingProvider = {
    mode: 'subscription-quantity',
    async preview(request) {
      previews.push(request);
      const figures: ProviderFigures = {
        dueNow: {
          amount: request.prorationBehavior === 'always-invoice' ? 1_234 : 0,
          currency: 'USD',
        },
        nextInvoice: {
          before: { amount: 50_000, currency: 'USD' },
          after: { amount: 55_555, currency: 'USD' },
        },
        lines: [
          {
            description: `Remaining time on ${request.quantity} × User licences`,
            amount: 1_234,
            poolId: request.poolId,
          },
        ],
      };
      return figures;
    },
    async setQuantity(request) {
      calls.push(request);
      const hold = held;
      held = null;
      if (hold !== null) await hold;
      const earlier = answered.get(request.idempotencyKey);
      if (earlier !== undefined) return earlier;
      const outcome = next;
      next = 'succeed';
      if (outcome === 'throw') throw new Error('socket hang up');
      const result: BillingResult =
        outcome === 'decline'
          ? { status: 'declined', reason: 'Your card was declined.' }
          : outcome === 'pend'
            ? { status: 'pending', reference: `in_${answered.size + 1}` }
            : { status: 'succeeded', reference: `si_update_${answered.size + 1}` };
      answered.set(request.idempotencyKey, result);
      if (result.status !== 'declined')
        quantities.set(`${request.accountId}/${request.poolId}`, request.quantity);
      return result;
    },
  };
  return {
    provider,
    previews,
    calls,
    quantities,
    /** How many distinct keys changed a quantity. */
    acted: () => answered.size,
    failNext(outcome: 'decline' | 'pend' | 'throw') {
      next = outcome;
    },
    /** Keeps the next call waiting until the returned function is called. */
    holdNext(): () => void {
      let release = () => {};
      held = new Promise((resolve) => {
        release = resolve;
      });
      return release;
    },
  };
}

describe('the subscription-quantity mode', () => {
  let store: SeatsStore;
  let now: Date;
  let subscriptions: ReturnType<typeof fakeSubscriptions>;
  let signatures: string[];

  beforeAll(async () => {
    store = await createPgliteStore();
  });
  afterAll(async () => {
    await store.close();
  });
  beforeEach(async () => {
    await store.clear();
    await seedDemoAccounts(store, { now: start });
    subscriptions = fakeSubscriptions();
    signatures = [];
    now = start;
  });

  function api(account = dazos) {
    const role = demoAccounts().find((demo) => demo.id === account)?.adminRole ?? 'owner';
    const handle = createSeatsHandler({
      store,
      billing: subscriptions.provider,
      clock: () => now,
      recoverOnStart: false,
      identify: () => ({ accountId: account, memberId: null, role }),
      requestSignature: ({ token }) => {
        signatures.push(token);
      },
    });
    const call = async <T>(method: string, path: string, body?: unknown, key?: string) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (key !== undefined) headers['idempotency-key'] = key;
      const response = await handle(
        new Request(`http://host.test/v1${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
      return { status: response.status, body: (await response.json()) as T };
    };
    return {
      summary: async () => (await call<FullSummary>('GET', '/summary')).body,
      quote: async (poolId: string, delta: number) =>
        (await call<Quote>('POST', '/quotes', { poolId, delta })).body,
      commit: (quoteId: string, key: string) =>
        call<Change & { code?: string }>('POST', '/changes', { quoteId }, key),
      sign: (changeId: string, token: string) =>
        call<Change & { code?: string }>('POST', `/changes/${changeId}/sign`, { token }),
    };
  }

  it("shows the provider's figures in the quote instead of the kit's prorated ones", async () => {
    const quote = await api(dialpad).quote('standard', 2);
    expect(subscriptions.previews).toEqual([
      {
        accountId: dialpad,
        poolId: 'standard',
        quantity: 22,
        prorationBehavior: 'always-invoice',
        now: start.toISOString(),
      },
    ]);
    expect(quote.plan.dueNow).toEqual({ amount: 1_234, currency: 'USD' });
    expect(quote.plan.nextInvoiceChange).toEqual({ amount: 5_555, currency: 'USD' });
    expect(quote.plan.provider?.lines[0]?.description).toBe('Remaining time on 22 × User licences');
    expect(quote.plan.lines.map((line) => line.kind)).not.toContain('prorated-charge');
    // The rules are still the kit's.
    expect(quote.plan).toMatchObject({ added: 2, from: 20, to: 22, result: 'applied' });
  });

  it('asks for no proration where the policy prorates nothing', async () => {
    const quote = await api(dazos).quote('users', 2);
    expect(quote.plan.provider).toMatchObject({ quantity: 12, prorationBehavior: 'none' });
    expect(quote.plan.dueNow.amount).toBe(0);
  });

  it('sets the quantity once, keyed by the change, when the commit is sent again', async () => {
    const seats = api(dialpad);
    const quote = await seats.quote('standard', 1);
    subscriptions.failNext('throw');
    const first = await seats.commit(quote.id, 'key-1');
    expect(first.status).toBe(503);
    const second = await seats.commit(quote.id, 'key-1');
    const third = await seats.commit(quote.id, 'key-1');
    expect([second.status, third.status]).toEqual([201, 201]);
    expect(second.body.status).toBe('applied');
    expect(third.body.id).toBe(second.body.id);
    expect(subscriptions.calls.map((call) => call.idempotencyKey)).toEqual([
      second.body.id,
      second.body.id,
    ]);
    expect(subscriptions.calls[1]).toMatchObject({
      quantity: 21,
      prorationBehavior: 'always-invoice',
    });
    expect(subscriptions.acted()).toBe(1);
    const pool = (await seats.summary()).pools.find((candidate) => candidate.id === 'standard');
    expect(pool?.purchased).toBe(21);
  });

  it('refuses a second purchase of a pool while the first is with the provider, so both quantities agree', async () => {
    const seats = api(dialpad);
    const first = await seats.quote('standard', 2);
    const release = subscriptions.holdNext();
    const firstCommit = seats.commit(first.id, 'key-1');
    await vi.waitFor(() => expect(subscriptions.calls).toHaveLength(1));
    // Quoted while the first is charging: the provider still holds 20, so it would ask for 21.
    const second = await seats.quote('standard', 1);
    const secondCommit = await seats.commit(second.id, 'key-2');
    expect(secondCommit.status).toBe(409);
    expect(secondCommit.body.code).toBe('change_in_progress');
    release();
    expect((await firstCommit).status).toBe(201);
    expect(subscriptions.calls.map((call) => call.quantity)).toEqual([22]);

    const third = await seats.quote('standard', 1);
    expect((await seats.commit(third.id, 'key-3')).status).toBe(201);
    const pool = (await seats.summary()).pools.find((candidate) => candidate.id === 'standard');
    expect(pool?.purchased).toBe(23);
    expect(subscriptions.quantities.get(`${dialpad}/standard`)).toBe(23);
  });

  it('sets the quantity of a change a failed call left charging once, in recovery', async () => {
    const seats = api(dialpad);
    const quote = await seats.quote('standard', 1);
    subscriptions.failNext('throw');
    const first = await seats.commit(quote.id, 'key-1');
    expect(first.status).toBe(503);
    const jobs = createSeatsJobs({ store, billing: subscriptions.provider, clock: () => now });
    now = new Date(start.getTime() + 2 * 60_000);
    expect(await jobs.recover()).toMatchObject({ found: 1, applied: 1 });
    expect(await jobs.recover()).toMatchObject({ found: 0 });
    expect(subscriptions.acted()).toBe(1);
    expect(subscriptions.quantities.get(`${dialpad}/standard`)).toBe(21);
    const pool = (await seats.summary()).pools.find((candidate) => candidate.id === 'standard');
    expect(pool).toMatchObject({ purchased: 21, pendingSignature: 0 });
  });

  it('leaves the subscription alone when a purchase only gives back licences of a scheduled removal', async () => {
    const seats = api(dialpad);
    const removal = await seats.quote('standard', -2);
    await seats.commit(removal.id, 'key-1');
    const purchase = await seats.quote('standard', 3);
    expect(purchase.plan).toMatchObject({ restored: 2, added: 1, to: 21 });
    // The subscription still holds the 20 of this period: one more is 21.
    expect(purchase.plan.provider?.quantity).toBe(21);
    const giveBack = await seats.quote('standard', 1);
    expect(giveBack.plan).toMatchObject({ kind: 'restore', added: 0, to: 19 });
    expect(giveBack.plan.provider).toMatchObject({ quantity: 19, prorationBehavior: 'none' });
    const restored = await seats.commit(giveBack.id, 'key-2');
    expect(restored.body.status).toBe('applied');
    expect(subscriptions.calls).toHaveLength(0);
  });

  it('sets the quantity of a purchase waiting for its e-signature once it is signed', async () => {
    const seats = api('signed-contract-licence-types');
    const quote = await seats.quote('monthly', 1);
    const pending = await seats.commit(quote.id, 'key-1');
    expect(pending.body.status).toBe('pending-signature');
    expect(subscriptions.calls).toHaveLength(0);
    const signed = await seats.sign(pending.body.id, signatures[0] ?? '');
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe('applied');
    expect(subscriptions.calls).toMatchObject([
      {
        poolId: 'monthly',
        idempotencyKey: pending.body.id,
        quantity: quote.plan.provider?.quantity,
      },
    ]);
  });

  it('leaves the allowance unchanged when the provider declines', async () => {
    const seats = api();
    const quote = await seats.quote('users', 3);
    subscriptions.failNext('decline');
    const declined = await seats.commit(quote.id, 'key-1');
    expect(declined.status).toBe(402);
    expect(declined.body.code).toBe('payment_failed');
    const pool = (await seats.summary()).pools[0];
    expect(pool).toMatchObject({ purchased: 10, pendingSignature: 0 });
    expect(subscriptions.quantities.size).toBe(0);
  });

  it("applies a pending quantity change once the provider's confirmation is recorded", async () => {
    const seats = api();
    const quote = await seats.quote('users', 1);
    subscriptions.failNext('pend');
    const pending = await seats.commit(quote.id, 'key-1');
    expect(pending.status).toBe(202);
    expect((await seats.summary()).pools[0]?.purchased).toBe(10);
    const jobs = createSeatsJobs({ store, billing: subscriptions.provider, clock: () => now });
    await jobs.settle({
      accountId: dazos,
      changeId: pending.body.id,
      result: { status: 'succeeded', reference: 'in_1' },
    });
    expect((await seats.summary()).pools[0]?.purchased).toBe(11);
  });

  it('charges nothing at the period end and hands each pool its new quantity instead', async () => {
    const seats = api(dialpad);
    const removal = await seats.quote('standard', -2);
    expect(removal.plan.result).toBe('scheduled');
    expect(removal.plan.provider?.prorationBehavior).toBe('none');
    const committed = await seats.commit(removal.id, 'key-1');
    expect(committed.body.status).toBe('scheduled');
    // A removal at the period's end reaches the subscription with the period, not before.
    expect(subscriptions.calls).toHaveLength(0);

    const jobs = createSeatsJobs({ store, billing: subscriptions.provider, clock: () => now });
    now = new Date('2026-04-01T00:10:00.000Z');
    const report = await jobs.tick();
    expect(report.periodsRolled).toBe(demoAccounts().length);
    expect(report.charges).toEqual({ charged: 0, pending: 0, failed: 0, unsettled: 0 });
    expect(report.charged).toEqual({});
    expect(subscriptions.calls.every((call) => call.prorationBehavior === 'none')).toBe(true);
    expect(subscriptions.quantities.get(`${dialpad}/standard`)).toBe(18);
    expect(report.quantitiesSet).toBe(subscriptions.calls.length);

    const again = await jobs.tick();
    expect(again.quantitiesSet).toBe(0);
    expect(subscriptions.acted()).toBe(subscriptions.calls.length);
  });

  it('hands over the quantity of a contract paid in advance mid-term, whose period costs the kit nothing', async () => {
    const factro = 'daily-prorated-with-password';
    const jobs = createSeatsJobs({ store, billing: subscriptions.provider, clock: () => now });
    now = new Date('2026-04-01T00:10:00.000Z');
    await jobs.tick();
    expect(subscriptions.calls.filter((call) => call.accountId === factro)).toMatchObject([
      { poolId: 'named', quantity: 10, prorationBehavior: 'none' },
    ]);
  });

  it('never undoes a purchase applied between the roll and the job, and waits for one still with the provider', async () => {
    const seats = api(dialpad);
    const removal = await seats.quote('standard', -2);
    await seats.commit(removal.id, 'key-1');
    now = new Date('2026-04-01T00:10:00.000Z');
    // A read rolls the account (20 → 18), then a purchase applies before the job runs (18 → 19).
    await seats.summary();
    const bought = await seats.commit((await seats.quote('standard', 1)).id, 'key-2');
    expect(bought.status).toBe(201);
    expect(subscriptions.quantities.get(`${dialpad}/standard`)).toBe(19);

    const jobs = createSeatsJobs({ store, billing: subscriptions.provider, clock: () => now });
    await jobs.tick();
    expect(subscriptions.quantities.get(`${dialpad}/standard`)).toBe(19);
    const pool = (await seats.summary()).pools.find((candidate) => candidate.id === 'standard');
    expect(pool?.purchased).toBe(19);
  });

  it('hands a period over only once no change of the pool is still with the provider', async () => {
    const seats = api(dialpad);
    now = new Date('2026-04-01T00:10:00.000Z');
    await seats.summary();
    const release = subscriptions.holdNext();
    const buying = seats.commit((await seats.quote('standard', 1)).id, 'key-1');
    await vi.waitFor(() => expect(subscriptions.calls).toHaveLength(1));

    const jobs = createSeatsJobs({ store, billing: subscriptions.provider, clock: () => now });
    const deferred = await jobs.tick();
    const handedOver = () =>
      subscriptions.calls.filter(
        (call) =>
          call.accountId === dialpad &&
          call.poolId === 'standard' &&
          call.changeId.startsWith('period_'),
      );
    expect(handedOver()).toEqual([]);
    expect(deferred.charges.unsettled).toBeGreaterThan(0);

    release();
    expect((await buying).status).toBe(201);
    // The claim goes stale and a later run hands over what the pool holds then.
    now = new Date('2026-04-01T00:20:00.000Z');
    await jobs.tick();
    expect(handedOver().map((call) => call.quantity)).toEqual([21]);
    expect(subscriptions.quantities.get(`${dialpad}/standard`)).toBe(21);
  });

  it('hands over the period when a read rolled the account before the job ran', async () => {
    const factro = 'daily-prorated-with-password';
    now = new Date('2026-04-01T00:10:00.000Z');
    await api(factro).summary();
    expect(subscriptions.calls).toHaveLength(0);
    const jobs = createSeatsJobs({ store, billing: subscriptions.provider, clock: () => now });
    await jobs.tick();
    expect(subscriptions.calls.filter((call) => call.accountId === factro)).toHaveLength(1);
  });

  it('sets no quantity for a change charged in the charges mode before the switch, and leaves it to settle()', async () => {
    const charges = createSeatsHandler({
      store,
      billing: {
        charge: async () => {
          throw new Error('socket hang up');
        },
        credit: async () => {
          throw new Error('socket hang up');
        },
      },
      clock: () => now,
      recoverOnStart: false,
      identify: () => ({ accountId: dialpad, memberId: null, role: 'company-admin' }),
    });
    const post = (path: string, body: unknown, key?: string) =>
      charges(
        new Request(`http://host.test/v1${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(key === undefined ? {} : { 'idempotency-key': key }),
          },
          body: JSON.stringify(body),
        }),
      );
    const quote = (await (await post('/quotes', { poolId: 'standard', delta: 1 })).json()) as Quote;
    expect((await post('/changes', { quoteId: quote.id }, 'key-1')).status).toBe(503);

    const jobs = createSeatsJobs({ store, billing: subscriptions.provider, clock: () => now });
    now = new Date(start.getTime() + 2 * 60_000);
    expect(await jobs.recover()).toMatchObject({ found: 1, unsettled: 1 });
    expect(subscriptions.calls).toHaveLength(0);
  });

  it("answers 503 without the provider's own words when it cannot price a change", async () => {
    const handle = createSeatsHandler({
      store,
      billing: {
        ...subscriptions.provider,
        preview: async () => {
          throw new Error("No such subscription: 'sub_1Qx9secret'");
        },
      },
      clock: () => now,
      recoverOnStart: false,
      identify: () => ({ accountId: dialpad, memberId: null, role: 'company-admin' }),
    });
    const response = await handle(
      new Request('http://host.test/v1/quotes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ poolId: 'standard', delta: 1 }),
      }),
    );
    expect(response.status).toBe(503);
    const problem = (await response.json()) as { code: string; detail: string };
    expect(problem.code).toBe('service_unavailable');
    expect(problem.detail).not.toContain('sub_');
    expect(problem.detail).toMatch(/payment provider/);
  });
});
