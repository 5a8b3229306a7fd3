import { ChangeFilterSchema, type ChangeStatus } from '@seats/core/contract';
import { ProblemError } from './problem-error';
import {
  forbidden,
  json,
  listQuery,
  permissions,
  type RouteContext,
  type RouteDeps,
} from './route-context';
import { changeToWire, encodeCursor } from './wire';

const openStatuses: readonly ChangeStatus[] = ['scheduled', 'pending-signature'];

/**
 * `GET /v1/changes`: the account's changes, newest first, a page at a time; `status` keeps one
 * status, or `open` the scheduled removals and pending signatures.
 */
export async function listChangesRoute(deps: RouteDeps, context: RouteContext): Promise<Response> {
  if (!permissions(context).viewLicences) throw forbidden('Your role may not see licences.');
  const query = listQuery(context.url);
  const statusText = context.url.searchParams.get('status');
  const status = statusText === null ? undefined : ChangeFilterSchema.safeParse(statusText);
  if (status !== undefined && !status.success) {
    throw new ProblemError(400, 'validation_failed', {
      detail: 'Invalid query.',
      errors: [
        {
          field: 'status',
          code: 'invalid',
          message: `status must be one of ${ChangeFilterSchema.options.join(', ')}.`,
        },
      ],
    });
  }
  const filter = status?.data;
  const rows = await deps.store.listChanges(context.identity.accountId, {
    before: query.after,
    limit: query.limit + 1,
    statuses: filter === undefined ? undefined : filter === 'open' ? openStatuses : [filter],
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return json({
    items: page.map(changeToWire),
    nextCursor: rows.length > query.limit && last !== undefined ? encodeCursor(last.seq) : null,
  });
}
