import { describe, expect, it } from 'vitest';
import {
  type Account,
  decreaseLockedUntil,
  definePolicy,
  describeUsage,
  type Pool,
  type SeatPolicy,
} from './index';

const periodEnd = '2026-12-01T00:00:00.000Z';
const contractEnd = '2028-01-01T00:00:00.000Z';
const account: Account = {
  id: 'acct',
  name: 'Usage Ltd',
  plan: 'Team',
  currency: 'EUR',
  billingPeriod: { start: '2026-11-01T00:00:00.000Z', end: periodEnd },
  contract: { kind: 'self-serve' },
};
const contracted: Account = {
  ...account,
  contract: { kind: 'contracted', start: '2026-01-01T00:00:00.000Z', end: contractEnd },
};
const seats: Pool = {
  id: 'seats',
  name: 'Seats',
  term: 'monthly',
  purchased: 10,
  scheduledRemoval: 0,
  pendingSignature: 0,
  unitPrice: 1_000,
};
const policy = definePolicy();

const describeOne = (
  pool: Pool,
  used: number,
  options: { policy?: SeatPolicy; viewerRole?: string; account?: Account } = {},
) => {
  const usage = describeUsage({
    account: options.account ?? account,
    pools: [pool],
    usedByPool: { [pool.id]: used },
    policy: options.policy ?? policy,
    viewerRole: options.viewerRole ?? 'owner',
  });
  const described = usage.pools[0];
  if (described === undefined) throw new Error('no pool described');
  return described;
};

