import { resolvePermissions } from '@seats/core';
import { summaryPendingLimit } from '@seats/core/contract';
import openapi from '@seats/core/openapi.json';
import { advanceStoredAccount } from './advance-stored-account';
import { BillingRequiredError, billingModeOf, developmentAllowed } from './billing-provider';
import { cancelRemovalRoute } from './cancel-removal-route';
import { commitChangeRoute } from './commit-change-route';
import { createMemberRoute } from './create-member-route';
import { createQuoteRoute } from './create-quote-route';
import { createSeatsJobs } from './create-seats-jobs';
import { deleteMemberRoute } from './delete-member-route';
import { createDevBilling } from './dev-billing';
import { DuplicateMemberError } from './duplicate-member-error';
import { type DeliveryLoop, runEventDeliveries } from './event-delivery';
import { limitConcurrency } from './limit-concurrency';
import { listChangesRoute } from './list-changes-route';
import { listMembersRoute } from './list-members-route';
import { ProblemError } from './problem-error';
import { randomId } from './random-id';
import { type BodySchema, ClientAbortedError, readJsonBody } from './read-json-body';
import { json, type Route, type RouteContext, type RouteDeps } from './route-context';
import type { RecordedSeatsEvent } from './seats-event';
import type { SeatsHandlerOptions } from './seats-handler-options';
import type { AccountState } from './seats-store';
import { signChangeRoute } from './sign-change-route';
import { signedContractRoute } from './signed-contract-route';
import { DatabaseConflictError, DatabaseUnavailableError } from './sql-executor';
import { summaryRoute } from './summary-route';
import { updateMemberRoute } from './update-member-route';
import { notifyListener, writeWithEvents } from './write-with-events';

export type { SeatsHandlerOptions, SeatsIdentity } from './seats-handler-options';

/** Each path and, per method, its route; `null` is the OpenAPI document or the health check, served to anyone. */
const routes = {
  summary: { path: ['summary'], methods: { GET: summaryRoute } },
  members: { path: ['members'], methods: { GET: listMembersRoute, POST: createMemberRoute } },
  member: {
    path: ['members', ':id'],
    methods: { PATCH: updateMemberRoute, DELETE: deleteMemberRoute },
  },
  quotes: { path: ['quotes'], methods: { POST: createQuoteRoute } },
  changes: { path: ['changes'], methods: { GET: listChangesRoute, POST: commitChangeRoute } },
  cancel: { path: ['changes', ':id', 'cancel'], methods: { POST: cancelRemovalRoute } },
  sign: { path: ['changes', ':id', 'sign'], methods: { POST: signChangeRoute } },
  contract: { path: ['changes', ':id', 'contract.pdf'], methods: { GET: signedContractRoute } },
  openapi: { path: ['openapi.json'], methods: { GET: null } },
  health: { path: ['health'], methods: { GET: null } },
} satisfies Record<string, { path: string[]; methods: Record<string, Route | null> }>;
type RouteName = keyof typeof routes;

/** The routes whose answers are pages, built `listConcurrency` at a time. */
const lists: ReadonlySet<Route> = new Set([listMembersRoute, listChangesRoute]);

/** The routes that may decide on the account as read by an earlier request (see `memberStateTtlMs`). */
const memberWrites: ReadonlySet<Route> = new Set([
  createMemberRoute,
  updateMemberRoute,
  deleteMemberRoute,
]);

function matchRoute(segments: string[]): { name: RouteName; params: string[] } | null {
  for (const [name, route] of Object.entries(routes) as [RouteName, (typeof routes)[RouteName]][]) {
    if (route.path.length !== segments.length) continue;
    const params: string[] = [];
    const matches = route.path.every((part, index) => {
      const segment = segments[index] as string;
      if (part === ':id') {
        params.push(segment);
        return segment.length > 0 && segment.length <= 128 && !segment.includes('\u0000');
      }
      return part === segment;
    });
    if (matches) return { name, params };
  }
  return null;
}

/**
 * How long member writes may decide on an account read by an earlier request. The database
 * re-checks every claim, and a refusal is always re-decided on a fresh read, so a stale read can
 * only cost a retry; it saves a round trip on the hot path of adding users.
 */
const memberStateTtlMs = 1_000;

/**
 * The Seats API as a standard fetch handler: mount it in Node, Hono, Next.js route handlers or any
 * runtime with `Request` and `Response`. Every rule and price comes from `@seats/core`; the handler
 * loads, asks core, and writes.
 */
