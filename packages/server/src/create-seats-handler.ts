import {
  type AllowancePlan,
  applyAllowancePlan,
  completeSignature,
  currentBillingPeriod,
  decideMemberChange,
  describeUsage,
  explainMemberIssue,
  explainPlanIssue,
  type MemberAssignment,
  type MemberChangeDecision,
  type PlanIssue,
  planAllowanceChange,
  planRestore,
  resolvePermissions,
  settlePeriodEnd,
} from '@seats/core';
import {
  type Change,
  ChangeRequestSchema,
  CreateMemberRequestSchema,
  type MemberList,
  type Quote,
  QuoteRequestSchema,
  SignRequestSchema,
  type Summary,
  UpdateMemberRequestSchema,
} from '@seats/core/contract';
import openapi from '@seats/core/openapi.json';
import { type BillingProvider, createDevBilling } from './dev-billing';
import { ProblemError } from './problem-error';
import { randomId, sha256 } from './random-id';
import { type BodySchema, readJsonBody } from './read-json-body';
import type { SeatsEvent } from './seats-event';
import type {
  AccountState,
  MemberFields,
  SeatsStore,
  SeatsTransaction,
  StoredMember,
} from './seats-store';
import { changeToWire, decodeCursor, encodeCursor, memberToWire } from './wire';

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

interface Context {
  request: Request;
  requestId: string;
  identity: SeatsIdentity;
  state: AccountState;
  /** Whether `state` was read for this request, rather than taken from the member-write cache. */
  fresh: boolean;
  now: string;
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

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

const memberRetries = 8;
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

  function usageOf(context: Context) {
    const { state, identity } = context;
    return describeUsage({
      account: state.account,
      pools: state.pools,
      usedByPool: state.usedByPool,
      policy: state.policy,
      viewerRole: identity.role,
    });
  }

  function permissions(context: Context) {
    return resolvePermissions(context.state.policy, context.identity.role);
  }

  function forbidden(detail: string): ProblemError {
    return new ProblemError(403, 'forbidden', { detail });
  }

  const memberStates = new Map<string, { state: AccountState; until: number }>();

