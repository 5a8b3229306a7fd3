/**
 * OpenCRM, "User Licences. How do I increase / decrease the number of user licences?": Active and
 * Locked users consume a licence, the allowance is raised by entering a new total and ticking the
 * terms, and decreases go through the Account Manager.
 */
import { describe, expect, it } from 'vitest';
import {
  type Account,
  applyAllowancePlan,
  countConsumingMembers,
  decideConsumption,
  decideMemberChange,
  describeUsage,
  explainConsumption,
  explainPlanIssue,
  fillTemplate,
  type MemberAssignment,
  type Pool,
  planAllowanceChange,
  totalWithTermsNoSelfDecrease as policy,
} from './index';

const now = '2026-11-16T12:00:00.000Z';
const account: Account = {
  id: 'opencrm-agency',
  name: 'Northwind Agency',
  plan: 'OpenCRM Business',
  currency: 'GBP',
  billingPeriod: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
  contract: { kind: 'self-serve' },
};
const users: Pool = {
  id: 'users',
  name: 'User licences',
  term: 'monthly',
  purchased: 8,
  scheduledRemoval: 0,
  pendingSignature: 0,
  unitPrice: 2_400,
};
const member = (status: string): MemberAssignment => ({
  status,
  role: 'Standard User',
  poolId: 'users',
});
// 5 Active + 2 Locked consume; Inactive and the four resource statuses do not.
const members: MemberAssignment[] = [
  ...Array.from({ length: 5 }, () => member('Active')),
  member('Locked'),
  member('Locked'),
  member('Inactive'),
  member('Room'),
  member('Resource'),
  member('Asset'),
  member('Queue'),
];

