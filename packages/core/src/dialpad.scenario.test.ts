/**
 * Dialpad, "Manage Dialpad Licenses": purchases mid-cycle are prorated, removals are scheduled for
 * the end of the billing cycle and can be restored at no charge, contracted (invoiced) plans cannot
 * remove licences themselves, and add-ons follow the same rules.
 */
import { describe, expect, it } from 'vitest';
import {
  type Account,
  applyAllowancePlan,
  countConsumingMembers,
  decideMemberChange,
  definePolicy,
  describeUsage,
  explainPlanIssue,
  type MemberAssignment,
  type Pool,
  planAllowanceChange,
  planRestore,
  scheduledRemovalWithRestore as policy,
  scheduledRemovalNoPortalPurchase,
  settlePeriodEnd,
} from './index';

// 14 days and 18 hours of a 30-day cycle are left: 15 of 30 whole days, today counting whole.
const now = '2026-11-16T06:00:00.000Z';
const periodEnd = '2026-12-01T00:00:00.000Z';
const account: Account = {
  id: 'dialpad-co',
  name: 'Harbour Logistics',
  plan: 'Dialpad Pro',
  currency: 'USD',
  billingPeriod: { start: '2026-11-01T00:00:00.000Z', end: periodEnd },
  contract: { kind: 'self-serve' },
};
const invoiced: Account = {
  ...account,
  contract: {
    kind: 'contracted',
    start: '2026-01-01T00:00:00.000Z',
    end: '2027-01-01T00:00:00.000Z',
  },
};
const licences: Pool = {
  id: 'licences',
  name: 'Dialpad licenses',
  term: 'monthly',
  purchased: 10,
  scheduledRemoval: 0,
  pendingSignature: 0,
  unitPrice: 2_500,
};
const addOns: Pool = {
  id: 'meetings-add-on',
  name: 'Meetings add-on',
  term: 'add-on',
  purchased: 4,
  scheduledRemoval: 0,
  pendingSignature: 0,
  unitPrice: 1_500,
};
const user: MemberAssignment = { status: 'active', role: 'user', poolId: 'licences' };
const staff = (size: number): MemberAssignment[] => Array.from({ length: size }, () => user);

