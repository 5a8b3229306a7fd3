import type { MemberList } from '@seats/core/contract';
import {
  forbidden,
  json,
  listQuery,
  permissions,
  type RouteContext,
  type RouteDeps,
} from './route-context';
import { encodeCursor, memberToWire } from './wire';

/** `GET /v1/members`: the account's members, filtered, a page at a time. */
export async function listMembersRoute(deps: RouteDeps, context: RouteContext): Promise<Response> {
  const allowed = permissions(context);
  if (!allowed.manageMembers && !allowed.viewLicences)
    throw forbidden('Your role may not list users.');
  const query = listQuery(context.url);
  const pool = context.state.pools.find((candidate) => candidate.id === query.poolId);
  const rows = await deps.store.listMembers(context.identity.accountId, {
    ...query,
    addOnPool: pool?.term === 'add-on',
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