export function createSeatsHandler(
  options: SeatsHandlerOptions,
): (request: Request) => Promise<Response> {
  const { store } = options;
  // Not thrown here: a build (`next build`) imports the handler with NODE_ENV=production and often
  // without the run-time secrets a real provider is made from. Every request is refused instead.
  if (options.billing === undefined && !developmentAllowed()) return refuseWithoutBilling();
  const billing = options.billing ?? createDevBilling();
  const clock = options.clock ?? (() => new Date());
  const maxBytes = options.maxBodyBytes ?? 65_536;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const listConcurrency = options.listConcurrency ?? 3;
  if (!Number.isInteger(listConcurrency) || listConcurrency < 1)
    throw new TypeError('listConcurrency must be a whole number of at least 1.');
  const inTurn = limitConcurrency(listConcurrency);

  let deliveryLoop: DeliveryLoop | null = null;
  const emit = (events: RecordedSeatsEvent[]) => {
    if (events.length > 0) deliveryLoop?.wake();
    notifyListener(options.onEvent, events);
  };
  const body = <T>(request: Request, schema: BodySchema<T>, emptyAsObject = false) =>
    readJsonBody(request, schema, { maxBytes, emptyAsObject });

  const write = writeWithEvents(store, emit);

  /**
   * The account, first rolled forward past any period end the clock has passed, as the period-end
   * job rolls it (`advanceStoredAccount`); the job takes the recorded charges.
   */
  async function loadState(
    accountId: string,
    now: string,
    requestId: string,
  ): Promise<AccountState | null> {
    const state = await store.loadAccount(accountId);
    if (state === null || Date.parse(now) < Date.parse(state.account.billingPeriod.end))
      return state;
    await advanceStoredAccount(
      write,
      { accountId, now, requestId },
      { mode: billingModeOf(billing) },
    );
    return store.loadAccount(accountId);
  }

  const memberStates = new Map<string, { state: AccountState; until: number }>();
  const remember = (accountId: string, state: AccountState) =>
    memberStates.set(accountId, { state, until: clock().getTime() + memberStateTtlMs });

  async function reload(context: RouteContext): Promise<RouteContext> {
    const state = await store.loadAccount(context.identity.accountId);
    if (state === null) throw new ProblemError(404, 'account_not_found');
    remember(context.identity.accountId, state);
    return { ...context, state, fresh: true };
  }

  async function memberWriteState(
    accountId: string,
    now: string,
    requestId: string,
  ): Promise<{ state: AccountState | null; fresh: boolean }> {
    const cached = memberStates.get(accountId);
    if (
      cached !== undefined &&
      cached.until > Date.parse(now) &&
      Date.parse(now) < Date.parse(cached.state.account.billingPeriod.end)
    ) {
      return { state: cached.state, fresh: false };
    }
    const state = await loadState(accountId, now, requestId);
    if (memberStates.size > 10_000) memberStates.clear();
    if (state !== null) remember(accountId, state);
    return { state, fresh: true };
  }

  const jobs = createSeatsJobs({ ...options, billing, clock });
  // On the first request rather than at creation, so that creating the handler (while a host's
  // app is built or imported) touches no database.
  let started = false;
  function startOnce(): void {
    if (started) return;
    started = true;
    if (options.deliveries !== undefined)
      deliveryLoop = runEventDeliveries(jobs, options.deliveries);
    if (!(options.recoverOnStart ?? true)) return;
    jobs.recover().catch((error: unknown) => {
      console.warn(
        `[seats] recovery at start failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  }

  /** Whether each account's role may view licences, as last seen: whose summaries read ahead. */
  const licenceViewers = new Map<string, boolean>();

  /** Members seen recently, so that checking the caller costs a read once a second at most. */
  const knownMembers = new Map<string, number>();
  async function isMember(accountId: string, memberId: string, now: string): Promise<boolean> {
    const key = `${accountId}\u0000${memberId}`;
    const until = knownMembers.get(key);
    if (until !== undefined && until > Date.parse(now)) return true;
    const member = await store.getMember(accountId, memberId);
    if (member === null) return false;
    if (knownMembers.size > 10_000) knownMembers.clear();
    knownMembers.set(key, Date.parse(now) + memberStateTtlMs);
    return true;
  }

  const deps: RouteDeps = { store, billing, options, emit, body, reload, write };

  async function route(request: Request, requestId: string): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    const prefix = `${basePath}/v1/`;
    const matched = path.startsWith(prefix)
      ? matchRoute(path.slice(prefix.length).split('/').map(decodeSegment))
      : null;
    if (matched === null)
      throw new ProblemError(404, 'not_found', { detail: `No resource at ${path}.` });
    const methods: Partial<Record<string, Route | null>> = routes[matched.name].methods;
    const handle = methods[request.method];
    if (handle === undefined) {
      throw new ProblemError(405, 'method_not_allowed', {
        headers: { allow: Object.keys(methods).join(', ') },
      });
    }
    if (handle === null) {
      if (matched.name !== 'health') return json(openapi);
      await store.ping();
      const response = json({ status: 'ok' });
      response.headers.set('cache-control', 'no-store');
      return response;
    }

    const identity = await options.identify(request);
    if (identity === null)
      throw new ProblemError(401, 'unauthenticated', { detail: 'Sign in first.' });
    const now = clock().toISOString();
    // For a role seen to view licences, the summary's open changes are read beside the account,
    // so that it waits on the database once; the route reads them again unless both reads saw
    // the same version of the account.
    const viewerKey = `${identity.accountId}\u0000${identity.role}`;
    const openChanges =
      handle === summaryRoute && licenceViewers.get(viewerKey) === true
        ? store.newestOpenChanges(identity.accountId, summaryPendingLimit)
        : undefined;
    openChanges?.catch(() => {});
    const { state, fresh } = memberWrites.has(handle)
      ? await memberWriteState(identity.accountId, now, requestId)
      : { state: await loadState(identity.accountId, now, requestId), fresh: true };
    if (state === null) {
      throw new ProblemError(404, 'account_not_found', {
        detail: 'This account is not set up for licences yet.',
      });
    }
    if (!state.policy.roles.includes(identity.role)) {
      throw new ProblemError(403, 'unknown_role', {
        detail: `The role "${identity.role}" is not one of this account's roles.`,
      });
    }
    if (
      identity.memberId !== null &&
      !(await isMember(identity.accountId, identity.memberId, now))
    ) {
      throw new ProblemError(403, 'not_a_member', {
        detail: 'The caller is not a member of this account.',
      });
    }
    if (handle === summaryRoute) {
      if (licenceViewers.size > 10_000) licenceViewers.clear();
      licenceViewers.set(viewerKey, resolvePermissions(state.policy, identity.role).viewLicences);
    }
    const context: RouteContext = {
      request,
      url,
      id: matched.params[0] ?? '',
      requestId,
      identity,
      state,
      fresh,
      now,
      ...(openChanges === undefined ? {} : { openChanges }),
    };
    return lists.has(handle) ? inTurn(() => handle(deps, context)) : handle(deps, context);
  }

  return async (request) => {
    const requestId = randomId('req');
    startOnce();
    let response: Response;
    try {
      response = await route(request, requestId);
    } catch (error) {
      response = problemOf(error, requestId).toResponse(requestId, new URL(request.url).pathname);
    }
    response.headers.set('x-request-id', requestId);
    // Says on every answer that no money moves, so a demo provider cannot pass for a real one.
    if (billing.development === true) response.headers.set('x-seats-billing', 'development');
    return response;
  };
}

