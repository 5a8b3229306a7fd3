import { describe, expect, it } from 'vitest';
import {
  type Account,
  advanceAccount,
  applyAllowancePlan,
  definePolicy,
  describeUsage,
  type Pool,
  planAllowanceChange,
} from './index';

const policy = definePolicy({
  changeInput: 'delta',
  decrease: { mode: 'immediate' },
  atRenewal: 'decrease',
});
const account: Account = {
  id: 'acct',
  name: 'Ashford Heating Ltd',
  plan: 'Customer Journey Plan',
  currency: 'GBP',
  billingPeriod: { start: '2026-12-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
  contract: {
    kind: 'contracted',
    start: '2026-01-01T00:00:00.000Z',
    end: '2027-01-01T00:00:00.000Z',
  },
};
const contracted: Pool = {
  id: 'contracted',
  name: 'Contracted',
  term: 'contracted',
  purchased: 6,
  scheduledRemoval: 0,
  pendingSignature: 0,
  unitPrice: 4_500,
};
const daily: Pool = {
  id: 'daily',
  name: 'Daily',
  term: 'daily',
  purchased: 2,
  scheduledRemoval: 0,
  pendingSignature: 0,
  unitPrice: 300,
};

describe('advanceAccount', () => {
  it('changes nothing while now is inside the current period', () => {
    const result = advanceAccount({
      account,
      pools: [contracted],
      policy,
      now: '2026-12-31T23:59:59.999Z',
    });
    expect(result).toEqual({ account, pools: [contracted], periodEnds: [], changes: [] });
  });

  it('adjusts contracted licences at renewal: removed in the last period, gone when the term renews', () => {
    const usage = describeUsage({
      account,
      pools: [contracted],
      usedByPool: { contracted: 4 },
      policy,
      viewerRole: 'owner',
    });
    expect(usage.pools[0]?.decrease).toEqual({
      allowed: true,
      effective: 'period-end',
      at: '2027-01-01T00:00:00.000Z',
    });
    const decision = planAllowanceChange({
      account,
      pool: contracted,
      used: 4,
      policy,
      viewerRole: 'owner',
      request: { poolId: 'contracted', delta: -2 },
      now: '2026-12-10T00:00:00.000Z',
    });
    if (decision.status !== 'planned') throw new Error(decision.status);
    expect(decision.plan).toMatchObject({
      result: 'scheduled',
      effectiveAt: '2027-01-01T00:00:00.000Z',
    });
    const scheduled = applyAllowancePlan(contracted, decision.plan);

    const result = advanceAccount({
      account,
      pools: [scheduled, daily],
      policy,
      openChanges: [{ id: 'change-1', status: 'scheduled', plan: decision.plan }],
      now: '2027-01-05T08:00:00.000Z',
    });
    expect(result.changes).toEqual([
      { id: 'change-1', status: 'applied', at: '2027-01-01T00:00:00.000Z' },
    ]);
    expect(result.pools[0]).toEqual({ ...contracted, purchased: 4 });
    expect(result.account).toEqual({
      ...account,
      billingPeriod: { start: '2027-01-01T00:00:00.000Z', end: '2027-02-01T00:00:00.000Z' },
      contract: {
        kind: 'contracted',
        start: '2027-01-01T00:00:00.000Z',
        end: '2028-01-01T00:00:00.000Z',
      },
    });
    expect(result.periodEnds).toEqual([
      {
        ended: account.billingPeriod,
        next: result.account.billingPeriod,
        contract: {
          outcome: 'renewed',
          at: '2027-01-01T00:00:00.000Z',
          contract: result.account.contract,
        },
        charges: [
          { poolId: 'contracted', quantity: 4, per: 'period', amount: 4 * 4_500 },
          { poolId: 'daily', quantity: 2, per: 'day', amount: 2 * 300 * 31 },
        ],
      },
    ]);
    // In the renewed term's first period the contract locks the licences again.
    const renewed = describeUsage({
      account: result.account,
      pools: result.pools,
      usedByPool: { contracted: 4 },
      policy,
      viewerRole: 'owner',
    });
    expect(renewed.pools[0]?.decrease).toEqual({
      allowed: false,
      reason: 'contracted-until',
      until: '2028-01-01T00:00:00.000Z',
    });
    expect(
      advanceAccount({ ...result, policy, now: '2027-01-05T08:00:00.000Z' }).periodEnds,
    ).toEqual([]);
  });

  it('keeps contracted licences locked until the term has ended when the policy says so', () => {
    const usage = describeUsage({
      account,
      pools: [contracted],
      usedByPool: { contracted: 4 },
      policy: { ...policy, atRenewal: 'none' },
      viewerRole: 'owner',
    });
    expect(usage.pools[0]?.decrease).toMatchObject({ allowed: false, reason: 'contracted-until' });
  });

  it('falls back to monthly: self-serve, contracted licences become monthly, billed by calendar month', () => {
    const annual: Account = {
      ...account,
      billingPeriod: { start: '2026-01-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
      contract: { ...account.contract, renewal: { mode: 'monthly' } } as Account['contract'],
    };
    const result = advanceAccount({
      account: annual,
      pools: [contracted],
      policy,
      now: '2027-02-10T00:00:00.000Z',
    });
    expect(result.account.contract).toEqual({ kind: 'self-serve' });
    expect(result.account.billingPeriod).toEqual({
      start: '2027-02-01T00:00:00.000Z',
      end: '2027-03-01T00:00:00.000Z',
    });
    expect(result.pools[0]?.term).toBe('monthly');
    expect(result.periodEnds.map((end) => [end.ended.end, end.contract?.outcome ?? null])).toEqual([
      ['2027-01-01T00:00:00.000Z', 'ended'],
      ['2027-02-01T00:00:00.000Z', null],
    ]);
  });

  it('cancels a purchase still waiting for its signature when its period ends', () => {
    const waiting: Pool = { ...contracted, pendingSignature: 2 };
    const result = advanceAccount({
      account,
      pools: [waiting],
      policy,
      openChanges: [
        {
          id: 'signed-later',
          status: 'pending-signature',
          plan: { poolId: 'contracted', added: 2, removed: 0, restored: 0 },
        },
        {
          id: 'done',
          status: 'applied',
          plan: { poolId: 'contracted', added: 1, removed: 0, restored: 0 },
        },
      ],
      now: '2027-01-01T00:00:00.000Z',
    });
    expect(result.changes).toEqual([
      { id: 'signed-later', status: 'cancelled', at: '2027-01-01T00:00:00.000Z' },
    ]);
    expect(result.pools[0]).toMatchObject({ purchased: 6, pendingSignature: 0 });
  });

  it('bills a renewed term paid in advance at its renewal, and nothing in its other periods', () => {
    const upfront: Account = {
      ...account,
      billingPeriod: { start: '2026-12-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
      contract: { ...account.contract, payment: 'upfront' } as Account['contract'],
    };
    const result = advanceAccount({
      account: upfront,
      pools: [contracted],
      policy,
      now: '2027-02-01T00:00:00.000Z',
    });
    expect(result.periodEnds.map((end) => end.charges)).toEqual([
      [{ poolId: 'contracted', quantity: 6, per: 'term', amount: 6 * 12 * 4_500 }],
      [{ poolId: 'contracted', quantity: 6, per: 'term', amount: 0 }],
    ]);
  });
});
