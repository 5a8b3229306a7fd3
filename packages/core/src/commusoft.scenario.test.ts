/**
 * Commusoft, "Managing your Commusoft licenses": contracted, monthly and daily licence types, each
 * with its own bar; storage allowed per licence; purchases confirmed by e-signature; only
 * non-contracted licences that nobody uses can be deleted; only owner/manager and financial office
 * staff see licences.
 */
import { describe, expect, it } from 'vitest';
import {
  type Account,
  advanceAccount,
  applyAllowancePlan,
  completeSignature,
  countConsumingMembers,
  countHoldingMembers,
  decideMemberChange,
  describeUsage,
  explainPlanIssue,
  fillTemplate,
  type MemberAssignment,
  type Pool,
  planAllowanceChange,
  signedContractLicenceTypes as policy,
} from './index';

// 15 of the 30 days of November are left at 10:00 on the 16th (the current day counts).
const now = '2026-11-16T10:00:00.000Z';
const contractEnd = '2028-01-01T00:00:00.000Z';
const gigabytes = 1_000_000_000;
const account: Account = {
  id: 'commusoft-heating',
  name: 'Ashford Heating Ltd',
  plan: 'Customer Journey Plan',
  currency: 'GBP',
  billingPeriod: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
  contract: { kind: 'contracted', start: '2026-01-01T00:00:00.000Z', end: contractEnd },
  storageUsedBytes: 150 * gigabytes,
};
const contracted: Pool = {
  id: 'contracted',
  name: 'Contracted',
  term: 'contracted',
  purchased: 5,
  scheduledRemoval: 0,
  pendingSignature: 0,
  unitPrice: 4_500,
  storagePerLicenceBytes: 20 * gigabytes,
};
const monthly: Pool = {
  id: 'monthly',
  name: 'Monthly rolling',
  term: 'monthly',
  purchased: 3,
  scheduledRemoval: 0,
  pendingSignature: 0,
  unitPrice: 5_500,
  storagePerLicenceBytes: 20 * gigabytes,
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
const engineer = (poolId: string): MemberAssignment => ({
  status: 'active',
  role: 'engineer',
  poolId,
});
const staff: MemberAssignment[] = [
  ...Array.from({ length: 5 }, () => engineer('contracted')),
  engineer('monthly'),
  engineer('monthly'),
  engineer('daily'),
  { status: 'inactive', role: 'engineer', poolId: 'daily' },
];

describe('Commusoft: managing licences (signedContractLicenceTypes)', () => {
  describe('How to access the licences setting', () => {
    it.each(['owner-manager', 'financial-office'])(
      'lets the %s role view and change licences',
      (role) => {
        const usage = describeUsage({
          account,
          pools: [contracted, monthly, daily],
          usedByPool: countConsumingMembers(staff, policy),
          policy,
          viewerRole: role,
        });
        expect(usage.viewer).toMatchObject({ viewLicences: true, changeAllowance: true });
      },
    );

    it.each(['office-staff', 'engineer'])(
      'keeps licences and their controls away from the %s role',
      (role) => {
        const usage = describeUsage({
          account,
          pools: [contracted, monthly, daily],
          usedByPool: countConsumingMembers(staff, policy),
          policy,
          viewerRole: role,
        });
        expect(usage.viewer).toMatchObject({ viewLicences: false, changeAllowance: false });
        expect(usage.pools.map((pool) => pool.adjust)).toEqual(['hidden', 'hidden', 'hidden']);
      },
    );
  });

  describe('Your contract details', () => {
    it('shows the contract dates, the contracted licences renewing when the contract expires', () => {
      const usage = describeUsage({
        account,
        pools: [contracted, monthly, daily],
        usedByPool: countConsumingMembers(staff, policy),
        policy,
        viewerRole: 'owner-manager',
      });
      expect(usage.contractEndsAt).toBe(contractEnd);
      expect(usage.pools.map((pool) => pool.renewsAt)).toEqual([
        contractEnd,
        '2026-12-01T00:00:00.000Z',
        '2026-12-01T00:00:00.000Z',
      ]);
    });

    it('shows storage used against an allowance of 20 GB per contracted or monthly licence', () => {
      const usage = describeUsage({
        account,
        pools: [contracted, monthly, daily],
        usedByPool: countConsumingMembers(staff, policy),
        policy,
        viewerRole: 'owner-manager',
      });
      expect(usage.pools.map((pool) => pool.storageAllowanceBytes)).toEqual([
        100 * gigabytes,
        60 * gigabytes,
        null,
      ]);
      expect(usage.storage).toEqual({
        usedBytes: 150 * gigabytes,
        allowanceBytes: 160 * gigabytes,
        state: 'near',
        percent: 93.75,
      });
    });

    it('describes each licence type on its own progress bar', () => {
      const usage = describeUsage({
        account,
        pools: [contracted, monthly, daily],
        usedByPool: countConsumingMembers(staff, policy),
        policy,
        viewerRole: 'owner-manager',
      });
      expect(
        usage.pools.map(({ poolId, term, used, purchased, available, state }) => ({
          poolId,
          term,
          used,
          purchased,
          available,
          state,
        })),
      ).toEqual([
        {
          poolId: 'contracted',
          term: 'contracted',
          used: 5,
          purchased: 5,
          available: 0,
          state: 'full',
        },
        { poolId: 'monthly', term: 'monthly', used: 2, purchased: 3, available: 1, state: 'ok' },
        { poolId: 'daily', term: 'daily', used: 1, purchased: 2, available: 1, state: 'ok' },
      ]);
      expect(usage).toMatchObject({ purchased: 10, used: 8, available: 2 });
    });
  });

  describe('Add licenses', () => {
    it('takes the number of licences to add in the text box under the chosen type', () => {
      expect(policy.changeInput).toBe('delta');
      const usage = describeUsage({
        account,
        pools: [contracted, monthly, daily],
        usedByPool: countConsumingMembers(staff, policy),
        policy,
        viewerRole: 'financial-office',
      });
      for (const pool of usage.pools) {
        expect(pool.increase).toEqual({ allowed: true, effective: 'after-signature', at: null });
      }
    });

    it('breaks down the cost of a monthly licence for the rest of the month and each month after', () => {
      const decision = planAllowanceChange({
        account,
        pool: monthly,
        used: 2,
        policy,
        viewerRole: 'owner-manager',
        request: { poolId: 'monthly', delta: 1 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan.lines).toEqual([
        {
          kind: 'prorated-charge',
          quantity: 1,
          unitPrice: 5_500,
          fraction: { unit: 'day', remaining: 15, total: 30 },
          amount: 2_750,
        },
        { kind: 'recurring-change', quantity: 1, unitPrice: 5_500, per: 'period', amount: 5_500 },
      ]);
    });

    it('prices a daily licence per day, charging now each day left in the period, today included', () => {
      const decision = planAllowanceChange({
        account,
        pool: daily,
        used: 1,
        policy,
        viewerRole: 'owner-manager',
        request: { poolId: 'daily', delta: 2 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan.lines).toContainEqual({
        kind: 'recurring-change',
        quantity: 2,
        unitPrice: 300,
        per: 'day',
        amount: 600,
      });
      // November 16 to 30: 15 days at 2 x 3.00 now; December's 31 days on the next invoice.
      expect(decision.plan.lines).toContainEqual({
        kind: 'prorated-charge',
        quantity: 2,
        unitPrice: 300,
        fraction: { unit: 'day', remaining: 15, total: 30 },
        amount: 600 * 15,
        per: 'day',
      });
      expect(decision.plan.dueNow.amount).toBe(600 * 15);
      expect(decision.plan.nextInvoiceChange.amount).toBe(600 * 31);
    });

    it('calculates the total commitment for contracted licences from today until the contract ends', () => {
      const decision = planAllowanceChange({
        account,
        pool: contracted,
        used: 5,
        policy,
        viewerRole: 'owner-manager',
        request: { poolId: 'contracted', delta: 1 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      // 45.00 x 15/30 for the rest of November, then 13 whole months (December 2026 to the end
      // of 2027) at 45.00 each, whatever their length.
      expect(decision.plan.lines).toContainEqual({
        kind: 'commitment',
        quantity: 1,
        until: contractEnd,
        amount: 2_250 + 13 * 4_500,
      });
      expect(decision.plan.dueNow.amount).toBe(2_250);
    });

    it('commits a licence bought two days before a 30-day month ends to that rest plus eleven whole months', () => {
      const decision = planAllowanceChange({
        account: {
          ...account,
          contract: { ...account.contract, end: '2027-11-01T00:00:00.000Z' } as Account['contract'],
        },
        pool: { ...contracted, unitPrice: 6_500 },
        used: 5,
        policy,
        viewerRole: 'owner-manager',
        request: { poolId: 'contracted', delta: 1 },
        now: '2026-11-29T10:00:00.000Z',
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      // 65.00 x 2/30 = 4.33, then December 2026 to October 2027 at 65.00 each: 719.33, not the
      // 730.16 of dividing the 335 days after November by November's 30.
      expect(decision.plan.lines).toContainEqual({
        kind: 'commitment',
        quantity: 1,
        until: '2027-11-01T00:00:00.000Z',
        amount: 71_933,
      });
      expect(decision.plan.dueNow.amount).toBe(433);
    });

    it('commits a licence bought in February to the same whole months as one bought in March', () => {
      const commitment = (start: string, end: string, at: string) => {
        const decision = planAllowanceChange({
          account: { ...account, billingPeriod: { start, end } },
          pool: contracted,
          used: 5,
          policy,
          viewerRole: 'owner-manager',
          request: { poolId: 'contracted', delta: 1 },
          now: at,
        });
        if (decision.status !== 'planned') throw new Error(decision.status);
        return decision.plan.lines.find((line) => line.kind === 'commitment')?.amount;
      };
      // The last day of each month, then the whole months to 1 January 2028 at 45.00 each.
      expect(
        commitment(
          '2027-02-01T00:00:00.000Z',
          '2027-03-01T00:00:00.000Z',
          '2027-02-28T10:00:00.000Z',
        ),
      ).toBe(Math.round(4_500 / 28) + 10 * 4_500);
      expect(
        commitment(
          '2027-03-01T00:00:00.000Z',
          '2027-04-01T00:00:00.000Z',
          '2027-03-31T10:00:00.000Z',
        ),
      ).toBe(Math.round(4_500 / 31) + 9 * 4_500);
    });

    it('leaves the purchase pending after Save until it is signed from the confirmation email', () => {
      const decision = planAllowanceChange({
        account,
        pool: contracted,
        used: 5,
        policy,
        viewerRole: 'owner-manager',
        request: { poolId: 'contracted', delta: 1 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan).toMatchObject({
        confirmations: ['e-signature'],
        result: 'pending-signature',
        effectiveAt: null,
      });
      const pending = applyAllowancePlan(contracted, decision.plan);
      const usage = describeUsage({
        account,
        pools: [pending, monthly, daily],
        usedByPool: countConsumingMembers(staff, policy),
        policy,
        viewerRole: 'owner-manager',
      });
      expect(usage.pools[0]).toMatchObject({ purchased: 5, pendingSignature: 1, available: 0 });
      expect(
        decideMemberChange({ policy, usage, before: null, after: engineer('contracted') }).outcome,
      ).toBe('needs-licence');
    });

    it('makes the licence usable once the e-signature completes', () => {
      const decision = planAllowanceChange({
        account,
        pool: contracted,
        used: 5,
        policy,
        viewerRole: 'owner-manager',
        request: { poolId: 'contracted', delta: 1 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      const signed = completeSignature(
        applyAllowancePlan(contracted, decision.plan),
        decision.plan,
      );
      expect(signed).toMatchObject({ purchased: 6, pendingSignature: 0 });
      const usage = describeUsage({
        account,
        pools: [signed, monthly, daily],
        usedByPool: countConsumingMembers(staff, policy),
        policy,
        viewerRole: 'owner-manager',
      });
      expect(usage.pools[0]).toMatchObject({
        available: 1,
        storageAllowanceBytes: 120 * gigabytes,
      });
      expect(
        decideMemberChange({ policy, usage, before: null, after: engineer('contracted') }),
      ).toMatchObject({ outcome: 'allowed', claims: ['contracted'] });
    });
  });

  describe('Delete licenses', () => {
    it('deletes a monthly rolling licence at once, crediting the rest of the month', () => {
      const decision = planAllowanceChange({
        account,
        pool: monthly,
        used: 2,
        policy,
        viewerRole: 'owner-manager',
        request: { poolId: 'monthly', delta: -1 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan).toMatchObject({
        kind: 'decrease',
        result: 'applied',
        effectiveAt: now,
        confirmations: [],
      });
      expect(decision.plan.lines).toContainEqual({
        kind: 'prorated-credit',
        quantity: 1,
        unitPrice: 5_500,
        fraction: { unit: 'day', remaining: 15, total: 30 },
        amount: -2_750,
      });
      expect(applyAllowancePlan(monthly, decision.plan).purchased).toBe(2);
    });

    it('deletes a daily licence at once, crediting the days left, today included, and lowering the daily charge', () => {
      const decision = planAllowanceChange({
        account,
        pool: daily,
        used: 1,
        policy,
        viewerRole: 'owner-manager',
        request: { poolId: 'daily', delta: -1 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan.lines).toEqual([
        { kind: 'recurring-change', quantity: -1, unitPrice: 300, per: 'day', amount: -300 },
        {
          kind: 'prorated-credit',
          quantity: 1,
          unitPrice: 300,
          fraction: { unit: 'day', remaining: 15, total: 30 },
          amount: -300 * 15,
          per: 'day',
        },
      ]);
      expect(decision.plan.dueNow.amount).toBe(-300 * 15);
      expect(applyAllowancePlan(daily, decision.plan).purchased).toBe(1);
    });

    it('keeps contracted licences for the contract term, adjustable upon renewal', () => {
      const usage = describeUsage({
        account,
        pools: [{ ...contracted, purchased: 6 }],
        usedByPool: countConsumingMembers(staff, policy),
        policy,
        viewerRole: 'owner-manager',
      });
      expect(usage.pools[0]?.decrease).toEqual({
        allowed: false,
        reason: 'contracted-until',
        until: contractEnd,
      });
      const decision = planAllowanceChange({
        account,
        pool: { ...contracted, purchased: 6 },
        used: 5,
        policy,
        viewerRole: 'owner-manager',
        request: { poolId: 'contracted', delta: -1 },
        now,
      });
      if (decision.status !== 'invalid') throw new Error(decision.status);
      expect(decision.issues.map(explainPlanIssue)).toEqual([
        'These licences are contracted until 2028-01-01 and can change at renewal.',
      ]);
    });

    it('adjusts contracted licences upon renewal: removed in the last month, gone when the contract renews', () => {
      const lastMonth: Account = {
        ...account,
        billingPeriod: { start: '2027-12-01T00:00:00.000Z', end: contractEnd },
      };
      const pools = [{ ...contracted, purchased: 6 }, monthly, daily];
      const usage = describeUsage({
        account: lastMonth,
        pools,
        usedByPool: countConsumingMembers(staff, policy),
        policy,
        viewerRole: 'owner-manager',
      });
      expect(usage.pools[0]?.decrease).toEqual({
        allowed: true,
        effective: 'period-end',
        at: contractEnd,
      });
      const decision = planAllowanceChange({
        account: lastMonth,
        pool: pools[0],
        used: 5,
        policy,
        viewerRole: 'owner-manager',
        request: { poolId: 'contracted', delta: -1 },
        now: '2027-12-10T10:00:00.000Z',
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan).toMatchObject({ result: 'scheduled', effectiveAt: contractEnd });
      const renewed = advanceAccount({
        account: lastMonth,
        pools: [applyAllowancePlan(pools[0] as Pool, decision.plan), monthly, daily],
        policy,
        openChanges: [{ id: 'adjust', status: 'scheduled', plan: decision.plan }],
        now: '2028-01-02T08:00:00.000Z',
      });
      expect(renewed.changes).toEqual([{ id: 'adjust', status: 'applied', at: contractEnd }]);
      expect(renewed.pools[0]).toMatchObject({ term: 'contracted', purchased: 5 });
      // Without a renewal rule the contract renews for a term as long as the last: two years.
      expect(renewed.account.contract).toEqual({
        kind: 'contracted',
        start: contractEnd,
        end: '2030-01-01T00:00:00.000Z',
      });
    });

    it('never deletes a licence assigned to a user', () => {
      expect(
        planAllowanceChange({
          account,
          pool: monthly,
          used: 2,
          policy,
          viewerRole: 'owner-manager',
          request: { poolId: 'monthly', delta: -2 },
          now,
        }),
      ).toEqual({
        status: 'invalid',
        issues: [{ field: 'delta', code: 'below-assigned', limit: 2, floor: 'holders' }],
      });
      const usage = describeUsage({
        account,
        pools: [{ ...monthly, purchased: 2 }],
        usedByPool: { monthly: 2 },
        policy,
        viewerRole: 'owner-manager',
      });
      expect(usage.pools[0]?.decrease).toEqual({ allowed: false, reason: 'all-assigned' });
    });

    it('never deletes a licence assigned to a user who is inactive', () => {
      // The daily licences: one active engineer and one inactive engineer hold them.
      const full: Pool = { ...daily, purchased: 2 };
      const heldByPool = countHoldingMembers(staff);
      expect(countConsumingMembers(staff, policy).daily).toBe(1);
      expect(heldByPool.daily).toBe(2);
      const decision = planAllowanceChange({
        account,
        pool: full,
        used: 1,
        held: heldByPool.daily,
        policy,
        viewerRole: 'owner-manager',
        request: { poolId: 'daily', delta: -1 },
        now,
      });
      if (decision.status !== 'invalid') throw new Error(decision.status);
      expect(decision.issues).toEqual([
        { field: 'delta', code: 'below-assigned', limit: 2, floor: 'holders' },
      ]);
      expect(decision.issues.map(explainPlanIssue)).toEqual([
        '2 licences are assigned to users; delete users or move them to another licence type before going below that.',
      ]);
      const usage = describeUsage({
        account,
        pools: [full],
        usedByPool: countConsumingMembers(staff, policy),
        heldByPool,
        policy,
        viewerRole: 'owner-manager',
      });
      expect(usage.pools[0]).toMatchObject({ used: 1, available: 1 });
      expect(usage.pools[0]?.decrease).toEqual({ allowed: false, reason: 'all-assigned' });
    });

    it('frees the licence by switching its user to another licence type, then deletes it', () => {
      const full: Pool = { ...monthly, purchased: 2 };
      const usage = describeUsage({
        account,
        pools: [contracted, full, daily],
        usedByPool: countConsumingMembers(staff, policy),
        policy,
        viewerRole: 'owner-manager',
      });
      expect(
        decideMemberChange({
          policy,
          usage,
          before: engineer('monthly'),
          after: engineer('daily'),
        }),
      ).toMatchObject({ outcome: 'allowed', claims: ['daily'], releases: ['monthly'] });
      const moved = staff.map((member, index) => (index === 5 ? engineer('daily') : member));
      const used = countConsumingMembers(moved, policy).monthly ?? 0;
      expect(
        planAllowanceChange({
          account,
          pool: full,
          used,
          policy,
          viewerRole: 'owner-manager',
          request: { poolId: 'monthly', delta: -1 },
          now,
        }),
      ).toMatchObject({ status: 'planned', plan: { to: 1, result: 'applied' } });
    });

    it('frees the licence by deleting its user, then deletes it', () => {
      const full: Pool = { ...monthly, purchased: 2 };
      const usage = describeUsage({
        account,
        pools: [contracted, full, daily],
        usedByPool: countConsumingMembers(staff, policy),
        policy,
        viewerRole: 'owner-manager',
      });
      expect(
        decideMemberChange({ policy, usage, before: engineer('monthly'), after: null }),
      ).toMatchObject({ outcome: 'allowed', releases: ['monthly'] });
    });
  });
  describe("the article's words", () => {
    it('offers Purchase new... under each licence type and saves a purchase with Save', () => {
      const words = policy.vocabulary?.messages ?? {};
      for (const term of ['contracted', 'monthly', 'daily']) {
        expect(fillTemplate(words.adjustTrigger ?? '', { term })).toBe(
          `Purchase new ${term} licenses`,
        );
      }
      expect(words.submitIncrease).toBe('Save');
      expect(words.submitDecrease).toBe('Delete license(s)');
    });
  });
});