describe('describeUsage', () => {
  describe('state and percent', () => {
    it.each([
      { used: 0, state: 'ok', percent: 0, available: 10 },
      { used: 8, state: 'ok', percent: 80, available: 2 },
      { used: 9, state: 'near', percent: 90, available: 1 },
      { used: 10, state: 'full', percent: 100, available: 0 },
      { used: 12, state: 'over', percent: 120, available: 0 },
    ])('is $state with $used of 10 used', ({ used, state, percent, available }) => {
      expect(describeOne(seats, used)).toMatchObject({ used, state, percent, available });
    });

    it('moves the near threshold with the policy', () => {
      expect(describeOne(seats, 5, { policy: definePolicy({ nearThreshold: 50 }) }).state).toBe(
        'near',
      );
      expect(describeOne(seats, 4, { policy: definePolicy({ nearThreshold: 50 }) }).state).toBe(
        'ok',
      );
    });

    it('is full when scheduled removals leave nothing to assign, though below 100 percent', () => {
      expect(describeOne({ ...seats, scheduledRemoval: 3 }, 7)).toMatchObject({
        state: 'full',
        percent: 70,
        available: 0,
        nextPeriod: 7,
      });
    });

    it('counts members beyond the purchased licences as over', () => {
      expect(describeOne(seats, 13)).toMatchObject({ state: 'over', over: 3, available: 0 });
    });

    it('keeps the percent unrounded', () => {
      expect(describeOne({ ...seats, purchased: 3 }, 1).percent).toBeCloseTo(100 / 3, 10);
    });

    it('describes an empty pool as full at 0 percent, and as over once someone uses it', () => {
      expect(describeOne({ ...seats, purchased: 0 }, 0)).toMatchObject({
        state: 'full',
        percent: 0,
      });
      expect(describeOne({ ...seats, purchased: 0 }, 2)).toMatchObject({
        state: 'over',
        percent: 100,
        over: 2,
      });
    });

    it('does not count licences waiting for a signature as available', () => {
      expect(describeOne({ ...seats, pendingSignature: 2 }, 10)).toMatchObject({
        state: 'full',
        available: 0,
        pendingSignature: 2,
      });
    });
  });

  describe('the account', () => {
    it('sums every pool and reports the renewal and contract dates', () => {
      const usage = describeUsage({
        account: contracted,
        pools: [
          seats,
          { ...seats, id: 'extra', purchased: 4, scheduledRemoval: 1, pendingSignature: 2 },
        ],
        usedByPool: { seats: 9, extra: 1 },
        policy,
        viewerRole: 'owner',
      });
      expect(usage).toMatchObject({
        purchased: 14,
        used: 10,
        available: 1 + 2,
        over: 0,
        scheduledRemoval: 1,
        pendingSignature: 2,
        nextPeriod: 13,
        renewsAt: periodEnd,
        contractEndsAt: contractEnd,
      });
      expect(usage.percent).toBeCloseTo((10 * 100) / 14, 10);
    });

    it('counts a pool missing from usedByPool as unused', () => {
      expect(
        describeUsage({ account, pools: [seats], usedByPool: {}, policy, viewerRole: 'owner' })
          .pools[0],
      ).toMatchObject({ used: 0, available: 10 });
    });

    it('has no contract end for a self-serve account', () => {
      expect(
        describeUsage({ account, pools: [seats], usedByPool: {}, policy, viewerRole: 'owner' }),
      ).toMatchObject({ contractEndsAt: null });
    });
  });

  describe('storage', () => {
    const withStorage: Pool = { ...seats, storagePerLicenceBytes: 1_000 };

    it.each([
      { usedBytes: 5_000, state: 'ok', percent: 50 },
      { usedBytes: 9_500, state: 'near', percent: 95 },
      { usedBytes: 10_000, state: 'full', percent: 100 },
      { usedBytes: 12_000, state: 'over', percent: 120 },
    ])('is $state with $usedBytes of 10,000 bytes used', ({ usedBytes, state, percent }) => {
      const usage = describeUsage({
        account: { ...account, storageUsedBytes: usedBytes },
        pools: [withStorage, { ...seats, id: 'daily', term: 'daily' }],
        usedByPool: {},
        policy,
        viewerRole: 'owner',
      });
      expect(usage.storage).toEqual({ usedBytes, allowanceBytes: 10_000, state, percent });
      expect(usage.pools.map((pool) => pool.storageAllowanceBytes)).toEqual([10_000, null]);
    });

    it('adds the allowance of every pool that carries storage', () => {
      const usage = describeUsage({
        account: { ...account, storageUsedBytes: 0 },
        pools: [withStorage, { ...withStorage, id: 'more', purchased: 5 }],
        usedByPool: {},
        policy,
        viewerRole: 'owner',
      });
      expect(usage.storage?.allowanceBytes).toBe(15_000);
    });

    it('is absent when the account measures no storage or no pool carries any', () => {
      const unmeasured = describeUsage({
        account,
        pools: [withStorage],
        usedByPool: {},
        policy,
        viewerRole: 'owner',
      });
      const noAllowance = describeUsage({
        account: { ...account, storageUsedBytes: 10 },
        pools: [seats],
        usedByPool: {},
        policy,
        viewerRole: 'owner',
      });
      expect(unmeasured.storage).toBeNull();
      expect(noAllowance.storage).toBeNull();
    });
  });

  describe('the change control', () => {
    it.each([
      { withoutPermission: 'hide', viewerRole: 'admin', adjust: 'hidden' },
      { withoutPermission: 'explain', viewerRole: 'admin', adjust: 'explained' },
      { withoutPermission: 'hide', viewerRole: 'owner', adjust: 'shown' },
      { withoutPermission: 'explain', viewerRole: 'owner', adjust: 'shown' },
    ] as const)(
      'is $adjust to $viewerRole when the policy says $withoutPermission',
      ({ withoutPermission, viewerRole, adjust }) => {
        const described = describeOne(seats, 3, {
          policy: definePolicy({ permissions: { withoutPermission } }),
          viewerRole,
        });
        expect(described.adjust).toBe(adjust);
      },
    );

    it.each([
      { used: 5, adjust: 'hidden' },
      { used: 9, adjust: 'hidden' },
      { used: 10, adjust: 'shown' },
      { used: 11, adjust: 'shown' },
    ] as const)(
      "is $adjust at $used of 10 used when offered only 'at-limit'",
      ({ used, adjust }) => {
        const atLimit = definePolicy({ offerChange: 'at-limit' });
        expect(describeOne(seats, used, { policy: atLimit }).adjust).toBe(adjust);
      },
    );

    it("still explains to a viewer without permission under 'at-limit' when the policy explains", () => {
      const atLimit = definePolicy({ offerChange: 'at-limit' });
      expect(describeOne(seats, 2, { policy: atLimit, viewerRole: 'admin' }).adjust).toBe(
        'explained',
      );
    });
  });

  describe('what may change and when', () => {
    it('forbids every change to a viewer without permission', () => {
      const described = describeOne({ ...seats, scheduledRemoval: 1 }, 2, { viewerRole: 'member' });
      expect([described.increase, described.decrease, described.restore]).toEqual([
        { allowed: false, reason: 'forbidden' },
        { allowed: false, reason: 'forbidden' },
        { allowed: false, reason: 'forbidden' },
      ]);
    });

    it('allows an increase now, or after a signature where the policy asks for one', () => {
      expect(describeOne(seats, 2).increase).toEqual({ allowed: true, effective: 'now', at: null });
      expect(
        describeOne(seats, 2, { policy: definePolicy({ confirmation: 'e-signature' }) }).increase,
      ).toEqual({ allowed: true, effective: 'after-signature', at: null });
    });

    it('refuses an increase with the contact where purchases are not self-service', () => {
      const refusing = definePolicy({ increase: { mode: 'refuse', contact: 'Sales' } });
      expect(describeOne(seats, 2, { policy: refusing }).increase).toEqual({
        allowed: false,
        reason: 'contact',
        contact: 'Sales',
      });
    });

    it('refuses an increase at the maximum, counting pending signatures, unless removals can be restored', () => {
      expect(describeOne({ ...seats, max: 10 }, 2).increase).toEqual({
        allowed: false,
        reason: 'at-max',
        max: 10,
      });
      expect(describeOne({ ...seats, max: 11, pendingSignature: 1 }, 2).increase).toMatchObject({
        reason: 'at-max',
      });
      expect(describeOne({ ...seats, max: 10, scheduledRemoval: 2 }, 2).increase).toMatchObject({
        allowed: true,
      });
    });

    it('schedules a decrease for the period end, or applies it now, as the policy says', () => {
      expect(describeOne(seats, 2).decrease).toEqual({
        allowed: true,
        effective: 'period-end',
        at: periodEnd,
      });
      expect(
        describeOne(seats, 2, { policy: definePolicy({ decrease: { mode: 'immediate' } }) })
          .decrease,
      ).toEqual({ allowed: true, effective: 'now', at: null });
    });

    it('refuses a decrease with the contact where removals are not self-service', () => {
      const refusing = definePolicy({
        decrease: { mode: 'refuse', contact: 'your Account Manager' },
      });
      expect(describeOne(seats, 2, { policy: refusing }).decrease).toEqual({
        allowed: false,
        reason: 'contact',
        contact: 'your Account Manager',
      });
    });

    it('refuses a decrease when every licence left is assigned or at the minimum', () => {
      expect(describeOne(seats, 10).decrease).toEqual({ allowed: false, reason: 'all-assigned' });
      expect(describeOne({ ...seats, scheduledRemoval: 4 }, 6).decrease).toEqual({
        allowed: false,
        reason: 'all-assigned',
      });
      expect(describeOne({ ...seats, min: 10 }, 0).decrease).toEqual({
        allowed: false,
        reason: 'all-assigned',
      });
      expect(describeOne(seats, 9).decrease).toMatchObject({ allowed: true });
    });

    it('refuses a decrease of contracted licences until the contract ends', () => {
      expect(
        describeOne({ ...seats, term: 'contracted' }, 2, { account: contracted }),
      ).toMatchObject({
        decrease: { allowed: false, reason: 'contracted-until', until: contractEnd },
        renewsAt: contractEnd,
      });
    });

    it('allows a restore only while removals are scheduled and the policy lets them be restored', () => {
      expect(describeOne({ ...seats, scheduledRemoval: 2 }, 2).restore).toEqual({
        allowed: true,
        effective: 'now',
        at: null,
      });
      expect(describeOne(seats, 2).restore).toEqual({
        allowed: false,
        reason: 'nothing-scheduled',
      });
      const final = definePolicy({ decrease: { mode: 'period-end', restorable: false } });
      expect(describeOne({ ...seats, scheduledRemoval: 2 }, 2, { policy: final }).restore).toEqual({
        allowed: false,
        reason: 'not-restorable',
      });
    });
  });

  describe('viewer permissions', () => {
    it('lets whoever may change the allowance also view it', () => {
      const custom = definePolicy({
        permissions: { viewLicences: ['auditor'], changeAllowance: ['owner'], manageMembers: [] },
      });
      const viewers = ['owner', 'auditor', 'member'].map(
        (viewerRole) =>
          describeUsage({ account, pools: [], usedByPool: {}, policy: custom, viewerRole }).viewer,
      );
      expect(viewers).toEqual([
        { role: 'owner', viewLicences: true, changeAllowance: true, manageMembers: false },
        { role: 'auditor', viewLicences: true, changeAllowance: false, manageMembers: false },
        { role: 'member', viewLicences: false, changeAllowance: false, manageMembers: false },
      ]);
    });
  });
});

describe('decreaseLockedUntil', () => {
  it.each([
    { term: 'contracted', on: 'self-serve', locks: 'contracted-pools', until: periodEnd },
    { term: 'contracted', on: 'contracted', locks: 'contracted-pools', until: contractEnd },
    { term: 'monthly', on: 'contracted', locks: 'contracted-pools', until: null },
    { term: 'monthly', on: 'contracted', locks: 'all-pools', until: contractEnd },
    { term: 'add-on', on: 'self-serve', locks: 'all-pools', until: null },
  ] as const)(
    'locks a $term pool on a $on account ($locks) until $until',
    ({ term, on, locks, until }) => {
      expect(
        decreaseLockedUntil(
          on === 'contracted' ? contracted : account,
          { ...seats, term },
          definePolicy({ contractLocksDecrease: locks }),
        ),
      ).toBe(until);
    },
  );
});
