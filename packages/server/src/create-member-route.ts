import { defaultNewMember, type MemberAssignment } from '@seats/core';
import { CreateMemberRequestSchema } from '@seats/core/contract';
import {
  decideMember,
  memberConflict,
  memberFields,
  memberRetries,
  requireAllowed,
  seatEvents,
} from './member-decision';
import { randomId } from './random-id';
import { json, type RouteContext, type RouteDeps } from './route-context';
import { retryPause } from './sql-executor';
import { memberToWire } from './wire';

/**
 * `POST /v1/members`: core decides, the store claims the licence in the same statement, and a lost
 * race is decided again on a fresh read.
 */
export async function createMemberRoute(deps: RouteDeps, initial: RouteContext): Promise<Response> {
  const input = await deps.body(initial.request, CreateMemberRequestSchema);
  let context = initial;
  const id = randomId('mem');
  for (let attempt = 0; attempt < memberRetries; attempt++) {
    const poolId =
      input.poolId === undefined
        ? defaultNewMember(context.state.policy, context.state.pools).poolId
        : input.poolId;
    const after: MemberAssignment = {
      status: input.status,
      role: input.role,
      poolId,
      addOnIds: input.addOnIds ?? [],
    };
    const outcome = decideMember(context, null, after);
    if (outcome.outcome === 'needs-licence' && !context.fresh) {
      context = await deps.reload(context);
      continue;
    }
    const decision = requireAllowed(outcome);
    const fields = memberFields({ name: input.name, email: input.email, ...after }, decision);
    const written = await deps.store.createMember(
      context.identity.accountId,
      { id, ...fields },
      decision.claims,
      context.now,
      seatEvents(context, id, decision),
    );
    if (written.status === 'written') {
      deps.emit(written.events);
      return json(memberToWire(written.member, context.state.policy), 201);
    }
    await retryPause(attempt);
    context = await deps.reload(context);
  }
  throw memberConflict();
}
