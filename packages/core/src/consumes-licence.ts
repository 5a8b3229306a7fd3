import type { MemberAssignment } from './domain';
import type { SeatPolicy } from './policy';

export type ConsumptionReason =
  | { kind: 'status-consumes'; status: string }
  | { kind: 'status-does-not-consume'; status: string }
  | { kind: 'role-does-not-consume'; role: string }
  | { kind: 'no-pool' };

export type ConsumptionDecision =
  | {
      consumes: true;
      poolId: string;
      /** The add-on pools whose licences the member consumes too. */
      addOnIds: string[];
      reason: Extract<ConsumptionReason, { kind: 'status-consumes' }>;
    }
  | { consumes: false; reason: Exclude<ConsumptionReason, { kind: 'status-consumes' }> };

/** Whether members in `status` use a licence, where their role and licence type also do. */
export function statusConsumesLicence(
  status: string,
  policy: Pick<SeatPolicy, 'consumingStatuses'>,
): boolean {
  return policy.consumingStatuses.includes(status);
}

/** Whether a member consumes a licence, and why ("counts because its status is Locked"). */
export function decideConsumption(
  member: MemberAssignment,
  policy: Pick<SeatPolicy, 'consumingStatuses' | 'nonConsumingRoles'>,
): ConsumptionDecision {
  if (!statusConsumesLicence(member.status, policy)) {
    return { consumes: false, reason: { kind: 'status-does-not-consume', status: member.status } };
  }
  if (policy.nonConsumingRoles.includes(member.role)) {
    return { consumes: false, reason: { kind: 'role-does-not-consume', role: member.role } };
  }
  if (member.poolId === null) return { consumes: false, reason: { kind: 'no-pool' } };
  return {
    consumes: true,
    poolId: member.poolId,
    addOnIds: [...(member.addOnIds ?? [])],
    reason: { kind: 'status-consumes', status: member.status },
  };
}

/** Every pool whose licence the member consumes: its base pool, then its add-ons; none when it consumes none. */
export function consumedPoolIds(
  member: MemberAssignment,
  policy: Pick<SeatPolicy, 'consumingStatuses' | 'nonConsumingRoles'>,
): string[] {
  const decision = decideConsumption(member, policy);
  return decision.consumes ? [decision.poolId, ...decision.addOnIds] : [];
}

/** The consuming members per pool id, in one pass; a million members take a few milliseconds. */
export function countConsumingMembers(
  members: Iterable<MemberAssignment>,
  policy: Pick<SeatPolicy, 'consumingStatuses' | 'nonConsumingRoles'>,
): Record<string, number> {
  const consuming = new Set(policy.consumingStatuses);
  const exempt = new Set(policy.nonConsumingRoles);
  const counts: Record<string, number> = Object.create(null);
  for (const member of members) {
    if (member.poolId === null || !consuming.has(member.status) || exempt.has(member.role))
      continue;
    counts[member.poolId] = (counts[member.poolId] ?? 0) + 1;
    for (const addOnId of member.addOnIds ?? []) counts[addOnId] = (counts[addOnId] ?? 0) + 1;
  }
  return counts;
}

/** Members holding each pool (as base or add-on), whatever their status or role: the floor of a decrease with `removalFloor: 'holders'`. */
export function countHoldingMembers(
  members: Iterable<Pick<MemberAssignment, 'poolId' | 'addOnIds'>>,
): Record<string, number> {
  const counts: Record<string, number> = Object.create(null);
  for (const member of members) {
    if (member.poolId !== null) counts[member.poolId] = (counts[member.poolId] ?? 0) + 1;
    for (const addOnId of member.addOnIds ?? []) counts[addOnId] = (counts[addOnId] ?? 0) + 1;
  }
  return counts;
}

/** Members sharing a status, a role and a pool (and add-ons, if any), and how many they are. */
export interface MemberGroup extends MemberAssignment {
  count: number;
}

/** Each group with whether its members consume a licence, and the consuming members per pool. */
export interface GroupConsumption<Group extends MemberGroup> {
  groups: Array<Group & { consumes: boolean }>;
  usedByPool: Record<string, number>;
}

/**
 * `decideConsumption` for members counted by status, role and pool: what a store applies to its
 * rows when a policy changes, so that it keeps no rule of its own about who consumes a licence.
 */
export function decideGroupConsumption<Group extends MemberGroup>(
  groups: Iterable<Group>,
  policy: Pick<SeatPolicy, 'consumingStatuses' | 'nonConsumingRoles'>,
): GroupConsumption<Group> {
  const decided: Array<Group & { consumes: boolean }> = [];
  const usedByPool: Record<string, number> = Object.create(null);
  for (const group of groups) {
    const decision = decideConsumption(group, policy);
    decided.push({ ...group, consumes: decision.consumes });
    if (!decision.consumes) continue;
    for (const poolId of [decision.poolId, ...decision.addOnIds])
      usedByPool[poolId] = (usedByPool[poolId] ?? 0) + group.count;
  }
  return { groups: decided, usedByPool };
}
