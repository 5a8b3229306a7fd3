import { type ConsumptionDecision, consumedPoolIds, decideConsumption } from './consumes-licence';
import type { AccountUsage } from './describe-usage';
import type { MemberAssignment, Pool } from './domain';
import type { SeatPolicy } from './policy';

/** A way out when a member needs a licence and none is free, with what it takes. */
export type Remedy =
  /** Buy the shortfall; `total` is the allowance to enter where the policy takes a new total. */
  | { kind: 'buy'; poolId: string; quantity: number; total: number }
  /** Save the member with a status or role that consumes no licence. */
  | { kind: 'use-non-consuming'; statuses: string[]; roles: string[] }
  /** Deactivate or delete this many consuming members of the pool first. */
  | { kind: 'free-licence'; poolId: string; quantity: number }
  /** Ask someone who may buy licences. */
  | { kind: 'ask-admin'; roles: string[] }
  /** Go on to the new member's form; saving it is checked again (`stage: 'open'` only). */
  | { kind: 'continue' };

export type MemberFieldIssue =
  /** `value` is what was given, `allowed` what the policy or the account has. */
  | { field: 'status'; code: 'unknown-status'; value: string; allowed: readonly string[] }
  | { field: 'role'; code: 'unknown-role'; value: string; allowed: readonly string[] }
  | { field: 'poolId'; code: 'unknown-pool'; value: string; allowed: readonly string[] }
  /** The base pool is an add-on, which would be the member's only licence. */
  | { field: 'poolId'; code: 'needs-base-pool'; poolId: string }
  /**
   * `unknown-pool`: no such pool; `not-add-on`: the pool's term is not `add-on`; `duplicate-pool`:
   * held twice, or also as the base pool; `needs-base-pool`: add-ons need a base pool.
   */
  | {
      field: 'addOnIds';
      code: 'unknown-pool' | 'not-add-on' | 'duplicate-pool' | 'needs-base-pool';
      poolId: string;
    };

export type MemberChangeDecision =
  | {
      outcome: 'allowed';
      /** The pools (base and add-ons) whose licences this change claims, in id order. */
      claims: string[];
      /** The pools whose licences this change releases, in id order. */
      releases: string[];
      consumption: ConsumptionDecision | null;
    }
  | {
      outcome: 'needs-licence';
      poolId: string;
      purchased: number;
      used: number;
      available: number;
      shortfall: number;
      remedies: Remedy[];
    }
  | { outcome: 'forbidden'; reason: 'manage-members' }
  | { outcome: 'invalid'; issues: MemberFieldIssue[] };

export interface MemberChangeInput {
  policy: SeatPolicy;
  usage: AccountUsage;
  /** The member as it is, or `null` when it is being created. */
  before: MemberAssignment | null;
  /** The member as it would be, or `null` when it is being deleted. */
  after: MemberAssignment | null;
  /**
   * `open`: a new member's form is opening, and saving it will be checked again, so the policy's
   * `continue` remedy may be offered; `save`: the change is being made.
   * @default 'save'
   */
  stage?: 'open' | 'save';
}

/**
 * Whether a member can be created, changed (status, role, pool) or deleted, and if a licence is
 * missing, the remedies the policy and the viewer's permissions allow, in the policy's order.
 */
