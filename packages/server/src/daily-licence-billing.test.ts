import { definePolicy } from '@seats/core';
import type { Change, Quote } from '@seats/core/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDevBilling,
  createSeatsHandler,
  createSeatsJobs,
  type SeatsEvent,
  type SeatsStore,
} from './index';
import { createPgliteStore } from './pglite';
import { testAccount } from './test-account';

const dayMs = 86_400_000;
const dailyPrice = 300;
/** Whole UTC days from the day of `from` to the day of `to`, the first counting, the last not. */
const daysBetween = (from: string, to: string) =>
  Math.floor(Date.parse(to) / dayMs) - Math.floor(Date.parse(from) / dayMs);

describe('daily licences on PGlite', () => {
  let store: SeatsStore;
  beforeAll(async () => {
    store = await createPgliteStore();
  });
  afterAll(() => store.close());

  it('bills each day a daily licence is held, the rest of the month it is bought in included, and credits the days left when it is removed', async () => {
    // One daily licence from December 1; a second bought on December 2, removed on January 10.
    const base = testAccount('daily', { periodStart: '2026-12-01' });
    await store.createAccount({
      ...base,
      policy: definePolicy({ name: 'daily', decrease: { mode: 'immediate' } }),
      pools: [
        {
          id: 'daily',
          name: 'Daily',
          term: 'daily',
          purchased: 1,
          scheduledRemoval: 0,
          pendingSignature: 0,
          unitPrice: dailyPrice,
        },
      ],
    });
    const billing = createDevBilling();
    const events: SeatsEvent[] = [];
    let now = '2026-12-02T15:00:00.000Z';
    const handle = createSeatsHandler({
      store,
      billing,
      clock: () => new Date(now),
      recoverOnStart: false,
      onEvent: (event) => events.push(event),
      identify: () => ({ accountId: 'daily', memberId: null, role: 'owner' }),
    });
    const jobs = createSeatsJobs({
      store,
      billing,
      clock: () => new Date(now),
      onEvent: (event) => events.push(event),
    });
    const change = async (total: number) => {
      const send = (path: string, body: unknown, key?: string) =>
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
      const quote = (await (await send('/quotes', { poolId: 'daily', total })).json()) as Quote;
      const committed = await send('/changes', { quoteId: quote.id }, `daily-${total}-${now}`);
      expect(committed.status).toBe(201);
      return (await committed.json()) as Change;
    };

    const bought = '2026-12-02T15:00:00.000Z';
    expect((await change(2)).status).toBe('applied');
    now = '2027-01-01T00:00:05.000Z';
    await jobs.tick();
    const removed = '2027-01-10T09:00:00.000Z';
    now = removed;
    expect((await change(1)).status).toBe('applied');
    now = '2027-02-01T00:00:05.000Z';
    await jobs.tick();

    // The first licence is held from January 1 to March 1 (the period paid on February 1 ends
    // then); the second from December 2 to January 10, its day of removal credited.
    const held =
      daysBetween('2027-01-01T00:00:00.000Z', '2027-03-01T00:00:00.000Z') +
      daysBetween(bought, removed);
    expect(held).toBe(59 + 39);
    const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);
    const charged = sum(billing.charges().map((charge) => charge.amount.amount));
    const credited = sum(billing.credits().map((credit) => credit.amount.amount));
    expect(charged - credited).toBe(held * dailyPrice);
    expect(credited).toBe(daysBetween(removed, '2027-02-01T00:00:00.000Z') * dailyPrice);

    // The ledger: each period's recorded charge and each change's charge or credit.
    const periods = await store.listPeriodEnds('daily', 10);
    const changes = events.flatMap((event) =>
      event.type === 'allowance.increased' || event.type === 'allowance.decreased'
        ? [event.plan.dueNow.amount]
        : [],
    );
    expect(changes).toEqual([30 * dailyPrice, -22 * dailyPrice]);
    expect(sum(periods.map((period) => period.amount.amount)) + sum(changes)).toBe(
      held * dailyPrice,
    );
    const rolled = events.flatMap((event) =>
      event.type === 'period.rolled' ? [event.amount.amount] : [],
    );
    expect(rolled).toEqual([2 * 31 * dailyPrice, 28 * dailyPrice]);
  });
});
