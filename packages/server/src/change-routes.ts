import {
  type AllowancePlan,
  applyAllowancePlan,
  completeSignature,
  explainPlanIssue,
  type PlanIssue,
  planAllowanceChange,
  planRestore,
  quoteExpiresAt,
} from '@seats/core';
import {
  type Change,
  ChangeRequestSchema,
  type Quote,
  QuoteRequestSchema,
  SignRequestSchema,
} from '@seats/core/contract';
import { ProblemError } from './problem-error';
import { randomId, sha256 } from './random-id';
import type { BodySchema } from './read-json-body';
import { reduceScheduledChanges } from './reduce-scheduled-changes';
import {
  forbidden,
  json,
  listQuery,
  permissions,
  type RouteContext,
  type RouteDeps,
} from './route-context';
import type { SeatsEvent } from './seats-event';
import type { SeatsTransaction } from './seats-store';
import { changeToWire, encodeCursor } from './wire';

/**
 * Quotes and committed changes: core plans, the store writes the idempotency record, the change
 * and the pools in one transaction under the account's lock.
 */
export function createChangeRoutes(deps: RouteDeps) {
  const { store, billing, options, emit, body } = deps;

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

  async function createQuote(context: RouteContext): Promise<Response> {
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
      expiresAt: quoteExpiresAt(state.policy, context.now),
      request,
      plan: decision.plan,
    };
    await store.insertQuote({ ...quote, accountId: context.identity.accountId, changeId: null });
    return json(quote, 201);
  }

  async function listChanges(context: RouteContext, url: URL): Promise<Response> {
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
    context: RouteContext,
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

  function allowanceEvent(context: RouteContext, change: Change): SeatsEvent {
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

  async function commitChange(context: RouteContext): Promise<Response> {
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
      const next = applyAllowancePlan(pool, plan);
      await tx.savePool(accountId, next);
      await reduceScheduledChanges(tx, {
        accountId,
        state,
        before: pool,
        after: next,
        viewerRole: context.identity.role,
        now: context.now,
      });
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

  async function cancelChange(context: RouteContext, changeId: string): Promise<Response> {
    await body(context.request, emptyObject, true);
    const accountId = context.identity.accountId;
    const change = await write(async (tx, events) => {
      // The account first: a purchase holding it may cancel or shrink this very change.
      const state = await tx.lockAccount(accountId);
      const scheduled = await tx.getChange(accountId, changeId);
      if (state === null || scheduled === null)
        throw new ProblemError(404, 'not_found', { detail: 'No such change.' });
      if (!permissions(context).changeAllowance)
        throw forbidden('Your role may not change licences.');
      if (scheduled.status !== 'scheduled') {
        throw new ProblemError(409, 'not_cancellable', {
          detail: 'Only a scheduled removal can be cancelled.',
        });
      }
      const pool = state.pools.find((candidate) => candidate.id === scheduled.poolId);
      if (pool === undefined) throw new ProblemError(404, 'not_found');
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

  async function signChange(context: RouteContext, changeId: string): Promise<Response> {
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
      const next = completeSignature(pool, pending.plan);
      await tx.savePool(accountId, next);
      await reduceScheduledChanges(tx, {
        accountId,
        state,
        before: pool,
        after: next,
        viewerRole: context.identity.role,
        now: context.now,
      });
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

  return { createQuote, listChanges, commitChange, cancelChange, signChange };
}

/** The body of a bodiless action: nothing, or `{}`. */
const emptyObject: BodySchema<Record<string, never>> = {
  safeParse(value) {
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (isObject && Object.keys(value).length === 0) return { success: true, data: {} };
    const issue = isObject
      ? {
          code: 'unrecognized_keys',
          path: [],
          message: 'No fields are expected.',
          keys: Object.keys(value),
        }
      : { code: 'invalid_type', path: [], message: 'Expected an empty object or no body.' };
    return { success: false, error: { issues: [issue] } };
  },
};
