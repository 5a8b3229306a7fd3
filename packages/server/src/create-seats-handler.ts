import { type AllowancePlan, currentBillingPeriod, settlePeriodEnd } from '@seats/core';
import type { Summary } from '@seats/core/contract';
import openapi from '@seats/core/openapi.json';
import { createChangeRoutes } from './change-routes';
import { type BillingProvider, createDevBilling } from './dev-billing';
import { createMemberRoutes } from './member-routes';
import { ProblemError } from './problem-error';
import { randomId } from './random-id';
import { type BodySchema, readJsonBody } from './read-json-body';
import { json, type RouteContext, type RouteDeps, usageOf } from './route-context';
import type { SeatsEvent } from './seats-event';
import type { AccountState, SeatsStore } from './seats-store';
import { changeToWire } from './wire';

/** Who is calling, as the host's `identify` answers it. */
export interface SeatsIdentity {
  accountId: string;
  /** The caller's own member id, when the caller is a member of the account. */
  memberId: string | null;
  /** The caller's role (rights group), matched against the account's policy. */
  role: string;
}

export interface SeatsHandlerOptions {
  store: SeatsStore;
  /** Who is calling; `null` answers 401. Every read and write is scoped to the identity's account. */
  identify: (request: Request) => SeatsIdentity | null | Promise<SeatsIdentity | null>;
  /** @default createDevBilling() */
  billing?: BillingProvider;
  /** Checks the password a policy with `confirmation: 'password'` asks for; without it every password is refused. */
  verifyPassword?: (identity: SeatsIdentity, password: string) => boolean | Promise<boolean>;
  /**
   * Sends the e-signature request of a pending purchase (an email with a link carrying `token`).
   * Runs inside the commit: when it throws, nothing is committed.
   */
  requestSignature?: (request: {
    accountId: string;
    changeId: string;
    token: string;
    plan: AllowancePlan;
  }) => void | Promise<void>;
  /** @default () => new Date() */
  clock?: () => Date;
  /** Called after each committed write. */
  onEvent?: (event: SeatsEvent) => void;
  /** Where the handler is mounted, e.g. `/api/seats`; routes live at `${basePath}/v1/...`. @default '' */
  basePath?: string;
  /** @default 65536 */
  maxBodyBytes?: number;
}

