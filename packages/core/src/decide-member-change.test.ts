import { describe, expect, it } from 'vitest';
import {
  type Account,
  type AtLimitRemedyKind,
  decideMemberChange,
  definePolicy,
  describeUsage,
  explainMemberIssue,
  type MemberAssignment,
  type Pool,
  type SeatPolicy,
} from './index';

const account: Account = {
  id: 'acct',
  name: 'Members Ltd',
  plan: 'Team',
  currency: 'EUR',
  billingPeriod: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
  contract: { kind: 'self-serve' },
};
const seats: Pool = {
  id: 'seats',
  name: 'Seats',
  term: 'monthly',
  purchased: 5,
  scheduledRemoval: 0,
  pendingSignature: 0,
  unitPrice: 1_000,
};
const extra: Pool = { ...seats, id: 'extra', name: 'Extra', purchased: 2 };
const policy = definePolicy({
  statuses: ['active', 'locked', 'inactive'],
  consumingStatuses: ['active', 'locked'],
  roles: ['owner', 'admin', 'member', 'guest'],
  nonConsumingRoles: ['guest'],
});
const active: MemberAssignment = { status: 'active', role: 'member', poolId: 'seats' };
const inactive: MemberAssignment = { status: 'inactive', role: 'member', poolId: 'seats' };

const usageOf = (options: {
  pools?: Pool[];
  used?: Record<string, number>;
  viewerRole?: string;
  policy?: SeatPolicy;
}) =>
  describeUsage({
    account,
    pools: options.pools ?? [seats, extra],
    usedByPool: options.used ?? { seats: 3, extra: 0 },
    policy: options.policy ?? policy,
    viewerRole: options.viewerRole ?? 'owner',
  });

