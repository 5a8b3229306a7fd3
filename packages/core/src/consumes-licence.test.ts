import { describe, expect, it } from 'vitest';
import {
  countConsumingMembers,
  countHoldingMembers,
  dailyProratedWithPassword,
  decideConsumption,
  decideGroupConsumption,
  definePolicy,
  explainConsumption,
  type MemberAssignment,
  statusConsumesLicence,
  totalWithTermsNoSelfDecrease,
} from './index';

describe('statusConsumesLicence', () => {
  it("says which of OpenCRM's statuses use a licence: Active and Locked, not Inactive", () => {
    const policy = totalWithTermsNoSelfDecrease;
    expect(statusConsumesLicence('Active', policy)).toBe(true);
    expect(statusConsumesLicence('Locked', policy)).toBe(true);
    expect(statusConsumesLicence('Inactive', policy)).toBe(false);
  });
});

const policy = definePolicy({
  statuses: ['active', 'locked', 'inactive'],
  consumingStatuses: ['active', 'locked'],
  roles: ['owner', 'member', 'guest'],
  nonConsumingRoles: ['guest'],
});

describe('decideConsumption', () => {
  it.each([
    {
      member: { status: 'active', role: 'member', poolId: 'seats' },
      decision: {
        consumes: true,
        poolId: 'seats',
        addOnIds: [],
        reason: { kind: 'status-consumes', status: 'active' },
      },
      sentence: 'Counts because its status is active.',
    },
    {
      member: { status: 'locked', role: 'owner', poolId: 'seats' },
      decision: {
        consumes: true,
        poolId: 'seats',
        addOnIds: [],
        reason: { kind: 'status-consumes', status: 'locked' },
      },
      sentence: 'Counts because its status is locked.',
    },
    {
      member: { status: 'inactive', role: 'member', poolId: 'seats' },
      decision: {
        consumes: false,
        reason: { kind: 'status-does-not-consume', status: 'inactive' },
      },
      sentence: 'Does not count because its status is inactive.',
    },
    {
      member: { status: 'active', role: 'guest', poolId: 'seats' },
      decision: { consumes: false, reason: { kind: 'role-does-not-consume', role: 'guest' } },
      sentence: 'Does not count because its role is guest.',
    },
    {
      member: { status: 'active', role: 'member', poolId: null },
      decision: { consumes: false, reason: { kind: 'no-pool' } },
      sentence: 'Does not count because no licence type is assigned.',
    },
  ])('says $sentence', ({ member, decision, sentence }) => {
    const decided = decideConsumption(member, policy);
    expect(decided).toEqual(decision);
    expect(explainConsumption(decided.reason)).toBe(sentence);
  });

  it('gives the status as the reason when neither status nor role consumes', () => {
    expect(
      decideConsumption({ status: 'inactive', role: 'guest', poolId: 'seats' }, policy).reason,
    ).toEqual({ kind: 'status-does-not-consume', status: 'inactive' });
  });

  it('matches statuses and roles exactly, case included', () => {
    expect(
      decideConsumption({ status: 'Active', role: 'member', poolId: 'seats' }, policy).consumes,
    ).toBe(false);
  });
});

describe('countConsumingMembers', () => {
  it('counts consuming members per pool and leaves out pools nobody consumes', () => {
    const members: MemberAssignment[] = [
      { status: 'active', role: 'member', poolId: 'a' },
      { status: 'locked', role: 'member', poolId: 'a' },
      { status: 'active', role: 'owner', poolId: 'b' },
      { status: 'inactive', role: 'member', poolId: 'c' },
      { status: 'active', role: 'guest', poolId: 'c' },
      { status: 'active', role: 'member', poolId: null },
    ];
    expect(countConsumingMembers(members, policy)).toEqual({ a: 2, b: 1 });
  });

  it('counts each add-on a consuming member holds, and every holder whatever its status', () => {
    const members: MemberAssignment[] = [
      { status: 'active', role: 'member', poolId: 'a', addOnIds: ['x', 'y'] },
      { status: 'inactive', role: 'member', poolId: 'a', addOnIds: ['x'] },
      { status: 'active', role: 'guest', poolId: 'a', addOnIds: ['x'] },
      { status: 'active', role: 'member', poolId: 'b', addOnIds: ['x'] },
    ];
    expect(countConsumingMembers(members, policy)).toEqual({ a: 1, b: 1, x: 2, y: 1 });
    expect(countHoldingMembers(members)).toEqual({ a: 3, b: 1, x: 4, y: 1 });
    const { usedByPool } = decideGroupConsumption(
      members.map((member) => ({ ...member, count: 2 })),
      policy,
    );
    expect(usedByPool).toEqual({ a: 2, b: 2, x: 4, y: 2 });
  });

  it('agrees with decideConsumption member by member for every preset', () => {
    for (const preset of [totalWithTermsNoSelfDecrease, dailyProratedWithPassword]) {
      const members: MemberAssignment[] = preset.statuses.flatMap((status) =>
        preset.roles.map((role, index) => ({ status, role, poolId: index % 2 ? 'a' : 'b' })),
      );
      const expected: Record<string, number> = {};
      for (const member of members) {
        const decision = decideConsumption(member, preset);
        if (decision.consumes) expected[decision.poolId] = (expected[decision.poolId] ?? 0) + 1;
      }
      expect({ ...countConsumingMembers(members, preset) }).toEqual(expected);
    }
  });

  it('takes any iterable, such as a generator over a large list', () => {
    function* many() {
      for (let index = 0; index < 10_000; index++) {
        yield { status: index % 4 === 0 ? 'inactive' : 'active', role: 'member', poolId: 'a' };
      }
    }
    expect(countConsumingMembers(many(), policy)).toEqual({ a: 7_500 });
  });

  it('is not confused by pool ids that name object properties', () => {
    const counts = countConsumingMembers(
      [
        { status: 'active', role: 'member', poolId: 'toString' },
        { status: 'active', role: 'member', poolId: '__proto__' },
      ],
      policy,
    );
    expect(counts.toString).toBe(1);
    expect(Object.keys(counts).sort()).toEqual(['__proto__', 'toString']);
  });
});

describe('decideGroupConsumption', () => {
  it('decides members counted by status, role and pool as one by one, and counts them per pool', () => {
    const groups = [
      { status: 'active', role: 'member', poolId: 'seats', count: 4 },
      { status: 'locked', role: 'owner', poolId: 'seats', count: 1 },
      { status: 'active', role: 'guest', poolId: 'seats', count: 3 },
      { status: 'inactive', role: 'member', poolId: 'seats', count: 2 },
      { status: 'active', role: 'member', poolId: 'add-on', count: 2 },
      { status: 'active', role: 'member', poolId: null, count: 5 },
    ];
    const { groups: decided, usedByPool } = decideGroupConsumption(groups, policy);
    expect(decided.map((group) => group.consumes)).toEqual([true, true, false, false, true, false]);
    expect(decided.map(({ consumes, ...group }) => group)).toEqual(groups);
    const members = groups.flatMap(({ count, ...member }) => Array(count).fill(member));
    expect(usedByPool).toEqual(countConsumingMembers(members, policy));
    expect(usedByPool).toEqual({ seats: 5, 'add-on': 2 });
  });
});