  async function reload(context: Context): Promise<Context> {
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

  /** The member decision as an answer: throws the problem for every outcome but `allowed`. */
  function requireAllowed(
    decision: MemberChangeDecision,
  ): Extract<MemberChangeDecision, { outcome: 'allowed' }> {
    switch (decision.outcome) {
      case 'allowed':
        return decision;
      case 'forbidden':
        throw forbidden('Your role may not manage users.');
      case 'invalid':
        throw new ProblemError(400, 'validation_failed', {
          detail: 'Some fields are not valid for this account.',
          errors: decision.issues.map((issue) => ({
            field: issue.field,
            code: issue.code,
            message: explainMemberIssue(issue),
          })),
        });
      case 'needs-licence':
        throw new ProblemError(409, 'no_licence_available', {
          detail: `All ${decision.purchased} licences are in use.`,
          decision,
        });
    }
  }

  function seatEvents(
    context: Context,
    memberId: string,
    decision: { claims: string | null; releases: string | null },
  ): SeatsEvent[] {
    const base = {
      accountId: context.identity.accountId,
      at: context.now,
      requestId: context.requestId,
      memberId,
    };
    return [
      ...(decision.releases === null
        ? []
        : [{ ...base, type: 'seat.released' as const, poolId: decision.releases }]),
      ...(decision.claims === null
        ? []
        : [{ ...base, type: 'seat.claimed' as const, poolId: decision.claims }]),
    ];
  }

  function memberFields(
    fields: Omit<MemberFields, 'consumes'>,
    decision: Extract<MemberChangeDecision, { outcome: 'allowed' }>,
  ): MemberFields {
    return { ...fields, consumes: decision.consumption?.consumes ?? false };
  }

  async function getSummary(context: Context): Promise<Response> {
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

  function listQuery(url: URL) {
    const errors: { field: string; code: string; message: string }[] = [];
    const text = (name: string) => {
      const value = url.searchParams.get(name);
      if (
        value !== null &&
        (value.length === 0 || value.length > 128 || value.includes('\u0000'))
      ) {
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
    if (after === null)
      errors.push({ field: 'cursor', code: 'invalid', message: 'Unknown cursor.' });
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
      consuming: consumingText === null ? undefined : consumingText === 'true',
      after: after ?? undefined,
      limit,
    };
    if (errors.length > 0) {
      throw new ProblemError(400, 'validation_failed', { detail: 'Invalid query.', errors });
    }
    return query;
  }

  async function listMembers(context: Context, url: URL): Promise<Response> {
    const allowed = permissions(context);
    if (!allowed.manageMembers && !allowed.viewLicences)
      throw forbidden('Your role may not list users.');
    const query = listQuery(url);
    const rows = await store.listMembers(context.identity.accountId, {
      ...query,
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

  async function createMember(initial: Context): Promise<Response> {
    const input = await body(initial.request, CreateMemberRequestSchema);
    let context = initial;
    const id = randomId('mem');
    for (let attempt = 0; attempt < memberRetries; attempt++) {
      const poolId =
        input.poolId === undefined ? (context.state.pools[0]?.id ?? null) : input.poolId;
      const after: MemberAssignment = { status: input.status, role: input.role, poolId };
      const outcome = decideMemberChange({
        policy: context.state.policy,
        usage: usageOf(context),
        before: null,
        after,
      });
      if (outcome.outcome === 'needs-licence' && !context.fresh) {
        context = await reload(context);
        continue;
      }
      const decision = requireAllowed(outcome);
      const fields = memberFields({ name: input.name, email: input.email, ...after }, decision);
      const written = await store.createMember(
        context.identity.accountId,
        { id, ...fields },
        decision.claims,
        context.now,
      );
      if (written.status === 'written') {
        emit(seatEvents(context, id, decision));
        return json(memberToWire(written.member, context.state.policy), 201);
      }
      context = await reload(context);
    }
    throw new ProblemError(409, 'no_licence_available', { detail: 'No licence could be claimed.' });
  }

  async function findMember(context: Context, memberId: string): Promise<StoredMember> {
    const member = await store.getMember(context.identity.accountId, memberId);
    if (member === null) throw new ProblemError(404, 'not_found', { detail: 'No such user.' });
    return member;
  }

  async function updateMember(initial: Context, memberId: string): Promise<Response> {
    const input = await body(initial.request, UpdateMemberRequestSchema);
    let context = initial;
    for (let attempt = 0; attempt < memberRetries; attempt++) {
      const before = await findMember(context, memberId);
      const fields = {
        name: input.name ?? before.name,
        email: input.email ?? before.email,
        status: input.status ?? before.status,
        role: input.role ?? before.role,
        poolId: input.poolId === undefined ? before.poolId : input.poolId,
      };
      const outcome = decideMemberChange({
        policy: context.state.policy,
        usage: usageOf(context),
        before,
        after: fields,
      });
      if (outcome.outcome === 'needs-licence' && !context.fresh) {
        context = await reload(context);
        continue;
      }
      const decision = requireAllowed(outcome);
      const written = await store.updateMember(
        context.identity.accountId,
        memberId,
        before.revision,
        memberFields(fields, decision),
        decision,
        context.now,
      );
      if (written.status === 'written') {
        emit(seatEvents(context, memberId, decision));
        return json(memberToWire(written.member, context.state.policy));
      }
      context = await reload(context);
    }
    throw new ProblemError(409, 'no_licence_available', { detail: 'No licence could be claimed.' });
  }

  async function deleteMember(initial: Context, memberId: string): Promise<Response> {
    let context = initial;
    for (let attempt = 0; attempt < memberRetries; attempt++) {
      const before = await findMember(context, memberId);
      requireAllowed(
        decideMemberChange({
          policy: context.state.policy,
          usage: usageOf(context),
          before,
          after: null,
        }),
      );
      const written = await store.deleteMember(
        context.identity.accountId,
        memberId,
        before.revision,
      );
      if (written.status === 'written') {
        emit(
          seatEvents(context, memberId, {
            claims: null,
            releases: before.consumes ? before.poolId : null,
          }),
        );
        return new Response(null, { status: 204 });
      }
      context = await reload(context);
    }
    throw new ProblemError(409, 'stale_version', { detail: 'The user kept changing; try again.' });
  }

  function planProblem(issues: PlanIssue[]): ProblemError {
    if (issues.some((issue) => issue.code === 'unknown-pool')) {
      return new ProblemError(404, 'not_found', { detail: 'No such licence type.' });
    }
    return new ProblemError(422, 'plan_invalid', {
      detail: issues.map(explainPlanIssue).join(' '),
      issues,
      errors: issues.map((issue) => ({
        field: issue.field,
        code: issue.code,
        message: explainPlanIssue(issue),
      })),
    });
  }

  async function createQuote(context: Context): Promise<Response> {
    const request = await body(context.request, QuoteRequestSchema);
    const { state } = context;
    const decision = planAllowanceChange({
      account: state.account,
      pool: state.pools.find((pool) => pool.id === request.poolId),
      used: state.usedByPool[request.poolId] ?? 0,
      policy: state.policy,
      viewerRole: context.identity.role,
      request,
      now: context.now,
    });
    if (decision.status === 'forbidden') throw forbidden('Your role may not change licences.');
    if (decision.status === 'invalid') throw planProblem(decision.issues);
    const quote: Quote = {
      id: randomId('quo'),
      version: state.version,
      createdAt: context.now,
      expiresAt: new Date(
        Date.parse(context.now) + state.policy.quoteTtlSeconds * 1000,
      ).toISOString(),
      request,
      plan: decision.plan,
    };
    await store.insertQuote({ ...quote, accountId: context.identity.accountId, changeId: null });
    return json(quote, 201);
  }

  async function listChanges(context: Context, url: URL): Promise<Response> {
    if (!permissions(context).viewLicences) throw forbidden('Your role may not see licences.');
    const query = listQuery(url);
    const rows = await store.listChanges(context.identity.accountId, {
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

  async function charge(
    context: Context,
    plan: AllowancePlan,
    idempotencyKey: string,
    failures: SeatsEvent[],
  ): Promise<{ charged: Change['charged']; chargeId: string | null }> {
    if (plan.dueNow.amount <= 0) return { charged: null, chargeId: null };
    const result = await billing.charge({
      accountId: context.identity.accountId,
      amount: plan.dueNow,
      idempotencyKey,
      description: `${plan.added} licence(s) for pool ${plan.poolId}`,
    });
    if (!result.ok) {
      failures.push({
        type: 'payment.failed',
        accountId: context.identity.accountId,
        at: context.now,
        requestId: context.requestId,
        poolId: plan.poolId,
        amount: plan.dueNow,
        reason: result.reason,
      });
      throw new ProblemError(402, 'payment_failed', { detail: result.reason });
    }
    return { charged: plan.dueNow, chargeId: result.chargeId };
  }

  function allowanceEvent(context: Context, change: Change): SeatsEvent {
    const type =
      change.status === 'pending-signature'
        ? 'allowance.pending_signature'
        : change.status === 'scheduled'
          ? 'allowance.scheduled'
          : change.plan.kind === 'restore'
            ? 'allowance.restored'
            : change.plan.kind === 'decrease'
              ? 'allowance.decreased'
              : 'allowance.increased';
    return {
      type,
      accountId: context.identity.accountId,
      at: context.now,
      requestId: context.requestId,
      changeId: change.id,
      poolId: change.poolId,
      plan: change.plan,
    };
  }

  /** Runs `work` in a transaction; events are emitted after it commits, failures even when it does not. */
  async function write<T>(
    work: (tx: SeatsTransaction, events: SeatsEvent[], failures: SeatsEvent[]) => Promise<T>,
  ): Promise<T> {
    const events: SeatsEvent[] = [];
    const failures: SeatsEvent[] = [];
    try {
      const result = await store.transaction((tx) => work(tx, events, failures));
      emit(events);
      return result;
    } finally {
      emit(failures);
    }
  }

  async function commitChange(context: Context): Promise<Response> {
    const key = context.request.headers.get('idempotency-key');
    if (key === null || key.length === 0 || key.length > 255) {
      throw new ProblemError(400, 'idempotency_key_required', {
        detail: 'Send an Idempotency-Key header of 1 to 255 characters.',
      });
    }
    if (!permissions(context).changeAllowance)
      throw forbidden('Your role may not change licences.');
    const input = await body(context.request, ChangeRequestSchema);
    const requestHash = await sha256(
      JSON.stringify([
        input.quoteId,
        input.confirmations?.termsAccepted ?? null,
        input.confirmations?.password ?? null,
      ]),
    );
    const accountId = context.identity.accountId;
    const stored = await write(async (tx, events, failures) => {
      const claim = await tx.claimIdempotencyKey(accountId, key, requestHash, context.now);
      if (claim.status === 'replay') {
        if (claim.requestHash !== requestHash || claim.response === null) {
          throw new ProblemError(409, 'idempotency_key_conflict', {
            detail: 'This Idempotency-Key was used with another request.',
          });
        }
        return claim.response;
      }
      const quote = await tx.getQuote(accountId, input.quoteId);
      if (quote === null) throw new ProblemError(404, 'not_found', { detail: 'No such quote.' });
      if (quote.changeId !== null) throw new ProblemError(409, 'quote_used');
      if (Date.parse(context.now) >= Date.parse(quote.expiresAt)) {
        throw new ProblemError(409, 'quote_expired', {
          detail: 'The quote has expired; ask for a new one.',
        });
      }
      const state = await tx.lockAccount(accountId);
      if (state === null) throw new ProblemError(404, 'not_found');
      if (state.version !== quote.version) {
        throw new ProblemError(409, 'stale_version', {
          detail: 'The licences changed since this quote; ask for a new one.',
        });
      }
      const { plan } = quote;
      for (const confirmation of plan.confirmations) {
        if (confirmation === 'terms' && input.confirmations?.termsAccepted !== true) {
          throw new ProblemError(422, 'confirmation_required', {
            detail: 'Accept the terms and conditions.',
            errors: [
              {
                field: 'confirmations.termsAccepted',
                code: 'required',
                message: 'Accept the terms.',
              },
            ],
          });
        }
        if (confirmation === 'password') {
          const password = input.confirmations?.password;
          if (password === undefined || password.length === 0) {
            throw new ProblemError(422, 'confirmation_required', {
              detail: 'Enter your password to confirm.',
              errors: [
                {
                  field: 'confirmations.password',
                  code: 'required',
                  message: 'Enter your password.',
                },
              ],
            });
          }
          const valid = (await options.verifyPassword?.(context.identity, password)) ?? false;
          if (!valid)
            throw new ProblemError(422, 'password_invalid', {
              detail: 'The password is not correct.',
            });
        }
      }
      const pool = state.pools.find((candidate) => candidate.id === plan.poolId);
      if (pool === undefined)
        throw new ProblemError(404, 'not_found', { detail: 'No such licence type.' });
      const payment =
        plan.result === 'pending-signature'
          ? { charged: null, chargeId: null }
          : await charge(context, plan, `${accountId}:${key}`, failures);
      await tx.savePool(accountId, applyAllowancePlan(pool, plan));
      await tx.bumpVersion(accountId);
      const change = changeToWire(
        await tx.insertChange({
          id: randomId('chg'),
          accountId,
          quoteId: quote.id,
          poolId: plan.poolId,
          status: plan.result,
          plan,
          actor: { memberId: context.identity.memberId, role: context.identity.role },
          createdAt: context.now,
          effectiveAt: plan.effectiveAt,
          signedAt: null,
          cancelledAt: null,
          ...payment,
          idempotencyKey: key,
        }),
      );
      await tx.markQuoteUsed(quote.id, change.id);
      if (plan.result === 'pending-signature') {
        const token = randomId('sig', 24);
        await tx.saveSignatureToken(change.id, await sha256(token), context.now);
        await options.requestSignature?.({ accountId, changeId: change.id, token, plan });
      }
      await tx.saveIdempotentResponse(accountId, key, 201, change);
      events.push(allowanceEvent(context, change));
      return { status: 201, body: change as unknown };
    });
    return json(stored.body, stored.status);
  }

  async function cancelChange(context: Context, changeId: string): Promise<Response> {
    await body(context.request, emptyObject, true);
    const accountId = context.identity.accountId;
    const change = await write(async (tx, events) => {
      const scheduled = await tx.getChange(accountId, changeId);
      if (scheduled === null)
        throw new ProblemError(404, 'not_found', { detail: 'No such change.' });
      if (!permissions(context).changeAllowance)
        throw forbidden('Your role may not change licences.');
      if (scheduled.status !== 'scheduled') {
        throw new ProblemError(409, 'not_cancellable', {
          detail: 'Only a scheduled removal can be cancelled.',
        });
      }
      const state = await tx.lockAccount(accountId);
      const pool = state?.pools.find((candidate) => candidate.id === scheduled.poolId);
      if (state === null || pool === undefined) throw new ProblemError(404, 'not_found');
      const decision = planRestore({
        account: state.account,
        pool,
        used: state.usedByPool[pool.id] ?? 0,
        policy: state.policy,
        viewerRole: context.identity.role,
        now: context.now,
        quantity: Math.min(scheduled.plan.removed, pool.scheduledRemoval),
      });
      if (decision.status === 'forbidden') throw forbidden('Your role may not change licences.');
      if (decision.status === 'invalid') {
        throw new ProblemError(409, 'not_cancellable', {
          detail: decision.issues.map(explainPlanIssue).join(' '),
          issues: decision.issues,
        });
      }
      await tx.savePool(accountId, applyAllowancePlan(pool, decision.plan));
      await tx.bumpVersion(accountId);
      const restore = await tx.insertChange({
        id: randomId('chg'),
        accountId,
        quoteId: null,
        poolId: pool.id,
        status: 'applied',
        plan: decision.plan,
        actor: { memberId: context.identity.memberId, role: context.identity.role },
        createdAt: context.now,
        effectiveAt: context.now,
        signedAt: null,
        cancelledAt: null,
        charged: null,
        chargeId: null,
        idempotencyKey: null,
      });
      events.push(allowanceEvent(context, changeToWire(restore)));
      return changeToWire(
        await tx.updateChange(changeId, { status: 'cancelled', cancelledAt: context.now }),
      );
    });
    return json(change);
  }

  async function signChange(context: Context, changeId: string): Promise<Response> {
    const { token } = await body(context.request, SignRequestSchema);
    const accountId = context.identity.accountId;
    const tokenHash = await sha256(token);
    const change = await write(async (tx, events, failures) => {
      const pending = await tx.getChange(accountId, changeId);
      if (pending === null) throw new ProblemError(404, 'not_found', { detail: 'No such change.' });
      if (!permissions(context).changeAllowance)
        throw forbidden('Your role may not change licences.');
      const valid =
        pending.status === 'pending-signature' &&
        (await tx.useSignatureToken(changeId, tokenHash, context.now));
      if (!valid) {
        throw new ProblemError(422, 'signature_invalid', {
          detail: 'The signature link is not valid or was already used.',
        });
      }
      const state = await tx.lockAccount(accountId);
      const pool = state?.pools.find((candidate) => candidate.id === pending.poolId);
      if (state === null || pool === undefined) throw new ProblemError(404, 'not_found');
      const payment = await charge(
        context,
        pending.plan,
        `${accountId}:sign:${changeId}`,
        failures,
      );
      await tx.savePool(accountId, completeSignature(pool, pending.plan));
      await tx.bumpVersion(accountId);
      const signed = changeToWire(
        await tx.updateChange(changeId, {
          status: 'applied',
          signedAt: context.now,
          effectiveAt: context.now,
          ...payment,
        }),
      );
      events.push({
        ...(allowanceEvent(context, signed) as Extract<SeatsEvent, { changeId: string }>),
        type: 'allowance.signed',
      });
      return signed;
    });
    return json(change);
  }

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
    const context: Context = { request, requestId, identity, state, fresh, now };
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

const emptyObject: BodySchema<Record<string, never>> = {
  safeParse(value) {
    if (
      typeof value === 'object' &&
      value !== null &&
      !Array.isArray(value) &&
      Object.keys(value).length === 0
    ) {
      return { success: true, data: {} };
    }
    return {
      success: false,
      error: {
        issues: [
          {
            code: 'unrecognized_keys',
            path: [],
            message: 'No body is expected.',
            keys: typeof value === 'object' && value !== null ? Object.keys(value) : [],
          },
        ],
      },
    };
  },
};