describe('Dialpad: managing licences (scheduledRemovalWithRestore)', () => {
  describe('summary', () => {
    it('prorates licences purchased during a billing cycle in whole days, today counting whole', () => {
      const decision = planAllowanceChange({
        account,
        pool: licences,
        used: 8,
        policy,
        viewerRole: 'office-admin',
        request: { poolId: 'licences', delta: 2 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      const fraction = { unit: 'day', remaining: 15, total: 30 };
      expect(decision.plan.lines).toEqual([
        // "2 licences × $25.00, 15 of 30 days": 2 x 25.00 x 15 / 30 = 25.00
        { kind: 'prorated-charge', quantity: 2, unitPrice: 2_500, fraction, amount: 2_500 },
        { kind: 'recurring-change', quantity: 2, unitPrice: 2_500, per: 'period', amount: 5_000 },
      ]);
      expect(decision.plan.dueNow.amount).toBe(2_500);
      expect(decision.plan.nextInvoiceChange.amount).toBe(5_000);
    });

    it('creates user accounts only for as many licences as are available', () => {
      const usage = describeUsage({
        account,
        pools: [licences],
        usedByPool: countConsumingMembers(staff(10), policy),
        policy,
        viewerRole: 'office-admin',
      });
      expect(decideMemberChange({ policy, usage, before: null, after: user })).toMatchObject({
        outcome: 'needs-licence',
        shortfall: 1,
        remedies: [{ kind: 'buy', poolId: 'licences', quantity: 1, total: 11 }],
      });
    });

    it('charges for every purchased licence, inactive and unassigned ones included', () => {
      const empty = describeUsage({
        account,
        pools: [licences],
        usedByPool: {},
        policy,
        viewerRole: 'office-admin',
      });
      const suspended = describeUsage({
        account,
        pools: [licences],
        usedByPool: countConsumingMembers(
          staff(10).map((member) => ({ ...member, status: 'suspended' })),
          policy,
        ),
        policy,
        viewerRole: 'office-admin',
      });
      expect(empty.pools[0]?.nextPeriod).toBe(10);
      expect(suspended.pools[0]).toMatchObject({ used: 10, nextPeriod: 10 });
    });
  });

  describe('Purchase licences (Company Settings, Billing menu, Office settings)', () => {
    it('takes the number of licences to purchase and moves on with Next', () => {
      expect(policy.changeInput).toBe('delta');
      const decision = planAllowanceChange({
        account,
        pool: licences,
        used: 10,
        policy,
        viewerRole: 'company-admin',
        request: { poolId: 'licences', delta: 3 },
        now,
      });
      expect(decision).toMatchObject({
        status: 'planned',
        plan: { kind: 'increase', from: 10, to: 13, added: 3 },
      });
    });

    it('shows a payment summary to review and applies the purchase on Confirm Purchase', () => {
      const decision = planAllowanceChange({
        account,
        pool: licences,
        used: 10,
        policy,
        viewerRole: 'company-admin',
        request: { poolId: 'licences', delta: 3 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan.confirmations).toEqual([]);
      expect(decision.plan.result).toBe('applied');
      expect(decision.plan.effectiveAt).toBe(now);
      const usage = describeUsage({
        account,
        pools: [applyAllowancePlan(licences, decision.plan)],
        usedByPool: countConsumingMembers(staff(10), policy),
        policy,
        viewerRole: 'company-admin',
      });
      expect(usage).toMatchObject({ purchased: 13, available: 3 });
    });

    it('purchases add-ons the same way, prorated', () => {
      const decision = planAllowanceChange({
        account,
        pool: addOns,
        used: 4,
        policy,
        viewerRole: 'office-admin',
        request: { poolId: 'meetings-add-on', delta: 1 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      // 15.00 x 15 / 30 days = 7.50
      expect(decision.plan.dueNow).toEqual({ amount: 750, currency: 'USD' });
      expect(applyAllowancePlan(addOns, decision.plan).purchased).toBe(5);
    });

    it('sends an admin whose plan does not allow portal purchases to the Customer Success Manager', () => {
      const managed = scheduledRemovalNoPortalPurchase;
      const usage = describeUsage({
        account,
        pools: [licences],
        usedByPool: {},
        policy: managed,
        viewerRole: 'office-admin',
      });
      expect(usage.pools[0]?.increase).toEqual({
        allowed: false,
        reason: 'contact',
        contact: 'your Customer Success Manager',
      });
      const decision = planAllowanceChange({
        account,
        pool: licences,
        used: 0,
        policy: managed,
        viewerRole: 'office-admin',
        request: { poolId: 'licences', delta: 1 },
        now,
      });
      if (decision.status !== 'invalid') throw new Error(decision.status);
      expect(decision.issues.map(explainPlanIssue)).toEqual([
        'Licences cannot be added here; please contact your Customer Success Manager.',
      ]);
    });
  });

  describe('Remove licences', () => {
    it('lets Office Admins of a non-contracted plan schedule a removal for the end of the cycle', () => {
      const usage = describeUsage({
        account,
        pools: [licences],
        usedByPool: countConsumingMembers(staff(6), policy),
        policy,
        viewerRole: 'office-admin',
      });
      expect(usage.pools[0]?.decrease).toEqual({
        allowed: true,
        effective: 'period-end',
        at: periodEnd,
      });
    });

    it('enters the number to remove, reviews, and schedules it with Remove Licenses', () => {
      const decision = planAllowanceChange({
        account,
        pool: licences,
        used: 6,
        policy,
        viewerRole: 'office-admin',
        request: { poolId: 'licences', delta: -3 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan).toMatchObject({
        kind: 'decrease',
        from: 10,
        to: 7,
        removed: 3,
        result: 'scheduled',
        effectiveAt: periodEnd,
      });
      expect(decision.plan.dueNow.amount).toBe(0);
      expect(decision.plan.nextInvoiceChange.amount).toBe(-3 * 2_500);
    });

    it('keeps scheduled licences until the end of the current billing cycle, then removes them', () => {
      const decision = planAllowanceChange({
        account,
        pool: licences,
        used: 6,
        policy,
        viewerRole: 'office-admin',
        request: { poolId: 'licences', delta: -3 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      const scheduled = applyAllowancePlan(licences, decision.plan);
      const during = describeUsage({
        account,
        pools: [scheduled],
        usedByPool: countConsumingMembers(staff(6), policy),
        policy,
        viewerRole: 'office-admin',
      });
      expect(during).toMatchObject({
        purchased: 10,
        scheduledRemoval: 3,
        nextPeriod: 7,
        available: 1,
      });
      expect(settlePeriodEnd(scheduled)).toMatchObject({ purchased: 7, scheduledRemoval: 0 });
    });

    it('does not let users be created on licences scheduled for removal', () => {
      const usage = describeUsage({
        account,
        pools: [{ ...licences, scheduledRemoval: 3 }],
        usedByPool: countConsumingMembers(staff(7), policy),
        policy,
        viewerRole: 'office-admin',
      });
      expect(decideMemberChange({ policy, usage, before: null, after: user })).toMatchObject({
        outcome: 'needs-licence',
        purchased: 10,
        used: 7,
        available: 0,
        shortfall: 1,
        remedies: [{ kind: 'buy', poolId: 'licences', quantity: 1, total: 8 }],
      });
    });

    it('schedules the removal of add-ons with Remove Add-Ons', () => {
      const decision = planAllowanceChange({
        account,
        pool: addOns,
        used: 1,
        policy,
        viewerRole: 'office-admin',
        request: { poolId: 'meetings-add-on', delta: -2 },
        now,
      });
      expect(decision).toMatchObject({
        status: 'planned',
        plan: { kind: 'decrease', result: 'scheduled', effectiveAt: periodEnd, to: 2 },
      });
    });

    it('never removes licences still assigned to users', () => {
      const decision = planAllowanceChange({
        account,
        pool: licences,
        used: 9,
        policy,
        viewerRole: 'office-admin',
        request: { poolId: 'licences', delta: -3 },
        now,
      });
      expect(decision).toEqual({
        status: 'invalid',
        issues: [{ field: 'delta', code: 'below-assigned', limit: 9 }],
      });
    });

    it('hides self-service removal on a contracted (invoiced) plan, for licences and add-ons', () => {
      for (const pool of [licences, addOns]) {
        const usage = describeUsage({
          account: invoiced,
          pools: [pool],
          usedByPool: {},
          policy,
          viewerRole: 'office-admin',
        });
        expect(usage.pools[0]?.decrease).toEqual({
          allowed: false,
          reason: 'contracted-until',
          until: '2027-01-01T00:00:00.000Z',
          contact: 'your Customer Success Manager',
        });
        expect(
          planAllowanceChange({
            account: invoiced,
            pool,
            used: 0,
            policy,
            viewerRole: 'office-admin',
            request: { poolId: pool.id, delta: -1 },
            now,
          }),
        ).toEqual({
          status: 'invalid',
          issues: [
            {
              field: 'delta',
              code: 'contracted-until',
              until: '2027-01-01T00:00:00.000Z',
              contact: 'your Customer Success Manager',
            },
          ],
        });
      }
    });

    it('says "please contact your Customer Success Manager" to a contracted plan wanting fewer licences', () => {
      const decision = planAllowanceChange({
        account: invoiced,
        pool: licences,
        used: 0,
        policy,
        viewerRole: 'office-admin',
        request: { poolId: 'licences', delta: -1 },
        now,
      });
      if (decision.status !== 'invalid') throw new Error(decision.status);
      expect(decision.issues.map(explainPlanIssue)).toEqual([
        'These licences are contracted until 2027-01-01; please contact your Customer Success Manager to change them.',
      ]);
    });

    it('still lets a contracted plan purchase licences', () => {
      expect(
        planAllowanceChange({
          account: invoiced,
          pool: licences,
          used: 10,
          policy,
          viewerRole: 'office-admin',
          request: { poolId: 'licences', delta: 1 },
          now,
        }),
      ).toMatchObject({ status: 'planned', plan: { kind: 'increase', result: 'applied' } });
    });
  });

  describe('Restore licences scheduled for removal', () => {
    const scheduled: Pool = { ...licences, scheduledRemoval: 3 };

    it('offers to restore while removals are scheduled for the end of the cycle', () => {
      const usage = describeUsage({
        account,
        pools: [scheduled],
        usedByPool: countConsumingMembers(staff(6), policy),
        policy,
        viewerRole: 'office-admin',
      });
      expect(usage.pools[0]?.restore).toEqual({ allowed: true, effective: 'now', at: null });
      const settled = describeUsage({
        account,
        pools: [settlePeriodEnd(scheduled)],
        usedByPool: countConsumingMembers(staff(6), policy),
        policy,
        viewerRole: 'office-admin',
      });
      expect(settled.pools[0]?.restore).toEqual({ allowed: false, reason: 'nothing-scheduled' });
    });

    it('restores up to the number scheduled for removal at no charge', () => {
      const decision = planRestore({
        account,
        pool: scheduled,
        used: 6,
        policy,
        viewerRole: 'office-admin',
        quantity: 2,
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan).toMatchObject({
        kind: 'restore',
        from: 7,
        to: 9,
        restored: 2,
        added: 0,
        result: 'applied',
        confirmations: [],
      });
      expect(decision.plan.lines).toContainEqual({ kind: 'restore', quantity: 2, amount: 0 });
      expect(decision.plan.dueNow.amount).toBe(0);
      const restored = applyAllowancePlan(scheduled, decision.plan);
      expect(restored).toMatchObject({ purchased: 10, scheduledRemoval: 1 });
      expect(settlePeriodEnd(restored).purchased).toBe(9);
    });

    it('restores through Purchase License first, buying only what exceeds the scheduled removals', () => {
      const decision = planAllowanceChange({
        account,
        pool: scheduled,
        used: 6,
        policy,
        viewerRole: 'office-admin',
        request: { poolId: 'licences', delta: 5 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan).toMatchObject({ kind: 'increase', restored: 3, added: 2, to: 12 });
      expect(decision.plan.lines[0]).toEqual({ kind: 'restore', quantity: 3, amount: 0 });
      // Only the 2 bought licences are charged: 2 x 25.00 x 15 / 30 days.
      expect(decision.plan.dueNow.amount).toBe(2_500);
      expect(decision.plan.nextInvoiceChange.amount).toBe(5 * 2_500);
      expect(applyAllowancePlan(scheduled, decision.plan)).toMatchObject({
        purchased: 12,
        scheduledRemoval: 0,
      });
    });

    it('bills restored licences again from the next invoice, as if never scheduled for removal', () => {
      const removal = planAllowanceChange({
        account,
        pool: licences,
        used: 6,
        policy,
        viewerRole: 'office-admin',
        request: { poolId: 'licences', delta: -3 },
        now,
      });
      if (removal.status !== 'planned') throw new Error(removal.status);
      const scheduledNow = applyAllowancePlan(licences, removal.plan);
      const restore = planRestore({
        account,
        pool: scheduledNow,
        used: 6,
        policy,
        viewerRole: 'office-admin',
        quantity: 3,
        now,
      });
      if (restore.status !== 'planned') throw new Error(restore.status);
      expect(restore.plan.lines).toEqual([
        { kind: 'restore', quantity: 3, amount: 0 },
        { kind: 'recurring-change', quantity: 3, unitPrice: 2_500, per: 'period', amount: 7_500 },
      ]);
      expect(restore.plan.dueNow.amount).toBe(0);
      expect(restore.plan.nextInvoiceChange.amount + removal.plan.nextInvoiceChange.amount).toBe(0);
      expect(applyAllowancePlan(scheduledNow, restore.plan)).toEqual(licences);
    });

    it('refuses to restore more licences than are scheduled for removal', () => {
      const decision = planRestore({
        account,
        pool: scheduled,
        used: 6,
        policy,
        viewerRole: 'office-admin',
        quantity: 4,
        now,
      });
      expect(decision).toEqual({
        status: 'invalid',
        issues: [{ field: 'delta', code: 'not-restorable', limit: 3 }],
      });
    });

    it('refuses to restore where the contract terms say removals are final', () => {
      const finalRemovals = definePolicy({
        ...policy,
        decrease: { mode: 'period-end', restorable: false },
      });
      const usage = describeUsage({
        account,
        pools: [scheduled],
        usedByPool: {},
        policy: finalRemovals,
        viewerRole: 'office-admin',
      });
      expect(usage.pools[0]?.restore).toEqual({ allowed: false, reason: 'not-restorable' });
      expect(
        planRestore({
          account,
          pool: scheduled,
          used: 0,
          policy: finalRemovals,
          viewerRole: 'office-admin',
          quantity: 1,
          now,
        }),
      ).toMatchObject({ status: 'invalid', issues: [{ code: 'not-restorable' }] });
    });
  });
  describe('Add-ons', () => {
    const contactCenter: Pool = {
      ...addOns,
      id: 'contact-center',
      name: 'Contact Center add-on',
      purchased: 2,
    };
    const agent: MemberAssignment = { ...user, addOnIds: ['contact-center'] };
    const usageOf = (members: MemberAssignment[]) =>
      describeUsage({
        account,
        pools: [licences, contactCenter],
        usedByPool: countConsumingMembers(members, policy),
        policy,
        viewerRole: 'office-admin',
      });

    it('a licensed user can also hold the Contact Center add-on', () => {
      const decision = decideMemberChange({
        policy,
        usage: usageOf([...staff(5), agent]),
        before: user,
        after: agent,
      });
      expect(decision).toMatchObject({
        outcome: 'allowed',
        claims: ['contact-center'],
        releases: [],
      });
      expect(countConsumingMembers([...staff(5), agent, agent], policy)).toEqual({
        licences: 7,
        'contact-center': 2,
      });
    });

    it('creates a user with a licence and the add-on, claiming both', () => {
      expect(
        decideMemberChange({ policy, usage: usageOf(staff(5)), before: null, after: agent }),
      ).toMatchObject({ outcome: 'allowed', claims: ['contact-center', 'licences'], releases: [] });
    });

    it('refuses the add-on when every add-on licence is used, offering to buy one', () => {
      const usage = usageOf([...staff(5), agent, agent]);
      expect(decideMemberChange({ policy, usage, before: user, after: agent })).toMatchObject({
        outcome: 'needs-licence',
        poolId: 'contact-center',
        shortfall: 1,
        remedies: [{ kind: 'buy', poolId: 'contact-center', quantity: 1, total: 3 }],
      });
    });

    it('frees both licences when the user leaves; a suspended user still holds both', () => {
      const usage = usageOf([...staff(5), agent, agent]);
      expect(decideMemberChange({ policy, usage, before: agent, after: null })).toMatchObject({
        outcome: 'allowed',
        claims: [],
        releases: ['contact-center', 'licences'],
      });
      expect(
        decideMemberChange({
          policy,
          usage,
          before: agent,
          after: { ...agent, status: 'suspended' },
        }),
      ).toMatchObject({ outcome: 'allowed', claims: [], releases: [] });
    });

    it('holds only add-on pools as add-ons, once each, beside a licence', () => {
      const usage = usageOf(staff(5));
      expect(
        decideMemberChange({
          policy,
          usage,
          before: null,
          after: { ...user, addOnIds: ['licences', 'contact-center', 'contact-center', 'x'] },
        }),
      ).toEqual({
        outcome: 'invalid',
        issues: [
          { field: 'addOnIds', code: 'not-add-on', poolId: 'licences' },
          { field: 'addOnIds', code: 'duplicate-pool', poolId: 'contact-center' },
          { field: 'addOnIds', code: 'unknown-pool', poolId: 'x' },
        ],
      });
      expect(
        decideMemberChange({
          policy,
          usage,
          before: null,
          after: { ...agent, poolId: null },
        }),
      ).toEqual({
        outcome: 'invalid',
        issues: [{ field: 'addOnIds', code: 'needs-base-pool', poolId: 'contact-center' }],
      });
    });
  });

  describe("the article's words", () => {
    it('adds with Add Licenses, removes with Remove Licenses and buys or restores with Confirm Purchase', () => {
      const words = policy.vocabulary?.messages ?? {};
      expect(words.directionAdd).toBe('Add Licenses');
      expect(words.directionRemove).toBe('Remove Licenses');
      expect(words.submitDecrease).toBe('Remove Licenses');
      expect(words.submitIncrease).toBe('Confirm Purchase');
      expect(words.submitRestore).toBe('Confirm Purchase');
    });
  });
});
