import {
  forbidden,
  json,
  listQuery,
  permissions,
  type RouteContext,
  type RouteDeps,
} from './route-context';
import { changeToWire, encodeCursor } from './wire';

/** `GET /v1/changes`: the account's changes, newest first, a page at a time. */
export async function listChangesRoute(deps: RouteDeps, context: RouteContext): Promise<Response> {
  if (!permissions(context).viewLicences) throw forbidden('Your role may not see licences.');
  const query = listQuery(context.url);
  const rows = await deps.store.listChanges(context.identity.accountId, {
    before: query.after,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return json({
    items: page.map(changeToWire),
    nextCursor: rows.length > query.limit && last !== undefined ? encodeCursor(last.seq) : null,
  });
}
