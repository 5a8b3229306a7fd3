import { type Summary, summaryPendingLimit } from '@seats/core/contract';
import { json, type RouteContext, type RouteDeps, usageOf } from './route-context';
import { changeToWire } from './wire';

/**
 * `GET /v1/summary`: the account, its policy and pools, their usage, how many changes are open and
 * the newest few of them; its size does not grow with the open changes.
 */
export async function summaryRoute(deps: RouteDeps, context: RouteContext): Promise<Response> {
  const pending = await deps.store.newestOpenChanges(
    context.identity.accountId,
    summaryPendingLimit,
  );
  const summary: Summary = {
    version: context.state.version,
    account: context.state.account,
    policy: context.state.policy,
    pools: context.state.pools,
    usage: usageOf(context),
    viewer: { memberId: context.identity.memberId, role: context.identity.role },
    pendingChanges: pending.changes.map(changeToWire),
    pendingChangeCount: pending.total,
  };
  return json(summary);
}