describe('OpenCRM: user licences (totalWithTermsNoSelfDecrease)', () => {
  describe('User Management: who sees and manages the licences', () => {
    it("lets 'System Admin' users see and manage the licences", () => {
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers(members, policy),
        policy,
        viewerRole: 'System Admin',
      });
      expect(usage.viewer).toMatchObject({ viewLicences: true, changeAllowance: true });
      expect(usage.pools[0]?.adjust).toBe('shown');
    });

    it('hides Adjust User Allowance from a Standard User', () => {
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers(members, policy),
        policy,
        viewerRole: 'Standard User',
      });
      expect(usage.viewer).toMatchObject({ viewLicences: false, changeAllowance: false });
      expect(usage.pools[0]?.adjust).toBe('hidden');
    });

    it("counts as Number of Active Users every user whose status is 'Active' or 'Locked'", () => {
      expect(countConsumingMembers(members, policy)).toEqual({ users: 7 });
    });

    it('shows Maximum Active Users as the licences held and Available as the unused ones', () => {
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers(members, policy),
        policy,
        viewerRole: 'System Admin',
      });
      expect(usage).toMatchObject({ used: 7, purchased: 8, available: 1 });
    });
  });

  describe('Adjusting the user allowance', () => {
    it('opens the pop-up on the current number of licences, to be replaced by a new total', () => {
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers(members, policy),
        policy,
        viewerRole: 'System Admin',
      });
      expect(policy.changeInput).toBe('total');
      expect(usage.pools[0]?.nextPeriod).toBe(8);
    });

    it('increases the licences to any number greater than the current maximum', () => {
      const decision = planAllowanceChange({
        account,
        pool: users,
        used: 7,
        policy,
        viewerRole: 'System Admin',
        request: { poolId: 'users', total: 10 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan).toMatchObject({ kind: 'increase', from: 8, to: 10, added: 2 });
    });

    it('cannot continue without ticking the Terms and Conditions box', () => {
      const decision = planAllowanceChange({
        account,
        pool: users,
        used: 7,
        policy,
        viewerRole: 'System Admin',
        request: { poolId: 'users', total: 10 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan.confirmations).toEqual(['terms']);
    });

    it('closes with Maximum Active Users increased after Save', () => {
      const decision = planAllowanceChange({
        account,
        pool: users,
        used: 7,
        policy,
        viewerRole: 'System Admin',
        request: { poolId: 'users', total: 10 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan.result).toBe('applied');
      const usage = describeUsage({
        account,
        pools: [applyAllowancePlan(users, decision.plan)],
        usedByPool: countConsumingMembers(members, policy),
        policy,
        viewerRole: 'System Admin',
      });
      expect(usage).toMatchObject({ purchased: 10, used: 7, available: 3 });
    });

    it('updates the next invoice amount instead of charging now', () => {
      const decision = planAllowanceChange({
        account,
        pool: users,
        used: 7,
        policy,
        viewerRole: 'System Admin',
        request: { poolId: 'users', total: 10 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan.dueNow).toEqual({ amount: 0, currency: 'GBP' });
      expect(decision.plan.nextInvoiceChange).toEqual({ amount: 2 * 2_400, currency: 'GBP' });
      expect(decision.plan.lines).toEqual([
        { kind: 'recurring-change', quantity: 2, unitPrice: 2_400, per: 'period', amount: 4_800 },
      ]);
    });

    it('treats the current maximum entered again as no change', () => {
      expect(
        planAllowanceChange({
          account,
          pool: users,
          used: 7,
          policy,
          viewerRole: 'System Admin',
          request: { poolId: 'users', total: 8 },
          now,
        }),
      ).toEqual({ status: 'invalid', issues: [{ field: 'total', code: 'no-change' }] });
    });

    it('warns on a decrease to contact the Account Manager', () => {
      const decision = planAllowanceChange({
        account,
        pool: users,
        used: 7,
        policy,
        viewerRole: 'System Admin',
        request: { poolId: 'users', total: 7 },
        now,
      });
      expect(decision).toEqual({
        status: 'invalid',
        issues: [{ field: 'total', code: 'decrease-not-allowed', contact: 'your Account Manager' }],
      });
      if (decision.status === 'invalid') {
        expect(decision.issues.map(explainPlanIssue)).toEqual([
          'Licences cannot be removed here; please contact your Account Manager.',
        ]);
      }
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers(members, policy),
        policy,
        viewerRole: 'System Admin',
      });
      expect(usage.pools[0]?.decrease).toEqual({
        allowed: false,
        reason: 'contact',
        contact: 'your Account Manager',
      });
    });
  });

  describe('Adding new users', () => {
    it("adds new users unrestricted while 'Number Of Licences Available' is above 0", () => {
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers(members, policy),
        policy,
        viewerRole: 'System Admin',
      });
      expect(
        decideMemberChange({ policy, usage, before: null, after: member('Active') }),
      ).toMatchObject({ outcome: 'allowed', claims: ['users'] });
    });

    it("warns on 'New User' at 0 available that no licences are left", () => {
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers([...members, member('Active')], policy),
        policy,
        viewerRole: 'System Admin',
      });
      expect(usage.available).toBe(0);
      expect(
        decideMemberChange({ policy, usage, before: null, after: member('Active') }),
      ).toMatchObject({ outcome: 'needs-licence', used: 8, purchased: 8, available: 0 });
    });

    it("lets the admin go on past the warning on 'New User'; saving is checked again", () => {
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers([...members, member('Active')], policy),
        policy,
        viewerRole: 'System Admin',
      });
      const opening = decideMemberChange({
        policy,
        usage,
        before: null,
        after: member('Active'),
        stage: 'open',
      });
      if (opening.outcome !== 'needs-licence') throw new Error(opening.outcome);
      expect(opening.remedies.map((remedy) => remedy.kind)).toEqual([
        'continue',
        'buy',
        'use-non-consuming',
        'free-licence',
      ]);
      const saving = decideMemberChange({ policy, usage, before: null, after: member('Active') });
      if (saving.outcome !== 'needs-licence') throw new Error(saving.outcome);
      expect(saving.remedies.map((remedy) => remedy.kind)).not.toContain('continue');
    });

    it('offers, on saving an Active user at 0 available, to increase the licences first', () => {
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers([...members, member('Active')], policy),
        policy,
        viewerRole: 'System Admin',
      });
      const decision = decideMemberChange({ policy, usage, before: null, after: member('Active') });
      if (decision.outcome !== 'needs-licence') throw new Error(decision.outcome);
      expect(decision.remedies[0]).toEqual({ kind: 'buy', poolId: 'users', quantity: 1, total: 9 });
      const bought = planAllowanceChange({
        account,
        pool: users,
        used: 8,
        policy,
        viewerRole: 'System Admin',
        request: { poolId: 'users', total: 9 },
        now,
      });
      if (bought.status !== 'planned') throw new Error(bought.status);
      const after = describeUsage({
        account,
        pools: [applyAllowancePlan(users, bought.plan)],
        usedByPool: countConsumingMembers([...members, member('Active')], policy),
        policy,
        viewerRole: 'System Admin',
      });
      expect(
        decideMemberChange({ policy, usage: after, before: null, after: member('Active') }).outcome,
      ).toBe('allowed');
    });

    it('lets the user be created with any status other than Active or Locked instead', () => {
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers([...members, member('Active')], policy),
        policy,
        viewerRole: 'System Admin',
      });
      const decision = decideMemberChange({ policy, usage, before: null, after: member('Active') });
      if (decision.outcome !== 'needs-licence') throw new Error(decision.outcome);
      expect(decision.remedies).toContainEqual({
        kind: 'use-non-consuming',
        statuses: ['Inactive', 'Room', 'Resource', 'Asset', 'Queue'],
        roles: [],
      });
      expect(
        decideMemberChange({ policy, usage, before: null, after: member('Inactive') }),
      ).toMatchObject({ outcome: 'allowed', claims: [] });
    });
  });

  describe('Existing users', () => {
    it("requires a licence for a user whose status is 'Locked', and says why", () => {
      const decision = decideConsumption(member('Locked'), policy);
      expect(decision).toEqual({
        consumes: true,
        poolId: 'users',
        addOnIds: [],
        reason: { kind: 'status-consumes', status: 'Locked' },
      });
      expect(explainConsumption(decision.reason)).toBe('Counts because its status is Locked.');
    });

    it('checks for an available licence when an Inactive user is made Active or Locked', () => {
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers(members, policy),
        policy,
        viewerRole: 'System Admin',
      });
      for (const status of ['Active', 'Locked']) {
        expect(
          decideMemberChange({ policy, usage, before: member('Inactive'), after: member(status) }),
        ).toMatchObject({ outcome: 'allowed', claims: ['users'], releases: [] });
      }
    });

    it('asks to increase the licences when none is available on making a user Active', () => {
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers([...members, member('Active')], policy),
        policy,
        viewerRole: 'System Admin',
      });
      const decision = decideMemberChange({
        policy,
        usage,
        before: member('Inactive'),
        after: member('Active'),
      });
      expect(decision).toMatchObject({ outcome: 'needs-licence', shortfall: 1 });
      if (decision.outcome === 'needs-licence') expect(decision.remedies[0]?.kind).toBe('buy');
    });

    it('keeps a Locked user who becomes Active on the licence it already holds', () => {
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers([...members, member('Active')], policy),
        policy,
        viewerRole: 'System Admin',
      });
      expect(
        decideMemberChange({ policy, usage, before: member('Locked'), after: member('Active') }),
      ).toMatchObject({ outcome: 'allowed', claims: [], releases: [] });
    });
  });

  describe('Making existing licences available', () => {
    it('offers to free a licence by making an Active or Locked user Inactive', () => {
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers([...members, member('Active')], policy),
        policy,
        viewerRole: 'System Admin',
      });
      const decision = decideMemberChange({ policy, usage, before: null, after: member('Active') });
      if (decision.outcome !== 'needs-licence') throw new Error(decision.outcome);
      expect(decision.remedies.map((remedy) => remedy.kind)).toEqual([
        'buy',
        'use-non-consuming',
        'free-licence',
      ]);
      expect(decision.remedies[2]).toEqual({ kind: 'free-licence', poolId: 'users', quantity: 1 });
    });

    it('frees the licence of a user made Inactive, so another can then be activated', () => {
      const full = [...members, member('Active')];
      const before = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers(full, policy),
        policy,
        viewerRole: 'System Admin',
      });
      expect(
        decideMemberChange({
          policy,
          usage: before,
          before: member('Active'),
          after: member('Inactive'),
        }),
      ).toMatchObject({ outcome: 'allowed', claims: [], releases: ['users'] });

      const freed = [member('Inactive'), ...full.slice(1)];
      const after = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers(freed, policy),
        policy,
        viewerRole: 'System Admin',
      });
      expect(after.available).toBe(1);
      expect(
        decideMemberChange({
          policy,
          usage: after,
          before: member('Inactive'),
          after: member('Active'),
        }).outcome,
      ).toBe('allowed');
    });
  });

  describe('Additional statuses', () => {
    it.each(['Room', 'Resource', 'Asset', 'Queue'])(
      'does not require a licence for a user with status %s',
      (status) => {
        const decision = decideConsumption(member(status), policy);
        expect(decision).toEqual({
          consumes: false,
          reason: { kind: 'status-does-not-consume', status },
        });
        expect(explainConsumption(decision.reason)).toBe(
          `Does not count because its status is ${status}.`,
        );
      },
    );
  });

  describe('Setup Wizard', () => {
    it('frees a licence when a user is deleted', () => {
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers([...members, member('Active')], policy),
        policy,
        viewerRole: 'System Admin',
      });
      expect(
        decideMemberChange({ policy, usage, before: member('Locked'), after: null }),
      ).toMatchObject({ outcome: 'allowed', claims: [], releases: ['users'] });
    });

    it('raises Maximum Active Users only through the purchase offered when adding an Active user', () => {
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: countConsumingMembers([...members, member('Active')], policy),
        policy,
        viewerRole: 'System Admin',
      });
      const decision = decideMemberChange({ policy, usage, before: null, after: member('Active') });
      if (decision.outcome !== 'needs-licence') throw new Error(decision.outcome);
      const buy = decision.remedies.find((remedy) => remedy.kind === 'buy');
      expect(buy).toBeDefined();
      if (buy?.kind !== 'buy') return;
      const plan = planAllowanceChange({
        account,
        pool: users,
        used: usage.used,
        policy,
        viewerRole: 'System Admin',
        request: { poolId: buy.poolId, total: buy.total },
        now,
      });
      expect(plan).toMatchObject({ status: 'planned', plan: { from: 8, to: 9 } });
    });
  });
  describe("the article's words", () => {
    it('shows Number of Active Users, Maximum Active Users and Number of Licences Available, and Adjust User Allowance', () => {
      const words = policy.vocabulary?.messages ?? {};
      const usage = describeUsage({
        account,
        pools: [users],
        usedByPool: { [users.id]: 6 },
        policy,
        viewerRole: 'System Admin',
      }).pools[0];
      if (usage === undefined) throw new Error('one pool');
      expect(
        fillTemplate(words.usage ?? '', { used: usage.used, purchased: usage.purchased }),
      ).toBe(`Number of Active Users: 6 · Maximum Active Users: 8`);
      expect(fillTemplate(words.available ?? '', { count: usage.available })).toBe(
        'Number of Licences Available: 2',
      );
      expect(words.adjustTrigger).toBe('Adjust User Allowance');
      expect(words.submitIncrease).toBe('Save');
    });
  });
});
