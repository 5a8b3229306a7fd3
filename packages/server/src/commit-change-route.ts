import {
  addPasswordFailure,
  applyAllowancePlan,
  billsProvider,
  decidePasswordAttempt,
  missingConfirmations,
  subscriptionUpdateOf,
} from '@seats/core';
import { ChangeRequestSchema } from '@seats/core/contract';
import { allowanceEvent, originOf } from './allowance-event';
import { billingModeOf, isSubscriptionBilling } from './billing-provider';
import { ProblemError } from './problem-error';
import { randomId, sha256 } from './random-id';
import { forbidden, json, permissions, type RouteContext, type RouteDeps } from './route-context';
import { savePoolChange } from './save-pool-change';
import type { SeatsTransaction, StoredChange } from './seats-store';
import { type SettledCharge, settleCharge } from './settle-charge';
import { changeToWire } from './wire';

/**
 * `POST /v1/changes`: commits a quote. A change that costs nothing now is written in one
 * transaction under the account's lock. One that costs money is recorded as `charging` with its
 * licences reserved; the provider is asked after that commits, outside the lock, keyed by the
 * change's id, and a second transaction records the outcome. A retried key answers what it did, and
 * settles a change that an earlier attempt left `charging`.
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
  // Nothing derived from the password is stored: only whether one was sent.
  const requestHash = await sha256(
    JSON.stringify([
      input.quoteId,
      input.confirmations?.termsAccepted ?? null,
      input.confirmations?.password !== undefined,
    ]),
  );
  const accountId = context.identity.accountId;
  const origin = originOf(context);
  const stored = await deps.write(async (tx, events): Promise<Committed> => {
    const claim = await tx.claimIdempotencyKey(accountId, key, requestHash, context.now);
    if (claim.status === 'replay') {
      if (claim.requestHash !== requestHash) {
        throw new ProblemError(409, 'idempotency_key_conflict', {
          detail: 'This Idempotency-Key was used with another request.',
        });
      }
      if (claim.response !== null) return { kind: 'stored', response: claim.response };
      const earlier = await tx.changeByIdempotencyKey(accountId, key);
      if (earlier === null) {
        throw new ProblemError(409, 'idempotency_key_conflict', {
          detail: 'This Idempotency-Key was used with another request.',
        });
      }
      if (earlier.status === 'charging') return { kind: 'charging', change: earlier };
      return { kind: 'stored', response: { status: 201, body: changeToWire(earlier) } };
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
      // Counted per account and member, under the account's lock, so that parallel guesses count.
      const memberKey = context.identity.memberId ?? `role:${context.identity.role}`;
      const failures = await tx.passwordFailures(accountId, memberKey);
      const attempt = decidePasswordAttempt(state.policy, failures, context.now);
      if (attempt.status === 'locked') {
        throw new ProblemError(429, 'too_many_attempts', {
          detail: `Too many wrong passwords; try again after ${attempt.until}.`,
          headers: { 'retry-after': String(attempt.retryAfterSeconds) },
        });
      }
      const valid =
        (await options.verifyPassword?.(context.identity, input.confirmations?.password ?? '')) ??
        false;
      if (!valid) {
        // Kept, while the claim of the key is given up: the request may be sent again.
        await tx.releaseIdempotencyKey(accountId, key);
        await tx.savePasswordFailures(
          accountId,
          memberKey,
          addPasswordFailure(state.policy, failures, context.now),
        );
        return { kind: 'password-invalid' };
      }
      if (failures !== null) await tx.savePasswordFailures(accountId, memberKey, null);
    }
    const pool = state.pools.find((candidate) => candidate.id === plan.poolId);
    if (pool === undefined)
      throw new ProblemError(404, 'not_found', { detail: 'No such licence type.' });
    // Money moves now: a charge (licences reserved until paid, as those awaiting a signature are)
    // or a credit (the removal applies at once, the credit follows).
    const charges = plan.result === 'applied' && billsProvider(plan, billingModeOf(deps.billing));
    const subscription = charges && isSubscriptionBilling(deps.billing);
    // The provider takes an absolute quantity: one change of a pool with it at a time.
    if (subscription) await refuseWhileCharging(tx, accountId, plan.poolId);
    await savePoolChange(tx, {
      accountId,
      before: pool,
      after:
        charges && plan.kind === 'increase'
          ? { ...pool, pendingSignature: pool.pendingSignature + plan.added }
          : applyAllowancePlan(pool, plan),
      now: context.now,
    });
    const inserted = await tx.insertChange({
      id: randomId('chg'),
      accountId,
      quoteId: quote.id,
      poolId: plan.poolId,
      status: charges ? 'charging' : plan.result,
      plan,
      actor: { memberId: context.identity.memberId, role: context.identity.role },
      createdAt: context.now,
      effectiveAt: plan.effectiveAt,
      signedAt: null,
      cancelledAt: null,
      charged: null,
      chargeId: null,
      chargeStartedAt: charges ? context.now : null,
      idempotencyKey: key,
      subscriptionUpdate: subscription
        ? subscriptionUpdateOf(pool, state.policy, plan, context.now)
        : null,
    });
    await tx.markQuoteUsed(accountId, quote.id, inserted.id);
    if (charges) return { kind: 'charging', change: inserted };
    const change = changeToWire(inserted);
    if (plan.result === 'pending-signature') {
      const token = randomId('sig', 24);
      await tx.saveSignatureToken(accountId, change.id, await sha256(token), context.now);
      await options.requestSignature?.({ accountId, changeId: change.id, token, plan });
    }
    await tx.saveIdempotentResponse(accountId, key, 201, change);
    events.push(allowanceEvent(origin, change));
    return { kind: 'stored', response: { status: 201, body: change } };
  });
  if (stored.kind === 'password-invalid')
    throw new ProblemError(422, 'password_invalid', { detail: 'The password is not correct.' });
  if (stored.kind === 'stored') return json(stored.response.body, stored.response.status);
  return settledResponse(await settleCharge(deps, stored.change, origin));
}

/**
 * Refuses a change of a pool while another one is with the provider holding the subscription, in
 * the subscription-quantity mode: each sets an absolute quantity, so two at once could leave the
 * provider with the quantity of the one that settled last.
 */
export async function refuseWhileCharging(
  tx: SeatsTransaction,
  accountId: string,
  poolId: string,
): Promise<void> {
  if ((await tx.chargingChangeOf(accountId, poolId)) === null) return;
  throw new ProblemError(409, 'change_in_progress', {
    detail:
      'Another change of these licences is still with the payment provider; ask for a new quote once it has settled.',
    headers: { 'retry-after': '2' },
  });
}

type Committed =
  | { kind: 'stored'; response: { status: number; body: unknown } }
  | { kind: 'password-invalid' }
  | { kind: 'charging'; change: StoredChange };

/**
 * The answer to a request whose change was charged: the change (202 while the provider confirms
 * later), 402, or 503 while the provider cannot be reached.
 */
export function settledResponse(settled: SettledCharge, status = 201): Response {
  if (settled.outcome === 'applied') return json(changeToWire(settled.change), status);
  if (settled.outcome === 'pending') return json(changeToWire(settled.change), 202);
  if (settled.outcome === 'failed')
    throw new ProblemError(402, 'payment_failed', { detail: settled.reason });
  throw new ProblemError(503, 'service_unavailable', {
    detail:
      'The payment provider did not answer. The change is recorded and will be settled; send the same request again, with the same Idempotency-Key, to learn how it ended.',
    headers: { 'retry-after': '2' },
  });
}
