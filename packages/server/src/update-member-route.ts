import { UpdateMemberRequestSchema } from '@seats/core/contract';
import {
  decideMember,
  findMember,
  memberConflict,
  memberFields,
  memberRetries,
  requireAllowed,
  seatEvents,
} from './member-decision';
import { json, type RouteContext, type RouteDeps } from './route-context';
import { retryPause } from './sql-executor';
import { memberToWire } from './wire';

/**
 * `PATCH /v1/members/:id`: core decides, the store claims or releases the licence in the same
 * statement, and a lost race is decided again on a fresh read.
 */
export async function updateMemberRoute(deps: RouteDeps, initial: RouteContext): Promise<Response> {
  const memberId = initial.id;
  const input = await deps.body(initial.request, UpdateMemberRequestSchema);
  let context = initial;
  for (let attempt = 0; attempt < memberRetries; attempt++) {
    const before = await findMember(deps.store, context, memberId);
    const fields = {
      name: input.name ?? before.name,
      email: input.email ?? before.email,
      status: input.status ?? before.status,
      role: input.role ?? before.role,
      poolId: input.poolId === undefined ? before.poolId : input.poolId,
      addOnIds: input.addOnIds ?? before.addOnIds,
    };
    const outcome = decideMember(context, before, fields);
    if (outcome.outcome === 'needs-licence' && !context.fresh) {
      context = await deps.reload(context);
      continue;
    }
    const decision = requireAllowed(outcome);
    const written = await deps.store.updateMember(
      context.identity.accountId,
      memberId,
      before.revision,
      memberFields(fields, decision),
      decision,
      context.now,
      seatEvents(context, memberId, decision),
    );
    if (written.status === 'written') {
      deps.emit(written.events);
      return json(memberToWire(written.member, context.state.policy));
    }
    await retryPause(attempt);
    context = await deps.reload(context);
  }
  throw memberConflict();
}