describe('decideMemberChange', () => {
  describe('outcomes', () => {
    it('allows creating a consuming member on a free licence, claiming it', () => {
      expect(
        decideMemberChange({ policy, usage: usageOf({}), before: null, after: active }),
      ).toEqual({
        outcome: 'allowed',
        claims: ['seats'],
        releases: [],
        consumption: {
          consumes: true,
          poolId: 'seats',
          addOnIds: [],
          reason: { kind: 'status-consumes', status: 'active' },
        },
      });
    });

    it('refuses an add-on as the member’s only licence, as it refuses one beside none', () => {
      const addOn: Pool = { ...seats, id: 'add-on', name: 'Add-on', term: 'add-on' };
      const usage = usageOf({ pools: [seats, addOn], used: { seats: 0, 'add-on': 0 } });
      expect(
        decideMemberChange({ policy, usage, before: null, after: { ...active, poolId: 'add-on' } }),
      ).toEqual({
        outcome: 'invalid',
        issues: [{ field: 'poolId', code: 'needs-base-pool', poolId: 'add-on' }],
      });
      expect(
        decideMemberChange({
          policy,
          usage,
          before: null,
          after: { ...active, poolId: null, addOnIds: ['add-on'] },
        }),
      ).toEqual({
        outcome: 'invalid',
        issues: [{ field: 'addOnIds', code: 'needs-base-pool', poolId: 'add-on' }],
      });
      expect(
        decideMemberChange({
          policy,
          usage,
          before: null,
          after: { ...active, addOnIds: ['add-on'] },
        }),
      ).toMatchObject({ outcome: 'allowed', claims: ['add-on', 'seats'] });
    });

    it('allows creating a non-consuming member at zero available, claiming nothing', () => {
      const usage = usageOf({ used: { seats: 5 } });
      expect(decideMemberChange({ policy, usage, before: null, after: inactive })).toEqual({
        outcome: 'allowed',
        claims: [],
        releases: [],
        consumption: {
          consumes: false,
          reason: { kind: 'status-does-not-consume', status: 'inactive' },
        },
      });
    });

    it('allows a member with no licence type assigned without claiming one', () => {
      const usage = usageOf({ used: { seats: 5 } });
      expect(
        decideMemberChange({ policy, usage, before: null, after: { ...active, poolId: null } }),
      ).toMatchObject({
        outcome: 'allowed',
        claims: [],
        consumption: { reason: { kind: 'no-pool' } },
      });
    });

    it('allows changes that keep the same licence, even at zero available', () => {
      const usage = usageOf({ used: { seats: 5 } });
      expect(
        decideMemberChange({
          policy,
          usage,
          before: active,
          after: { ...active, status: 'locked', role: 'admin' },
        }),
      ).toMatchObject({ outcome: 'allowed', claims: [], releases: [] });
    });

    it('releases the licence of a deleted or deactivated member', () => {
      const usage = usageOf({ used: { seats: 5 } });
      expect(decideMemberChange({ policy, usage, before: active, after: null })).toEqual({
        outcome: 'allowed',
        claims: [],
        releases: ['seats'],
        consumption: null,
      });
      expect(decideMemberChange({ policy, usage, before: active, after: inactive })).toMatchObject({
        outcome: 'allowed',
        claims: [],
        releases: ['seats'],
      });
    });

    it('releases the licence when the role changes to one that consumes none', () => {
      const usage = usageOf({ used: { seats: 5 } });
      expect(
        decideMemberChange({ policy, usage, before: active, after: { ...active, role: 'guest' } }),
      ).toMatchObject({
        outcome: 'allowed',
        claims: [],
        releases: ['seats'],
        consumption: { consumes: false, reason: { kind: 'role-does-not-consume', role: 'guest' } },
      });
    });

    it('moves a member between licence types, claiming one and releasing the other', () => {
      const usage = usageOf({ used: { seats: 5, extra: 1 } });
      expect(
        decideMemberChange({
          policy,
          usage,
          before: active,
          after: { ...active, poolId: 'extra' },
        }),
      ).toMatchObject({ outcome: 'allowed', claims: ['extra'], releases: ['seats'] });
    });

    it('needs a licence to move a member into a full licence type', () => {
      const usage = usageOf({ used: { seats: 3, extra: 2 } });
      expect(
        decideMemberChange({
          policy,
          usage,
          before: active,
          after: { ...active, poolId: 'extra' },
        }),
      ).toMatchObject({ outcome: 'needs-licence', poolId: 'extra', shortfall: 1 });
    });

    it('needs a licence to create or activate a consuming member at zero available', () => {
      const usage = usageOf({ used: { seats: 5 } });
      for (const before of [null, inactive, { ...active, role: 'guest' }]) {
        expect(decideMemberChange({ policy, usage, before, after: active })).toMatchObject({
          outcome: 'needs-licence',
          poolId: 'seats',
          purchased: 5,
          used: 5,
          available: 0,
          shortfall: 1,
        });
      }
    });

    it('forbids any member change to a role that may not manage members', () => {
      const usage = usageOf({ viewerRole: 'member' });
      expect(decideMemberChange({ policy, usage, before: null, after: inactive })).toEqual({
        outcome: 'forbidden',
        reason: 'manage-members',
      });
      expect(decideMemberChange({ policy, usage, before: active, after: null })).toEqual({
        outcome: 'forbidden',
        reason: 'manage-members',
      });
    });

    it('reports every unknown field of the member at once', () => {
      const usage = usageOf({});
      expect(
        decideMemberChange({
          policy,
          usage,
          before: null,
          after: { status: 'sleeping', role: 'wizard', poolId: 'gold' },
        }),
      ).toEqual({
        outcome: 'invalid',
        issues: [
          { field: 'status', code: 'unknown-status', value: 'sleeping', allowed: policy.statuses },
          { field: 'role', code: 'unknown-role', value: 'wizard', allowed: policy.roles },
          { field: 'poolId', code: 'unknown-pool', value: 'gold', allowed: expect.any(Array) },
        ],
      });
      const decision = decideMemberChange({
        policy,
        usage,
        before: null,
        after: { ...active, role: 'wizard' },
      });
      expect(decision).toMatchObject({
        outcome: 'invalid',
        issues: [{ field: 'role', code: 'unknown-role' }],
      });
      // The refusal names the value and what the policy allows, so a host can correct its call.
      if (decision.outcome !== 'invalid') throw new Error('the role should be refused');
      expect(decision.issues.map(explainMemberIssue)).toEqual([
        `"wizard" is not one of the policy's roles (${policy.roles.join(', ')}).`,
      ]);
    });

    it('lets a member with an outdated status be deleted', () => {
      const usage = usageOf({});
      expect(
        decideMemberChange({
          policy,
          usage,
          before: { ...active, status: 'retired' },
          after: null,
        }),
      ).toMatchObject({ outcome: 'allowed', releases: [] });
    });
  });

  describe('remedies at zero available', () => {
    it('offers every remedy the admin may use, in the order of policy.atLimit', () => {
      const order: AtLimitRemedyKind[] = ['free-licence', 'use-non-consuming', 'buy'];
      const reordered = definePolicy({ ...policy, atLimit: order });
      const usage = usageOf({ used: { seats: 5 }, policy: reordered });
      const decision = decideMemberChange({
        policy: reordered,
        usage,
        before: null,
        after: active,
      });
      if (decision.outcome !== 'needs-licence') throw new Error(decision.outcome);
      expect(decision.remedies).toEqual([
        { kind: 'free-licence', poolId: 'seats', quantity: 1 },
        { kind: 'use-non-consuming', statuses: ['inactive'], roles: ['guest'] },
        { kind: 'buy', poolId: 'seats', quantity: 1, total: 6 },
      ]);
    });

    it('offers an admin who may not buy to ask those who may, instead of buying', () => {
      const usage = usageOf({ used: { seats: 5 }, viewerRole: 'admin' });
      const decision = decideMemberChange({ policy, usage, before: null, after: active });
      if (decision.outcome !== 'needs-licence') throw new Error(decision.outcome);
      expect(decision.remedies.map((remedy) => remedy.kind)).toEqual([
        'use-non-consuming',
        'free-licence',
        'ask-admin',
      ]);
      expect(decision.remedies[2]).toEqual({ kind: 'ask-admin', roles: ['owner'] });
    });

    it('does not offer to ask an admin to someone who may buy', () => {
      const usage = usageOf({ used: { seats: 5 }, viewerRole: 'owner' });
      const decision = decideMemberChange({ policy, usage, before: null, after: active });
      if (decision.outcome !== 'needs-licence') throw new Error(decision.outcome);
      expect(decision.remedies.map((remedy) => remedy.kind)).toEqual([
        'buy',
        'use-non-consuming',
        'free-licence',
      ]);
    });

    it('blocks with no remedy when the policy lists none', () => {
      const blocking = definePolicy({ ...policy, atLimit: [] });
      const usage = usageOf({ used: { seats: 5 }, policy: blocking });
      expect(
        decideMemberChange({ policy: blocking, usage, before: null, after: active }),
      ).toMatchObject({ outcome: 'needs-licence', remedies: [] });
    });

    it('does not offer buying where purchases go through a contact or the maximum is reached', () => {
      const refusing = definePolicy({ ...policy, increase: { mode: 'refuse', contact: 'Sales' } });
      const refused = decideMemberChange({
        policy: refusing,
        usage: usageOf({ used: { seats: 5 }, policy: refusing }),
        before: null,
        after: active,
      });
      const capped = decideMemberChange({
        policy,
        usage: usageOf({ pools: [{ ...seats, max: 5 }], used: { seats: 5 } }),
        before: null,
        after: active,
      });
      for (const decision of [refused, capped]) {
        if (decision.outcome !== 'needs-licence') throw new Error(decision.outcome);
        expect(decision.remedies.map((remedy) => remedy.kind)).not.toContain('buy');
        expect(decision.remedies.length).toBeGreaterThan(0);
      }
    });

    it('does not offer a non-consuming status or role where every one consumes', () => {
      const everyoneCounts = definePolicy({
        statuses: ['active'],
        consumingStatuses: ['active'],
        nonConsumingRoles: [],
      });
      const usage = usageOf({
        used: { seats: 5 },
        policy: everyoneCounts,
      });
      const decision = decideMemberChange({
        policy: everyoneCounts,
        usage,
        before: null,
        after: { status: 'active', role: 'member', poolId: 'seats' },
      });
      if (decision.outcome !== 'needs-licence') throw new Error(decision.outcome);
      expect(decision.remedies.map((remedy) => remedy.kind)).toEqual(['buy', 'free-licence']);
    });

    it('does not offer to free a licence in a pool where nobody holds one', () => {
      const usage = usageOf({ pools: [{ ...seats, purchased: 0 }], used: {} });
      const decision = decideMemberChange({ policy, usage, before: null, after: active });
      if (decision.outcome !== 'needs-licence') throw new Error(decision.outcome);
      expect(decision.remedies.map((remedy) => remedy.kind)).toEqual(['buy', 'use-non-consuming']);
    });

    it('counts licences scheduled for removal as gone when working out the shortfall', () => {
      const usage = usageOf({ pools: [{ ...seats, scheduledRemoval: 2 }], used: { seats: 3 } });
      const decision = decideMemberChange({ policy, usage, before: null, after: active });
      expect(decision).toMatchObject({
        outcome: 'needs-licence',
        purchased: 5,
        used: 3,
        available: 0,
        shortfall: 1,
      });
      if (decision.outcome !== 'needs-licence') return;
      expect(decision.remedies[0]).toEqual({ kind: 'buy', poolId: 'seats', quantity: 1, total: 4 });
    });

    it('asks for the whole shortfall when a pool is already over its licences', () => {
      const usage = usageOf({ pools: [{ ...seats, scheduledRemoval: 1 }], used: { seats: 7 } });
      const decision = decideMemberChange({ policy, usage, before: null, after: active });
      expect(decision).toMatchObject({ outcome: 'needs-licence', shortfall: 4 });
      if (decision.outcome !== 'needs-licence') return;
      expect(decision.remedies).toContainEqual({
        kind: 'buy',
        poolId: 'seats',
        quantity: 4,
        total: 8,
      });
      expect(decision.remedies).toContainEqual({
        kind: 'free-licence',
        poolId: 'seats',
        quantity: 4,
      });
    });
  });
});
