import { defaultNewMember, describeAddUser } from '@seats/core';
import { type Summary, summaryPendingLimit } from '@seats/core/contract';
import { json, permissions, type RouteContext, type RouteDeps, usageOf } from './route-context';
import { changeToWire } from './wire';

/**
 * `GET /v1/summary`: for a role that may see licences, the account, its policy and pools, their
 * usage, how many changes are open and the newest few of them (its size does not grow with the
 * open changes); for any other role, only whether a member can be added and whom to ask.
 */
export async function summaryRoute(deps: RouteDeps, context: RouteContext): Promise<Response> {
  const { state, identity } = context;
  const viewer = { memberId: identity.memberId, role: identity.role };
  const allowed = permissions(context);
  if (!allowed.viewLicences) {
    const newMember = defaultNewMember(state.policy, state.pools);
    const summary: Summary = {
      access: 'limited',
      viewer,
      permissions: allowed,
      addUser: describeAddUser({
        policy: state.policy,
        usage: usageOf(context),
        member: newMember,
      }),
      newMember,
      askRoles: [...state.policy.permissions.changeAllowance],
      withoutPermission: state.policy.permissions.withoutPermission,
      ...(state.policy.vocabulary === undefined ? {} : { vocabulary: state.policy.vocabulary }),
    };
    return json(summary);
  }
  const early = await context.openChanges;
  const pending =
    early?.version === state.version
      ? early
      : await deps.store.newestOpenChanges(identity.accountId, summaryPendingLimit);
  const summary: Summary = {
    access: 'full',
    version: state.version,
    account: state.account,
    policy: state.policy,
    pools: state.pools,
    usage: usageOf(context),
    viewer,
    pendingChanges: pending.changes.map(changeToWire),
    pendingChangeCount: pending.total,
  };
  return json(summary);
}
