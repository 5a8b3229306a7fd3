import { describe, expect, it } from 'vitest';
import { checkPolicy, definePolicy, type PresetName, presets, quoteExpiresAt } from './index';

describe('definePolicy', () => {
  it('fills every setting left out with the documented default', () => {
    expect(definePolicy()).toEqual({
      name: 'custom',
      statuses: ['active', 'inactive'],
      consumingStatuses: ['active'],
      roles: ['owner', 'admin', 'member'],
      nonConsumingRoles: [],
      changeInput: 'total',
      increase: { mode: 'self-serve' },
      decrease: { mode: 'period-end', restorable: true },
      contractLocksDecrease: 'contracted-pools',
      proration: { unit: 'day', rounding: 'half-up', over: 'billing-period' },
      atRenewal: 'none',
      charge: 'now',
      confirmation: 'review',
      permissions: {
        viewLicences: ['owner', 'admin'],
        changeAllowance: ['owner'],
        manageMembers: ['owner', 'admin'],
        withoutPermission: 'explain',
      },
      offerChange: 'always',
      atLimit: ['buy', 'use-non-consuming', 'free-licence', 'ask-admin'],
      nearThreshold: 90,
      quoteTtlSeconds: 900,
    });
  });

  it('merges partial permissions and proration with their defaults', () => {
    const policy = definePolicy({
      permissions: { changeAllowance: ['billing'] },
      proration: { rounding: 'half-even' },
    });
    expect(policy.permissions).toEqual({
      viewLicences: ['owner', 'admin'],
      changeAllowance: ['billing'],
      manageMembers: ['owner', 'admin'],
      withoutPermission: 'explain',
    });
    expect(policy.proration).toEqual({
      unit: 'day',
      rounding: 'half-even',
      over: 'billing-period',
    });
  });

  it('returns a new policy each time, so changing one leaves the defaults alone', () => {
    const first = definePolicy();
    first.permissions.withoutPermission = 'hide';
    first.proration.unit = 'none';
    expect(definePolicy().permissions.withoutPermission).toBe('explain');
    expect(definePolicy().proration.unit).toBe('day');
  });

  it('takes a whole preset as options and gives it back unchanged', () => {
    for (const preset of Object.values(presets)) expect(definePolicy(preset)).toEqual(preset);
  });
});

describe('checkPolicy', () => {
  it.each(Object.keys(presets) as PresetName[])('finds the %s preset consistent', (name) => {
    expect(checkPolicy(presets[name])).toEqual([]);
    expect(presets[name].name).toBe(name);
  });

  it('names a consuming status or non-consuming role the policy does not list', () => {
    expect(
      checkPolicy(
        definePolicy({
          statuses: ['active'],
          consumingStatuses: ['active', 'locked'],
          roles: ['owner'],
          nonConsumingRoles: ['guest'],
          permissions: {
            viewLicences: ['owner'],
            changeAllowance: ['owner'],
            manageMembers: ['owner'],
          },
        }),
      ),
    ).toEqual([
      'consuming status "locked" is not a status',
      'non-consuming role "guest" is not a role',
    ]);
  });

  it('names a permission given to a role the policy does not list, and repeated or missing names', () => {
    expect(
      checkPolicy(
        definePolicy({
          roles: ['owner', 'owner'],
          statuses: [],
          consumingStatuses: [],
          permissions: {
            viewLicences: ['owner'],
            changeAllowance: ['boss'],
            manageMembers: ['owner'],
          },
        }),
      ),
    ).toEqual([
      'statuses must name at least one status',
      'roles name "owner" twice',
      'changeAllowance role "boss" is not a role',
    ]);
  });

  it.each([-1, 100.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses a near threshold of %s',
    (nearThreshold) => {
      expect(checkPolicy(definePolicy({ nearThreshold }))).toEqual([
        'nearThreshold must be a percent between 0 and 100',
      ]);
    },
  );

  it.each([0, 100])('accepts a near threshold of %s', (nearThreshold) => {
    expect(checkPolicy(definePolicy({ nearThreshold }))).toEqual([]);
  });

  it.each([0, -60, 1.5])('refuses a quote lifetime of %s seconds', (quoteTtlSeconds) => {
    expect(checkPolicy(definePolicy({ quoteTtlSeconds }))).toEqual([
      'quoteTtlSeconds must be a positive whole number',
    ]);
  });
});

describe('quoteExpiresAt', () => {
  it('ends a quote quoteTtlSeconds after it was made', () => {
    const policy = definePolicy({ quoteTtlSeconds: 900 });
    expect(quoteExpiresAt(policy, '2026-11-16T12:00:00.000Z')).toBe('2026-11-16T12:15:00.000Z');
  });
});