const routes = {
  summary: { methods: ['GET'], path: ['summary'] },
  members: { methods: ['GET', 'POST'], path: ['members'] },
  member: { methods: ['PATCH', 'DELETE'], path: ['members', ':id'] },
  quotes: { methods: ['POST'], path: ['quotes'] },
  changes: { methods: ['GET', 'POST'], path: ['changes'] },
  cancel: { methods: ['POST'], path: ['changes', ':id', 'cancel'] },
  sign: { methods: ['POST'], path: ['changes', ':id', 'sign'] },
  openapi: { methods: ['GET'], path: ['openapi.json'] },
} as const;
type RouteName = keyof typeof routes;

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
  const billing = options.billing ?? createDevBilling();
  const clock = options.clock ?? (() => new Date());
  const maxBytes = options.maxBodyBytes ?? 65_536;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');

  const emit = (events: SeatsEvent[]) => {
    if (options.onEvent === undefined) return;
    for (const event of events) options.onEvent(event);
  };
  const body = <T>(request: Request, schema: BodySchema<T>, emptyAsObject = false) =>
    readJsonBody(request, schema, { maxBytes, emptyAsObject });

  /** The account, its billing period first rolled forward past any end the clock has passed. */
  async function loadState(accountId: string, now: string): Promise<AccountState | null> {
    const state = await store.loadAccount(accountId);
    if (state === null || Date.parse(now) < Date.parse(state.account.billingPeriod.end))
      return state;
    await store.transaction(async (tx) => {
      const locked = await tx.lockAccount(accountId);
      if (locked === null || Date.parse(now) < Date.parse(locked.account.billingPeriod.end)) return;
      for (const pool of locked.pools) {
        const settled = settlePeriodEnd(pool);
        if (settled.purchased !== pool.purchased) await tx.savePool(accountId, settled);
      }
      for (const change of await tx.openChanges(accountId)) {
        if (change.status === 'scheduled') await tx.updateChange(change.id, { status: 'applied' });
      }
      await tx.saveBillingPeriod(
        accountId,
        currentBillingPeriod(locked.account.billingPeriod, now),
      );
      await tx.bumpVersion(accountId);
    });
    return store.loadAccount(accountId);
  }

  const memberStates = new Map<string, { state: AccountState; until: number }>();

  async function reload(context: RouteContext): Promise<RouteContext> {
    const state = await store.loadAccount(context.identity.accountId);
    if (state === null) throw new ProblemError(404, 'not_found');
    memberStates.set(context.identity.accountId, { state, until: Date.now() + memberStateTtlMs });
    return { ...context, state, fresh: true };
  }

  async function memberWriteState(
    accountId: string,
    now: string,
  ): Promise<{ state: AccountState | null; fresh: boolean }> {
    const cached = memberStates.get(accountId);
    if (
      cached !== undefined &&
      cached.until > Date.now() &&
      Date.parse(now) < Date.parse(cached.state.account.billingPeriod.end)
    ) {
      return { state: cached.state, fresh: false };
    }
    const state = await loadState(accountId, now);
    if (memberStates.size > 10_000) memberStates.clear();
    if (state !== null)
      memberStates.set(accountId, { state, until: Date.now() + memberStateTtlMs });
    return { state, fresh: true };
  }

  async function getSummary(context: RouteContext): Promise<Response> {
    const pending = await store.openChanges(context.identity.accountId);
    const summary: Summary = {
      version: context.state.version,
      account: context.state.account,
      policy: context.state.policy,
      pools: context.state.pools,
      usage: usageOf(context),
      viewer: { memberId: context.identity.memberId, role: context.identity.role },
      pendingChanges: pending.map(changeToWire),
    };
    return json(summary);
  }

  const deps: RouteDeps = { store, billing, options, emit, body, reload };
  const { listMembers, createMember, updateMember, deleteMember } = createMemberRoutes(deps);
  const { createQuote, listChanges, commitChange, cancelChange, signChange } =
    createChangeRoutes(deps);

  async function route(request: Request, requestId: string): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    const prefix = `${basePath}/v1/`;
    const matched = path.startsWith(prefix)
      ? matchRoute(path.slice(prefix.length).split('/').map(decodeSegment))
      : null;
    if (matched === null)
      throw new ProblemError(404, 'not_found', { detail: `No resource at ${path}.` });
    const allowedMethods: readonly string[] = routes[matched.name].methods;
    if (!allowedMethods.includes(request.method)) {
      throw new ProblemError(405, 'method_not_allowed', {
        headers: { allow: allowedMethods.join(', ') },
      });
    }
    if (matched.name === 'openapi') return json(openapi);

    const identity = await options.identify(request);
    if (identity === null)
      throw new ProblemError(401, 'unauthenticated', { detail: 'Sign in first.' });
    const now = clock().toISOString();
    const isMemberWrite =
      matched.name === 'member' || (matched.name === 'members' && request.method === 'POST');
    const { state, fresh } = isMemberWrite
      ? await memberWriteState(identity.accountId, now)
      : { state: await loadState(identity.accountId, now), fresh: true };
    if (state === null)
      throw new ProblemError(401, 'unauthenticated', { detail: 'Unknown account.' });
    const context: RouteContext = { request, requestId, identity, state, fresh, now };
    const id = matched.params[0] ?? '';
    switch (matched.name) {
      case 'summary':
        return getSummary(context);
      case 'members':
        return request.method === 'GET' ? listMembers(context, url) : createMember(context);
      case 'member':
        return request.method === 'PATCH' ? updateMember(context, id) : deleteMember(context, id);
      case 'quotes':
        return createQuote(context);
      case 'changes':
        return request.method === 'GET' ? listChanges(context, url) : commitChange(context);
      case 'cancel':
        return cancelChange(context, id);
      case 'sign':
        return signChange(context, id);
    }
  }

  return async (request) => {
    const requestId = randomId('req');
    let response: Response;
    try {
      response = await route(request, requestId);
    } catch (error) {
      const problem =
        error instanceof ProblemError
          ? error
          : new ProblemError(500, 'internal_error', {
              detail: 'Something went wrong on our side.',
            });
      if (!(error instanceof ProblemError))
        console.error('[seats] request failed', requestId, error);
      response = problem.toResponse(requestId, new URL(request.url).pathname);
    }
    response.headers.set('x-request-id', requestId);
    return response;
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '\u0000';
  }
}
