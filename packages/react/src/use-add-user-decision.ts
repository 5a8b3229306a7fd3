import type { Summary } from '@seats/client';
import { decideMemberChange, type MemberAssignment, type MemberChangeDecision } from '@seats/core';
import { useMemo } from 'react';
import { useSeatsSummary } from './use-seats-summary';

export interface UseAddUserDecisionOptions {
  /**
   * The member as it would be after the action.
   * @default a new member with the policy's first consuming status, its last consuming role and the first licence type
   */
  member?: MemberAssignment | undefined;
  /**
   * The member as it is today, for an activation or a role change; `null` when creating.
   * @default null
   */
  before?: MemberAssignment | null | undefined;
}

export type AddUserDecisionResult =
  | { status: 'pending' }
  | { status: 'error'; error: Error }
  | { status: 'ready'; decision: MemberChangeDecision; summary: Summary };

/** The member that "Add user" creates when the host does not say. */
export function defaultNewMember(summary: Summary): MemberAssignment {
  const { policy, pools } = summary;
  const roles = policy.roles.filter((role) => !policy.nonConsumingRoles.includes(role));
  return {
    status: policy.consumingStatuses[0] ?? policy.statuses[0] ?? '',
    role: roles[roles.length - 1] ?? policy.roles[0] ?? '',
    poolId: pools[0]?.id ?? null,
  };
}

/**
 * Whether a member can be added or activated now, decided by `@seats/core` from the summary's
 * policy and usage (the server decides the same again), with the remedies the viewer may use.
 */
export function useAddUserDecision({
  member,
  before = null,
}: UseAddUserDecisionOptions = {}): AddUserDecisionResult {
  const summary = useSeatsSummary();
  const data = summary.data;
  const memberKey = JSON.stringify(member ?? null);
  const beforeKey = JSON.stringify(before);
  // biome-ignore lint/correctness/useExhaustiveDependencies: member and before are compared by value
  return useMemo<AddUserDecisionResult>(() => {
    if (data === undefined) {
      return summary.error ? { status: 'error', error: summary.error } : { status: 'pending' };
    }
    const decision = decideMemberChange({
      policy: data.policy,
      usage: data.usage,
      before,
      after: member ?? defaultNewMember(data),
    });
    return { status: 'ready', decision, summary: data };
  }, [data, summary.error, memberKey, beforeKey]);
}
