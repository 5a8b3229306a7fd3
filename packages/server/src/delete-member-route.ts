import {
  decideMember,
  findMember,
  memberConflict,
  memberRetries,
  requireAllowed,
  seatEvents,
} from './member-decision';
import type { RouteContext, RouteDeps } from './route-context';
import { retryPause } from './sql-executor';

/** `DELETE /v1/members/:id`: the member goes, and its licence with it is released. */
export async function deleteMemberRoute(deps: RouteDeps, initial: RouteContext): Promise<Response> {
  const memberId = initial.id;
  let context = initial;
  for (let attempt = 0; attempt < memberRetries; attempt++) {
    const before = await findMember(deps.store, context, memberId);
    const decision = requireAllowed(decideMember(context, before, null));
    const written = await deps.store.deleteMember(
      context.identity.accountId,
      memberId,
      before.revision,
      seatEvents(context, memberId, decision),
    );
    if (written.status === 'written') {
      deps.emit(written.events);
      return new Response(null, { status: 204 });
    }
    await retryPause(attempt);
    context = await deps.reload(context);
  }
  throw memberConflict();
}
