import { describe, expect, it } from 'vitest';
import { describePlanPrice, describeUnitPrice } from './describe-plan-price';
import type { AllowancePlan, PriceLine } from './plan-allowance-change';

const november = { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' };
const now = '2026-11-29T10:00:00.000Z';

function plan(lines: PriceLine[], dueNow: number, nextInvoiceChange: number): AllowancePlan {
  return {
    poolId: 'users',
    kind: 'increase',
    from: 10,
    to: 12,
    delta: 2,
    added: 2,
    restored: 0,
    removed: 0,
    effectiveAt: now,
    lines,
    dueNow: { amount: dueNow, currency: 'USD' },
    nextInvoiceChange: { amount: nextInvoiceChange, currency: 'USD' },
    confirmations: [],
    result: 'applied',
  };
}

const sum = (rows: { amount: number }[]) => rows.reduce((total, row) => total + row.amount, 0);

describe('describePlanPrice', () => {
  it('says what is due today for which days, and the next invoice before and after, each adding up', () => {
    const price = describePlanPrice({
      period: november,
      plan: plan(
        [
          {
            kind: 'prorated-charge',
            quantity: 2,
            unitPrice: 4900,
            fraction: { unit: 'day', remaining: 2, total: 30 },
            amount: 653,
          },
          { kind: 'recurring-change', quantity: 2, unitPrice: 4900, per: 'period', amount: 9800 },
        ],
        653,
        9800,
      ),
    });
    // The heading's stretch is the row's: today and tomorrow, the two days charged.
    const today = '2026-11-29T00:00:00.000Z';
    expect(price.dueNow).toMatchObject({ total: 653, from: today, until: november.end });
    expect(price.dueNow.rows).toMatchObject([
      { quantity: 2, per: 'month', proration: 'day', days: 2, ofDays: 30, from: today },
    ]);
    expect(sum(price.dueNow.rows)).toBe(price.dueNow.total);
    expect(price.nextInvoice).toMatchObject({ at: november.end, before: 49_000, after: 58_800 });
    expect(sum(price.nextInvoice.rows)).toBe(price.nextInvoice.change);
  });

  it("counts a price per day in the next period's days on the next invoice (31 in December)", () => {
    const price = describePlanPrice({
      period: november,
      plan: plan(
        [{ kind: 'recurring-change', quantity: 2, unitPrice: 150, per: 'day', amount: 300 }],
        0,
        9300,
      ),
    });
    expect(price.nextInvoice.rows).toMatchObject([{ per: 'day', days: 31, amount: 9300 }]);
    expect(price.nextInvoice).toMatchObject({ change: 9300, before: 46_500, after: 55_800 });
    expect(price.dueNow).toMatchObject({ rows: [], total: 0, from: null });
  });

  it("prices a daily licence type's charge today per day for the days left (Commusoft)", () => {
    const price = describePlanPrice({
      period: november,
      plan: plan(
        [
          {
            kind: 'prorated-charge',
            quantity: 2,
            unitPrice: 150,
            fraction: { unit: 'day', remaining: 2, total: 30 },
            amount: 600,
            per: 'day',
          },
          { kind: 'recurring-change', quantity: 2, unitPrice: 150, per: 'day', amount: 300 },
        ],
        600,
        9300,
      ),
    });
    expect(price.dueNow.rows).toMatchObject([{ per: 'day', days: 2, ofDays: 30, amount: 600 }]);
    expect(price.dueNow).toMatchObject({ from: '2026-11-29T00:00:00.000Z', until: november.end });
    expect(price.nextInvoice.rows).toMatchObject([{ per: 'day', days: 31, amount: 9300 }]);
  });

  it('says "prorated" over no row that charges the whole period (Dazos)', () => {
    const price = describePlanPrice({
      period: november,
      plan: plan(
        [
          {
            kind: 'prorated-charge',
            quantity: 1,
            unitPrice: 14_700,
            fraction: { unit: 'none', remaining: 1, total: 1 },
            amount: 14_700,
          },
          {
            kind: 'recurring-change',
            quantity: 1,
            unitPrice: 14_700,
            per: 'period',
            amount: 14_700,
          },
        ],
        14_700,
        14_700,
      ),
    });
    expect(price.dueNow).toMatchObject({ from: null, until: null });
    expect(price.dueNow.rows).toMatchObject([
      { proration: 'none', days: null, from: november.start, until: november.end },
    ]);
  });

  it("gives the renewal's figures before and after when the contract ends with this period (December of a calendar-year term)", () => {
    const renewal = { start: november.end, end: '2027-12-01T00:00:00.000Z' };
    const price = describePlanPrice({
      period: november,
      plan: plan(
        [
          {
            kind: 'prorated-charge',
            quantity: 2,
            unitPrice: 15_480,
            fraction: { unit: 'day', remaining: 2, total: 365 },
            amount: 170,
            term: { start: '2025-12-01T00:00:00.000Z', end: november.end },
            until: november.end,
          },
          {
            kind: 'recurring-change',
            quantity: 2,
            unitPrice: 15_480,
            per: 'term',
            amount: 30_960,
            from: november.end,
            term: renewal,
          },
        ],
        170,
        30_960,
      ),
    });
    expect(price.nextInvoice).toMatchObject({
      at: november.end,
      before: 154_800,
      after: 185_760,
    });
  });

  it('puts charges billed later on the next invoice, where they add up with the recurring change', () => {
    const price = describePlanPrice({
      period: november,
      plan: plan(
        [
          {
            kind: 'prorated-charge',
            quantity: 2,
            unitPrice: 4900,
            fraction: { unit: 'second', remaining: 131_911, total: 2_592_000 },
            amount: 249,
          },
          { kind: 'recurring-change', quantity: 2, unitPrice: 4900, per: 'period', amount: 9800 },
        ],
        0,
        10_049,
      ),
    });
    expect(price.dueNow.rows).toEqual([]);
    // By the second, a row names its exact stretch and never claims a count of days.
    expect(price.nextInvoice.rows).toMatchObject([
      { proration: 'second', days: null, from: '2026-11-29T11:21:29.000Z', until: november.end },
      { amount: 9800 },
    ]);
    expect(sum(price.nextInvoice.rows)).toBe(price.nextInvoice.change);
  });

  it('prices one licence per month, or per day for a daily licence type', () => {
    const account = { billingPeriod: november, contract: { kind: 'self-serve' } } as const;
    const policy = {
      proration: { unit: 'day', rounding: 'half-up' },
      contractLocksDecrease: 'contracted-pools',
    } as const;
    expect(describeUnitPrice({ unitPrice: 4900, term: 'monthly' }, account, policy)).toEqual({
      unitPrice: 4900,
      per: 'month',
    });
    expect(describeUnitPrice({ unitPrice: 150, term: 'daily' }, account, policy).per).toBe('day');
  });

  it('prices one licence per year where the policy prorates over an annual main contract', () => {
    const account = {
      billingPeriod: november,
      contract: {
        kind: 'contracted',
        start: '2026-01-01T00:00:00.000Z',
        end: '2027-01-01T00:00:00.000Z',
        payment: 'upfront',
      },
    } as const;
    const overTerm = {
      proration: { unit: 'day', rounding: 'half-up', over: 'contract-term' },
      contractLocksDecrease: 'contracted-pools',
    } as const;
    expect(describeUnitPrice({ unitPrice: 1290, term: 'contracted' }, account, overTerm)).toEqual({
      unitPrice: 15_480,
      per: 'year',
    });
    const overPeriod = { ...overTerm, proration: { unit: 'day', rounding: 'half-up' } } as const;
    expect(describeUnitPrice({ unitPrice: 1290, term: 'contracted' }, account, overPeriod)).toEqual(
      {
        unitPrice: 1290,
        per: 'month',
      },
    );
  });
});