export function decideMemberChange({
  policy,
  usage,
  before,
  after,
  stage = 'save',
}: MemberChangeInput): MemberChangeDecision {
  if (!usage.viewer.manageMembers) return { outcome: 'forbidden', reason: 'manage-members' };
  if (after !== null) {
    const issues = memberAssignmentIssues({
      policy,
      pools: usage.pools.map((pool) => ({ id: pool.poolId, term: pool.term })),
      member: after,
    });
    if (issues.length > 0) return { outcome: 'invalid', issues };
  }

  const was = before === null ? [] : consumedPoolIds(before, policy);
  const will = after === null ? [] : consumedPoolIds(after, policy);
  const claims = will.filter((poolId) => !was.includes(poolId)).sort(byId);
  const releases = was.filter((poolId) => !will.includes(poolId)).sort(byId);
  const consumption = after === null ? null : decideConsumption(after, policy);
  const pool = usage.pools.find(
    (candidate) => claims.includes(candidate.poolId) && candidate.available <= 0,
  );
  if (pool === undefined) return { outcome: 'allowed', claims, releases, consumption };

  const shortfall = pool.used + 1 - (pool.purchased - pool.scheduledRemoval);
  const nonConsumingStatuses = policy.statuses.filter(
    (status) => !policy.consumingStatuses.includes(status),
  );
  const remedies: Remedy[] = [];
  for (const kind of policy.atLimit) {
    if (kind === 'buy' && pool.increase.allowed) {
      remedies.push({
        kind,
        poolId: pool.poolId,
        quantity: shortfall,
        total: pool.nextPeriod + shortfall,
      });
    } else if (
      kind === 'use-non-consuming' &&
      (nonConsumingStatuses.length > 0 || policy.nonConsumingRoles.length > 0)
    ) {
      remedies.push({ kind, statuses: nonConsumingStatuses, roles: [...policy.nonConsumingRoles] });
    } else if (kind === 'free-licence' && pool.used >= shortfall) {
      remedies.push({ kind, poolId: pool.poolId, quantity: shortfall });
    } else if (kind === 'ask-admin' && !usage.viewer.changeAllowance) {
      remedies.push({ kind, roles: [...policy.permissions.changeAllowance] });
    } else if (kind === 'continue' && stage === 'open' && before === null) {
      remedies.push({ kind });
    }
  }
  return {
    outcome: 'needs-licence',
    poolId: pool.poolId,
    purchased: pool.purchased,
    used: pool.used,
    available: pool.available,
    shortfall,
    remedies,
  };
}

/**
 * What is wrong with a member's status, role, licence type and add-ons on an account with `pools`:
 * the policy's statuses and roles, the account's pools, and an add-on only ever beside a base
 * licence that is not one. The rule every door that writes a member, or changes a pool members
 * hold, asks before it writes.
 */
export function memberAssignmentIssues({
  policy,
  pools,
  member,
}: {
  policy: Pick<SeatPolicy, 'statuses' | 'roles'>;
  pools: readonly Pick<Pool, 'id' | 'term'>[];
  member: MemberAssignment;
}): MemberFieldIssue[] {
  const issues: MemberFieldIssue[] = [];
  if (!policy.statuses.includes(member.status))
    issues.push({
      field: 'status',
      code: 'unknown-status',
      value: member.status,
      allowed: policy.statuses,
    });
  if (!policy.roles.includes(member.role))
    issues.push({ field: 'role', code: 'unknown-role', value: member.role, allowed: policy.roles });
  const base = member.poolId === null ? null : pools.find((pool) => pool.id === member.poolId);
  if (base === undefined)
    issues.push({
      field: 'poolId',
      code: 'unknown-pool',
      value: String(member.poolId),
      allowed: pools.filter((pool) => pool.term !== 'add-on').map((pool) => pool.id),
    });
  else if (base !== null && base.term === 'add-on')
    issues.push({ field: 'poolId', code: 'needs-base-pool', poolId: base.id });
  const held = new Set(member.poolId === null ? [] : [member.poolId]);
  for (const poolId of member.addOnIds ?? []) {
    const pool = pools.find((candidate) => candidate.id === poolId);
    const code =
      pool === undefined
        ? 'unknown-pool'
        : pool.term !== 'add-on'
          ? 'not-add-on'
          : held.has(poolId)
            ? 'duplicate-pool'
            : member.poolId === null
              ? 'needs-base-pool'
              : null;
    if (code !== null) issues.push({ field: 'addOnIds', code, poolId });
    held.add(poolId);
  }
  return issues;
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
