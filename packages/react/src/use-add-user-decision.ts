import type { Summary } from '@seats/client';
import {
  type AddUserAvailability,
  addUserAvailabilityAt,
  decideMemberChange,
  defaultNewMember as defaultNewMemberOf,
  type MemberAssignment,
  type MemberChangeDecision,
} from '@seats/core';
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
  /**
   * `open` where the check runs as a new member's form opens (a "New User" button), so that a
   * policy's `continue` remedy may let the admin go on to the form; `save` where the member is
   * being saved.
   * @default 'save'
   */
  stage?: 'open' | 'save' | undefined;
}

/**
 * Core's decision: in full for a viewer who may see licences, else the server's answer for a new
 * member (`AddUserAvailability`, without counts).
 */
export type AddUserDecision = MemberChangeDecision | AddUserAvailability;

export type AddUserDecisionResult =
  | { status: 'pending' }
  | { status: 'error'; error: Error }
  | { status: 'ready'; decision: AddUserDecision; summary: Summary };

/** The member that "Add user" creates when the host does not say. */
export function defaultNewMember(summary: Summary): MemberAssignment {
  return summary.access === 'limited'
    ? summary.newMember
    : defaultNewMemberOf(summary.policy, summary.pools);
}

/** Core's decision for `member` on `summary`; a limited summary carries the server's answer. */
export function decideAddUser(
  summary: Summary,
  member: MemberAssignment | undefined,
  before: MemberAssignment | null,
  stage: 'open' | 'save' = 'save',
): AddUserDecision {
  if (summary.access === 'limited') return addUserAvailabilityAt(summary.addUser, stage);
  return decideMemberChange({
    policy: summary.policy,
    usage: summary.usage,
    before,
    after: member ?? defaultNewMember(summary),
    stage,
  });
}

/**
 * Whether a member can be added or activated now, decided by `@seats/core` from the summary's
 * policy and usage (the server decides the same again), with the remedies the viewer may use.
 */
export function useAddUserDecision({
  member,
  before = null,
  stage = 'save',
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
    return {
      status: 'ready',
      decision: decideAddUser(data, member, before, stage),
      summary: data,
    };
  }, [data, summary.error, memberKey, beforeKey, stage]);
}
