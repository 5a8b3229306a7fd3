import {
  decideMemberChange,
  explainMemberIssue,
  type MemberAssignment,
  type MemberChangeDecision,
} from '@seats/core';
import {
  CreateMemberRequestSchema,
  type MemberList,
  UpdateMemberRequestSchema,
} from '@seats/core/contract';
import { ProblemError } from './problem-error';
import { randomId } from './random-id';
import {
  forbidden,
  json,
  listQuery,
  permissions,
  type RouteContext,
  type RouteDeps,
  usageOf,
} from './route-context';
import type { SeatsEvent } from './seats-event';
import type { MemberFields, StoredMember } from './seats-store';
import { encodeCursor, memberToWire } from './wire';

const memberRetries = 8;

/**
 * Listing, adding, changing and deleting members: core decides, the store claims or releases the
 * licence in the same statement, and a lost race is decided again on a fresh read.
 */
export function createMemberRoutes(deps: RouteDeps) {
  const { store, emit, body, reload } = deps;

  /** The member decision as an answer: throws the problem for every outcome but `allowed`. */
  function requireAllowed(
    decision: MemberChangeDecision,
  ): Extract<MemberChangeDecision, { outcome: 'allowed' }> {
    switch (decision.outcome) {
      case 'allowed':
        return decision;
      case 'forbidden':
        throw forbidden('Your role may not manage users.');
      case 'invalid':
        throw new ProblemError(400, 'validation_failed', {
          detail: 'Some fields are not valid for this account.',
          errors: decision.issues.map((issue) => ({
            field: issue.field,
            code: issue.code,
            message: explainMemberIssue(issue),
          })),
        });
      case 'needs-licence':
        throw new ProblemError(409, 'no_licence_available', {
          detail: `All ${decision.purchased} licences are in use.`,
          decision,
        });
    }
  }

  function seatEvents(
    context: RouteContext,
    memberId: string,
    decision: { claims: string | null; releases: string | null },
  ): SeatsEvent[] {
    const base = {
      accountId: context.identity.accountId,
      at: context.now,
      requestId: context.requestId,
      memberId,
    };
    return [
      ...(decision.releases === null
        ? []
        : [{ ...base, type: 'seat.released' as const, poolId: decision.releases }]),
      ...(decision.claims === null
        ? []
        : [{ ...base, type: 'seat.claimed' as const, poolId: decision.claims }]),
    ];
  }

  function memberFields(
    fields: Omit<MemberFields, 'consumes'>,
    decision: Extract<MemberChangeDecision, { outcome: 'allowed' }>,
  ): MemberFields {
    return { ...fields, consumes: decision.consumption?.consumes ?? false };
  }

  async function listMembers(context: RouteContext, url: URL): Promise<Response> {
    const allowed = permissions(context);
    if (!allowed.manageMembers && !allowed.viewLicences)
      throw forbidden('Your role may not list users.');
    const query = listQuery(url);
    const rows = await store.listMembers(context.identity.accountId, {
      ...query,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const list: MemberList = {
      items: page.map((row) => memberToWire(row, context.state.policy)),
      nextCursor: rows.length > query.limit && last !== undefined ? encodeCursor(last.seq) : null,
    };
    return json(list);
  }

  async function createMember(initial: RouteContext): Promise<Response> {
    const input = await body(initial.request, CreateMemberRequestSchema);
    let context = initial;
    const id = randomId('mem');
    for (let attempt = 0; attempt < memberRetries; attempt++) {
      const poolId =
        input.poolId === undefined ? (context.state.pools[0]?.id ?? null) : input.poolId;
      const after: MemberAssignment = { status: input.status, role: input.role, poolId };
      const outcome = decideMemberChange({
        policy: context.state.policy,
        usage: usageOf(context),
        before: null,
        after,
      });
      if (outcome.outcome === 'needs-licence' && !context.fresh) {
        context = await reload(context);
        continue;
      }
      const decision = requireAllowed(outcome);
      const fields = memberFields({ name: input.name, email: input.email, ...after }, decision);
      const written = await store.createMember(
        context.identity.accountId,
        { id, ...fields },
        decision.claims,
        context.now,
      );
      if (written.status === 'written') {
        emit(seatEvents(context, id, decision));
        return json(memberToWire(written.member, context.state.policy), 201);
      }
      context = await reload(context);
    }
    throw new ProblemError(409, 'no_licence_available', { detail: 'No licence could be claimed.' });
  }

  async function findMember(context: RouteContext, memberId: string): Promise<StoredMember> {
    const member = await store.getMember(context.identity.accountId, memberId);
    if (member === null) throw new ProblemError(404, 'not_found', { detail: 'No such user.' });
    return member;
  }

  async function updateMember(initial: RouteContext, memberId: string): Promise<Response> {
    const input = await body(initial.request, UpdateMemberRequestSchema);
    let context = initial;
    for (let attempt = 0; attempt < memberRetries; attempt++) {
      const before = await findMember(context, memberId);
      const fields = {
        name: input.name ?? before.name,
        email: input.email ?? before.email,
        status: input.status ?? before.status,
        role: input.role ?? before.role,
        poolId: input.poolId === undefined ? before.poolId : input.poolId,
      };
      const outcome = decideMemberChange({
        policy: context.state.policy,
        usage: usageOf(context),
        before,
        after: fields,
      });
      if (outcome.outcome === 'needs-licence' && !context.fresh) {
        context = await reload(context);
        continue;
      }
      const decision = requireAllowed(outcome);
      const written = await store.updateMember(
        context.identity.accountId,
        memberId,
        before.revision,
        memberFields(fields, decision),
        decision,
        context.now,
      );
      if (written.status === 'written') {
        emit(seatEvents(context, memberId, decision));
        return json(memberToWire(written.member, context.state.policy));
      }
      context = await reload(context);
    }
    throw new ProblemError(409, 'no_licence_available', { detail: 'No licence could be claimed.' });
  }

  async function deleteMember(initial: RouteContext, memberId: string): Promise<Response> {
    let context = initial;
    for (let attempt = 0; attempt < memberRetries; attempt++) {
      const before = await findMember(context, memberId);
      requireAllowed(
        decideMemberChange({
          policy: context.state.policy,
          usage: usageOf(context),
          before,
          after: null,
        }),
      );
      const written = await store.deleteMember(
        context.identity.accountId,
        memberId,
        before.revision,
      );
      if (written.status === 'written') {
        emit(
          seatEvents(context, memberId, {
            claims: null,
            releases: before.consumes ? before.poolId : null,
          }),
        );
        return new Response(null, { status: 204 });
      }
      context = await reload(context);
    }
    throw new ProblemError(409, 'stale_version', { detail: 'The user kept changing; try again.' });
  }

  return { listMembers, createMember, updateMember, deleteMember };
}
