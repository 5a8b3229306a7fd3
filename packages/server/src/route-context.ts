import { describeUsage, resolvePermissions } from '@seats/core';
import type { Billing } from './billing-provider';
import { ProblemError } from './problem-error';
import type { BodySchema } from './read-json-body';
import type { RecordedSeatsEvent } from './seats-event';
import type { SeatsHandlerOptions, SeatsIdentity } from './seats-handler-options';
import type { AccountState, SeatsStore } from './seats-store';
import { decodeCursor } from './wire';
import type { WriteWithEvents } from './write-with-events';

/** One request, identified, with its account as read for it. */
export interface RouteContext {
  request: Request;
  url: URL;
  /** The `:id` segment of the route's path; `''` on a route without one. */
  id: string;
  requestId: string;
  identity: SeatsIdentity;
  state: AccountState;
  /** Whether `state` was read for this request, rather than taken from the member-write cache. */
  fresh: boolean;
  now: string;
  /** `GET /v1/summary` only: its open changes, read beside the account. */
  openChanges?: ReturnType<SeatsStore['newestOpenChanges']>;
}

/** What the routes share with the handler that created them. */
export interface RouteDeps {
  store: SeatsStore;
  billing: Billing;
  options: SeatsHandlerOptions;
  /** Hands events the outbox recorded to `onEvent` and wakes the delivery loop. */
  emit(events: RecordedSeatsEvent[]): void;
  body<T>(request: Request, schema: BodySchema<T>, emptyAsObject?: boolean): Promise<T>;
  /** The context with its account read again, now. */
  reload(context: RouteContext): Promise<RouteContext>;
  /** Runs `work` in a transaction; `events` are written with it, `failures` even when it rolls back. */
  write: WriteWithEvents;
}

/** One route of the API: the handler's shared parts and one request in, the answer out. */
export type Route = (deps: RouteDeps, context: RouteContext) => Promise<Response>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export function usageOf(context: RouteContext) {
  const { state, identity } = context;
  return describeUsage({
    account: state.account,
    pools: state.pools,
    usedByPool: state.usedByPool,
    heldByPool: state.heldByPool,
    policy: state.policy,
    viewerRole: identity.role,
  });
}

export function permissions(context: RouteContext) {
  return resolvePermissions(context.state.policy, context.identity.role);
}

export function forbidden(detail: string): ProblemError {
  return new ProblemError(403, 'forbidden', { detail });
}

/** The paging and filter parameters of a list, each checked; any bad one is a 400. */
export function listQuery(url: URL) {
  const errors: { field: string; code: string; message: string }[] = [];
  const text = (name: string) => {
    const value = url.searchParams.get(name);
    if (value !== null && (value.length === 0 || value.length > 128 || value.includes('\u0000'))) {
      errors.push({
        field: name,
        code: 'invalid',
        message: `${name} must be 1 to 128 characters.`,
      });
    }
    return value ?? undefined;
  };
  const limitText = url.searchParams.get('limit');
  let limit = 50;
  if (limitText !== null) {
    limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : Number.NaN;
    if (!(limit >= 1 && limit <= 200)) {
      errors.push({
        field: 'limit',
        code: 'invalid',
        message: 'limit must be a whole number from 1 to 200.',
      });
    }
  }
  const cursorText = url.searchParams.get('cursor');
  const after = cursorText === null ? undefined : decodeCursor(cursorText);
  if (after === null) errors.push({ field: 'cursor', code: 'invalid', message: 'Unknown cursor.' });
  const consumingText = url.searchParams.get('consuming');
  if (consumingText !== null && consumingText !== 'true' && consumingText !== 'false') {
    errors.push({
      field: 'consuming',
      code: 'invalid',
      message: 'consuming must be true or false.',
    });
  }
  const query = {
    status: text('status'),
    role: text('role'),
    poolId: text('poolId'),
    search: text('search'),
    consuming: consumingText === null ? undefined : consumingText === 'true',
    after: after ?? undefined,
    limit,
  };
  if (errors.length > 0) {
    throw new ProblemError(400, 'validation_failed', { detail: 'Invalid query.', errors });
  }
  return query;
}
