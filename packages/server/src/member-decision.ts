import {
  type AccountUsage,
  decideMemberChange,
  explainMemberIssue,
  type MemberAssignment,
  type MemberChangeDecision,
  type MemberFieldIssue,
} from '@seats/core';
import type { FieldError } from '@seats/core/contract';
import { ProblemError } from './problem-error';
import { forbidden, type RouteContext, usageOf } from './route-context';
import type { SeatsEvent } from './seats-event';
import type { AccountState, MemberFields, SeatsStore, StoredMember } from './seats-store';

/**
 * How often a member write is decided again on a fresh read after losing a race (for a licence, or
 * for the member's revision), with a growing random pause between attempts.
 */
export const memberRetries = 10;

/** What a member write answers when it lost every race it ran: not exhaustion, contention. */
export function memberConflict(): ProblemError {
  return new ProblemError(409, 'conflict', {
    detail:
      'Other changes to this user or its licences kept winning the race; nothing was changed. Send the request again.',
  });
}

/** A member decision allowed by core. */
export type AllowedMemberChange = Extract<MemberChangeDecision, { outcome: 'allowed' }>;

/**
 * The usage core describes for each account read and viewer role. Member writes decide on a read
 * shared by the requests of the next second (`memberStateTtlMs`), which is never changed in place,
 * so each read is described once per role rather than once per request.
 */
const usageByState = new WeakMap<AccountState, Map<string, AccountUsage>>();

function usageFor(context: RouteContext): AccountUsage {
  let byRole = usageByState.get(context.state);
  if (byRole === undefined) {
    byRole = new Map();
    usageByState.set(context.state, byRole);
  }
  let usage = byRole.get(context.identity.role);
  if (usage === undefined) {
    usage = usageOf(context);
    byRole.set(context.identity.role, usage);
  }
  return usage;
}

/** Core's decision on a member going from `before` to `after`, on the account as read for the context. */
export function decideMember(
  context: RouteContext,
  before: MemberAssignment | null,
  after: MemberAssignment | null,
): MemberChangeDecision {
  return decideMemberChange({
    policy: context.state.policy,
    usage: usageFor(context),
    before,
    after,
  });
}

/** The member decision as an answer: throws the problem for every outcome but `allowed`. */
export function requireAllowed(decision: MemberChangeDecision): AllowedMemberChange {
  switch (decision.outcome) {
    case 'allowed':
      return decision;
    case 'forbidden':
      throw forbidden('Your role may not manage users.');
    case 'invalid':
      throw new ProblemError(400, 'validation_failed', {
        detail: 'Some fields are not valid for this account.',
        errors: memberFieldErrors(decision.issues),
      });
    case 'needs-licence':
      throw new ProblemError(409, 'no_licence_available', {
        detail: `All ${decision.purchased} licences are in use.`,
        decision,
      });
  }
}

/**
 * Core's member issues as the field errors every door answers, the same code for the same rule;
 * `prefix` names the member in a list (`users.3`).
 */
export function memberFieldErrors(issues: readonly MemberFieldIssue[], prefix = ''): FieldError[] {
  return issues.map((issue) => ({
    field: prefix === '' ? issue.field : `${prefix}.${issue.field}`,
    code: issue.code,
    message: explainMemberIssue(issue),
  }));
}

/** The licences released and claimed by a member write, as events. */
export function seatEvents(
  context: RouteContext,
  memberId: string,
  decision: { claims: readonly string[]; releases: readonly string[] },
): SeatsEvent[] {
  const base = {
    accountId: context.identity.accountId,
    at: context.now,
    requestId: context.requestId,
    memberId,
  };
  return [
    ...decision.releases.map((poolId) => ({ ...base, type: 'seat.released' as const, poolId })),
    ...decision.claims.map((poolId) => ({ ...base, type: 'seat.claimed' as const, poolId })),
  ];
}

/** The stored fields of a member, with whether it consumes a licence as core decided. */
export function memberFields(
  fields: Omit<MemberFields, 'consumes' | 'addOnIds'> & { addOnIds?: string[] | undefined },
  decision: AllowedMemberChange,
): MemberFields {
  return {
    ...fields,
    addOnIds: [...(fields.addOnIds ?? [])].sort(),
    consumes: decision.consumption?.consumes ?? false,
  };
}

/** The member the route names; a 404 when the account has none by that id. */
export async function findMember(
  store: SeatsStore,
  context: RouteContext,
  memberId: string,
): Promise<StoredMember> {
  const member = await store.getMember(context.identity.accountId, memberId);
  if (member === null) throw new ProblemError(404, 'not_found', { detail: 'No such user.' });
  return member;
}