/**
 * The handler of a server given no `billing` outside development and tests: it answers every
 * request, the health check included, 500 `billing_required`, opens no database, and logs on the
 * first request what to pass, so that no purchase is ever approved without being charged.
 */
function refuseWithoutBilling(): (request: Request) => Promise<Response> {
  const error = new BillingRequiredError('createSeatsHandler');
  let logged = false;
  return async (request) => {
    const requestId = randomId('req');
    if (!logged) {
      logged = true;
      console.error(`[seats] ${error.name}: ${error.message}`);
    }
    const problem = new ProblemError(500, 'billing_required', {
      detail: 'This server was started without a billing provider, so it answers no request.',
    });
    const response = problem.toResponse(requestId, new URL(request.url).pathname);
    response.headers.set('x-request-id', requestId);
    return response;
  };
}

/** Seconds a client should wait before retrying when the database is unavailable. */
const retryAfterSeconds = 2;

/** The problem a failed request answers, logged as what it is: a client abort, an outage, a bug. */
export function problemOf(error: unknown, requestId: string): ProblemError {
  if (error instanceof ClientAbortedError) {
    console.warn(`[seats] client aborted the request body (${requestId})`);
    return error;
  }
  if (error instanceof ProblemError) return error;
  if (error instanceof DuplicateMemberError) {
    return new ProblemError(409, 'conflict', {
      detail: error.message,
      errors: [{ field: error.field, code: 'duplicate', message: error.message }],
    });
  }
  if (error instanceof DatabaseUnavailableError) {
    console.warn(`[seats] database unavailable (${requestId}): ${error.message}`);
    return new ProblemError(503, 'service_unavailable', {
      detail: error.maybeCommitted
        ? 'The database connection was lost while this write was being saved: it may have been applied. Read the current state before sending it again.'
        : 'The database cannot be reached right now; nothing was changed. Try again shortly.',
      headers: { 'retry-after': String(retryAfterSeconds) },
    });
  }
  if (error instanceof DatabaseConflictError) {
    return new ProblemError(409, 'conflict', {
      detail:
        'Other changes to the same licences kept winning the race; nothing was changed. Send the request again.',
    });
  }
  console.error('[seats] request failed', requestId, error);
  return new ProblemError(500, 'internal_error', { detail: 'Something went wrong on our side.' });
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '\u0000';
  }
}
