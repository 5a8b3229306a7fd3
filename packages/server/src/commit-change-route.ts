import { applyAllowancePlan, missingConfirmations } from '@seats/core';
import { ChangeRequestSchema } from '@seats/core/contract';
import { allowanceEvent } from './allowance-event';
import { billingKey } from './billing-key';
import { chargePlan } from './charge-plan';
import { ProblemError } from './problem-error';
import { randomId, sha256 } from './random-id';
import { forbidden, json, permissions, type RouteContext, type RouteDeps } from './route-context';
import { savePoolChange } from './save-pool-change';
import { changeToWire } from './wire';

/**
 * `POST /v1/changes`: commits a quote. The idempotency record, the charge, the pool and the change
 * are written in one transaction under the account's lock; a retried key answers what it did.
 */
export async function commitChangeRoute(deps: RouteDeps, context: RouteContext): Promise<Response> {
  const { options } = deps;
  const key = context.request.headers.get('idempotency-key');
  if (key === null || key.length === 0 || key.length > 255) {
    throw new ProblemError(400, 'idempotency_key_required', {
      detail: 'Send an Idempotency-Key header of 1 to 255 characters.',
    });
  }
  if (!permissions(context).changeAllowance) throw forbidden('Your role may not change licences.');
  const input = await deps.body(context.request, ChangeRequestSchema);
  const requestHash = await sha256(
    JSON.stringify([
      input.quoteId,
      input.confirmations?.termsAccepted ?? null,
      input.confirmations?.password ?? null,
    ]),
  );
  const accountId = context.identity.accountId;
  const stored = await deps.write(async (tx, events, failures) => {
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
    const missing = missingConfirmations(plan, input.confirmations);
    if (missing.length > 0) {
      const first =
        missing[0] === 'terms'
          ? 'Accept the terms and conditions.'
          : 'Enter your password to confirm.';
      throw new ProblemError(422, 'confirmation_required', {
        detail: first,
        errors: missing.map((confirmation) =>
          confirmation === 'terms'
            ? {
                field: 'confirmations.termsAccepted',
                code: 'required',
                message: 'Accept the terms.',
              }
            : {
                field: 'confirmations.password',
                code: 'required',
                message: 'Enter your password.',
              },
        ),
      });
    }
    if (plan.confirmations.includes('password')) {
      const valid =
        (await options.verifyPassword?.(context.identity, input.confirmations?.password ?? '')) ??
        false;
      if (!valid)
        throw new ProblemError(422, 'password_invalid', { detail: 'The password is not correct.' });
    }
    const pool = state.pools.find((candidate) => candidate.id === plan.poolId);
    if (pool === undefined)
      throw new ProblemError(404, 'not_found', { detail: 'No such licence type.' });
    const payment =
      plan.result === 'pending-signature'
        ? { charged: null, chargeId: null }
        : await chargePlan(
            deps,
            context,
            plan,
            await billingKey(accountId, 'commit', key),
            failures,
          );
    await savePoolChange(tx, {
      accountId,
      state,
      before: pool,
      after: applyAllowancePlan(pool, plan),
      viewerRole: context.identity.role,
      now: context.now,
    });
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
    await tx.markQuoteUsed(accountId, quote.id, change.id);
    if (plan.result === 'pending-signature') {
      const token = randomId('sig', 24);
      await tx.saveSignatureToken(accountId, change.id, await sha256(token), context.now);
      await options.requestSignature?.({ accountId, changeId: change.id, token, plan });
    }
    await tx.saveIdempotentResponse(accountId, key, 201, change);
    events.push(allowanceEvent(context, change));
    return { status: 201, body: change as unknown };
  });
  return json(stored.body, stored.status);
}
