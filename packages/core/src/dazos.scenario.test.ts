/**
 * Dazos CRM, "How to Upgrade User Licenses (CRM)": the Upgrade control appears at the seat limit,
 * the admin types how many ADDITIONAL seats they need, and only billing roles may do it.
 */
import { describe, expect, it } from 'vitest';
import {
  type Account,
  applyAllowancePlan,
  countConsumingMembers,
  decideMemberChange,
  describeUsage,
  explainPlanIssue,
  type MemberAssignment,
  type Pool,
  planAllowanceChange,
  deltaUpgradeAtLimit as policy,
} from './index';

const now = '2026-11-16T12:00:00.000Z';
const account: Account = {
  id: 'dazos-clinic',
  name: 'Riverside Recovery',
  plan: 'CRM Professional',
  currency: 'USD',
  billingPeriod: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
  contract: { kind: 'self-serve' },
};
const seats: Pool = {
  id: 'crm-users',
  name: 'CRM users',
  term: 'monthly',
  purchased: 10,
  scheduledRemoval: 0,
  pendingSignature: 0,
  unitPrice: 6_500,
};
const activeUser: MemberAssignment = { status: 'active', role: 'member', poolId: 'crm-users' };
const team = (size: number): MemberAssignment[] => Array.from({ length: size }, () => activeUser);

describe('Dazos CRM: upgrading user licences (deltaUpgradeAtLimit)', () => {
  describe('before you begin', () => {
    it('gives the licence controls only to roles with billing permission', () => {
      const owner = describeUsage({
        account,
        pools: [seats],
        usedByPool: countConsumingMembers(team(10), policy),
        policy,
        viewerRole: 'billing-admin',
      });
      const admin = describeUsage({
        account,
        pools: [seats],
        usedByPool: countConsumingMembers(team(10), policy),
        policy,
        viewerRole: 'admin',
      });
      expect(owner.viewer).toMatchObject({ changeAllowance: true, manageMembers: true });
      expect(admin.viewer).toMatchObject({ changeAllowance: false, manageMembers: true });
    });
  });

  describe('steps 1-4: Settings, Manage Users, + Add User', () => {
    it('lets an administrator add a user while a seat is free, claiming that seat', () => {
      const usage = describeUsage({
        account,
        pools: [seats],
        usedByPool: countConsumingMembers(team(9), policy),
        policy,
        viewerRole: 'admin',
      });
      expect(usage).toMatchObject({ purchased: 10, used: 9, available: 1 });
      const decision = decideMemberChange({ policy, usage, before: null, after: activeUser });
      expect(decision).toMatchObject({ outcome: 'allowed', claims: ['crm-users'], releases: [] });
    });

    it('does not offer the Upgrade control while the seat limit is not reached', () => {
      const usage = describeUsage({
        account,
        pools: [seats],
        usedByPool: countConsumingMembers(team(9), policy),
        policy,
        viewerRole: 'billing-admin',
      });
      expect(usage.pools[0]?.adjust).toBe('hidden');
      expect(usage.pools[0]?.increase).toEqual({ allowed: true, effective: 'now', at: null });
    });
  });

  describe('step 5: at the seat limit an Upgrade button appears', () => {
    it('shows Upgrade to a billing admin once every seat is used', () => {
      const usage = describeUsage({
        account,
        pools: [seats],
        usedByPool: countConsumingMembers(team(10), policy),
        policy,
        viewerRole: 'billing-admin',
      });
      expect(usage.pools[0]).toMatchObject({ state: 'full', available: 0, adjust: 'shown' });
    });

    it('answers + Add User at the limit with the upgrade as the way forward', () => {
      const usage = describeUsage({
        account,
        pools: [seats],
        usedByPool: countConsumingMembers(team(10), policy),
        policy,
        viewerRole: 'billing-admin',
      });
      const decision = decideMemberChange({ policy, usage, before: null, after: activeUser });
      expect(decision).toEqual({
        outcome: 'needs-licence',
        poolId: 'crm-users',
        purchased: 10,
        used: 10,
        available: 0,
        shortfall: 1,
        remedies: [{ kind: 'buy', poolId: 'crm-users', quantity: 1, total: 11 }],
      });
    });
  });

  describe('step 6: type the number of ADDITIONAL users', () => {
    it('takes the additional seats as a delta: having 10 and needing 12 means typing 2', () => {
      expect(policy.changeInput).toBe('delta');
      const decision = planAllowanceChange({
        account,
        pool: seats,
        used: 10,
        policy,
        viewerRole: 'billing-admin',
        request: { poolId: 'crm-users', delta: 2 },
        now,
      });
      expect(decision.status).toBe('planned');
      if (decision.status !== 'planned') return;
      expect(decision.plan).toMatchObject({ kind: 'increase', from: 10, to: 12, added: 2 });
    });

    it('refuses a count that is not a whole positive number of seats', () => {
      const plan = (delta: number) =>
        planAllowanceChange({
          account,
          pool: seats,
          used: 10,
          policy,
          viewerRole: 'billing-admin',
          request: { poolId: 'crm-users', delta },
          now,
        });
      expect(plan(0)).toEqual({ status: 'invalid', issues: [{ field: 'delta', code: 'zero' }] });
      expect(plan(1.5)).toEqual({
        status: 'invalid',
        issues: [{ field: 'delta', code: 'not-an-integer' }],
      });
    });
  });

  describe('step 7: confirm with the final Upgrade button', () => {
    it('charges the additional seats in full at once, after a review only, and applies them', () => {
      const decision = planAllowanceChange({
        account,
        pool: seats,
        used: 10,
        policy,
        viewerRole: 'billing-admin',
        request: { poolId: 'crm-users', delta: 2 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan.confirmations).toEqual([]);
      expect(decision.plan.result).toBe('applied');
      expect(decision.plan.effectiveAt).toBe(now);
      expect(decision.plan.dueNow).toEqual({ amount: 2 * 6_500, currency: 'USD' });
      expect(decision.plan.nextInvoiceChange).toEqual({ amount: 2 * 6_500, currency: 'USD' });
    });
  });

  describe('verification: the new total shows and users can be added up to it', () => {
    it('reflects the new total on Manage Users and allows Add User up to the new limit', () => {
      const decision = planAllowanceChange({
        account,
        pool: seats,
        used: 10,
        policy,
        viewerRole: 'billing-admin',
        request: { poolId: 'crm-users', delta: 2 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      const upgraded = applyAllowancePlan(seats, decision.plan);

      const eleventh = describeUsage({
        account,
        pools: [upgraded],
        usedByPool: countConsumingMembers(team(10), policy),
        policy,
        viewerRole: 'admin',
      });
      expect(eleventh).toMatchObject({ purchased: 12, used: 10, available: 2 });
      expect(
        decideMemberChange({ policy, usage: eleventh, before: null, after: activeUser }).outcome,
      ).toBe('allowed');

      const thirteenth = describeUsage({
        account,
        pools: [upgraded],
        usedByPool: countConsumingMembers(team(12), policy),
        policy,
        viewerRole: 'admin',
      });
      expect(
        decideMemberChange({ policy, usage: thirteenth, before: null, after: activeUser }).outcome,
      ).toBe('needs-licence');
    });
  });

  describe('troubleshooting', () => {
    it('hides the Upgrade button from a role without billing permission', () => {
      const usage = describeUsage({
        account,
        pools: [seats],
        usedByPool: countConsumingMembers(team(10), policy),
        policy,
        viewerRole: 'admin',
      });
      expect(usage.pools[0]?.adjust).toBe('hidden');
      expect(usage.pools[0]?.increase).toEqual({ allowed: false, reason: 'forbidden' });
      expect(
        planAllowanceChange({
          account,
          pool: seats,
          used: 10,
          policy,
          viewerRole: 'admin',
          request: { poolId: 'crm-users', delta: 2 },
          now,
        }),
      ).toEqual({ status: 'forbidden', reason: 'change-allowance' });
    });

    it('tells a role without billing permission to ask the account owner instead', () => {
      const usage = describeUsage({
        account,
        pools: [seats],
        usedByPool: countConsumingMembers(team(10), policy),
        policy,
        viewerRole: 'admin',
      });
      const decision = decideMemberChange({ policy, usage, before: null, after: activeUser });
      if (decision.outcome !== 'needs-licence') throw new Error(decision.outcome);
      expect(decision.remedies).toEqual([{ kind: 'ask-admin', roles: ['owner', 'billing-admin'] }]);
    });

    it('leaves the seat count unchanged when the payment fails and the plan is never applied', () => {
      const before = structuredClone(seats);
      const decision = planAllowanceChange({
        account,
        pool: seats,
        used: 10,
        policy,
        viewerRole: 'billing-admin',
        request: { poolId: 'crm-users', delta: 2 },
        now,
      });
      expect(decision.status).toBe('planned');
      expect(seats).toEqual(before);
      const usage = describeUsage({
        account,
        pools: [seats],
        usedByPool: countConsumingMembers(team(10), policy),
        policy,
        viewerRole: 'billing-admin',
      });
      expect(usage).toMatchObject({ purchased: 10, available: 0, state: 'full' });
    });

    it('sends an admin who added too many seats to Support instead of removing them in-app', () => {
      const usage = describeUsage({
        account,
        pools: [{ ...seats, purchased: 12 }],
        usedByPool: countConsumingMembers(team(10), policy),
        policy,
        viewerRole: 'billing-admin',
      });
      expect(usage.pools[0]?.decrease).toEqual({
        allowed: false,
        reason: 'contact',
        contact: 'Support',
      });
      const decision = planAllowanceChange({
        account,
        pool: { ...seats, purchased: 12 },
        used: 10,
        policy,
        viewerRole: 'billing-admin',
        request: { poolId: 'crm-users', delta: -2 },
        now,
      });
      expect(decision).toEqual({
        status: 'invalid',
        issues: [{ field: 'delta', code: 'decrease-not-allowed', contact: 'Support' }],
      });
      if (decision.status === 'invalid') {
        expect(decision.issues.map(explainPlanIssue)).toEqual([
          'Licences cannot be removed here; please contact Support.',
        ]);
      }
    });
  });
  describe("the article's words", () => {
    it('names the control that appears at the limit, the final button and the guard\'s offer "Upgrade"', () => {
      const words = policy.vocabulary?.messages ?? {};
      expect(words.adjustTrigger).toBe('Upgrade');
      expect(words.submitIncrease).toBe('Upgrade');
      expect(words.remedyBuy).toBe('Upgrade');
      expect(words.inputLabel).toBe('Number of additional users');
      expect(policy.vocabulary?.locale).toBeUndefined();
    });
  });
});
