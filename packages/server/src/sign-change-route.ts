import {
  billsProvider,
  completeSignature,
  signatureExpiresAt,
  subscriptionUpdateOf,
} from '@seats/core';
import { SignRequestSchema } from '@seats/core/contract';
import { allowanceEvent, originOf } from './allowance-event';
import { billingModeOf, isSubscriptionBilling } from './billing-provider';
import { withdrawSignature } from './cancel-removal-route';
import { refuseWhileCharging, settledResponse } from './commit-change-route';
import { ProblemError } from './problem-error';
import { sha256 } from './random-id';
import { forbidden, json, permissions, type RouteContext, type RouteDeps } from './route-context';
import { savePoolChange } from './save-pool-change';
import type { SeatsEvent } from './seats-event';
import type { SeatsTransaction, StoredChange } from './seats-store';
import { settleCharge } from './settle-charge';
import { changeToWire } from './wire';

/**
 * `POST /v1/changes/:id/sign`: the e-signature of a pending purchase. The token is used once; a
 * purchase that costs nothing now is applied at once, one that costs money goes to `charging` and
 * is charged outside the account's lock, as a commit is.
 */
export async function signChangeRoute(deps: RouteDeps, context: RouteContext): Promise<Response> {
  const changeId = context.id;
  const { token } = await deps.body(context.request, SignRequestSchema);
  const accountId = context.identity.accountId;
  const tokenHash = await sha256(token);
  const origin = originOf(context);
  /** Withdraws a purchase whose signature came too late, and records why. */
  const expire = async (
    tx: SeatsTransaction,
    events: SeatsEvent[],
    pending: StoredChange,
  ): Promise<StoredChange> => {
    const state = await tx.lockAccount(accountId);
    const pool = state?.pools.find((candidate) => candidate.id === pending.poolId);
    if (pool !== undefined) await tx.savePool(accountId, withdrawSignature(pool, pending.plan));
    await tx.bumpVersion(accountId);
    const expired = await tx.updateChange(accountId, pending.id, {
      status: 'cancelled',
      cancelledAt: context.now,
    });
    events.push({
      ...(allowanceEvent(origin, changeToWire(expired)) as Extract<
        SeatsEvent,
        { changeId: string }
      >),
      type: 'allowance.signature_expired',
    });
    return expired;
  };
  const signed = await deps.write(
    async (tx, events): Promise<{ charging: boolean; change: StoredChange }> => {
      const pending = await tx.getChange(accountId, changeId);
      if (pending === null) throw new ProblemError(404, 'not_found', { detail: 'No such change.' });
      if (!permissions(context).changeAllowance)
        throw forbidden('Your role may not change licences.');
      if (
        pending.status === 'pending-signature' &&
        Date.parse(context.now) >=
          Date.parse(signatureExpiresAt(context.state.policy, pending.createdAt))
      ) {
        return { charging: false, change: await expire(tx, events, pending) };
      }
      const valid =
        pending.status === 'pending-signature' &&
        (await tx.useSignatureToken(accountId, changeId, tokenHash, context.now));
      if (!valid) {
        throw new ProblemError(422, 'signature_invalid', {
          detail: 'The signature link is not valid or was already used.',
        });
      }
      const state = await tx.lockAccount(accountId);
      const pool = state?.pools.find((candidate) => candidate.id === pending.poolId);
      if (state === null || pool === undefined) throw new ProblemError(404, 'not_found');
      if (billsProvider(pending.plan, billingModeOf(deps.billing))) {
        const subscription = isSubscriptionBilling(deps.billing);
        if (subscription) await refuseWhileCharging(tx, accountId, pending.poolId);
        const charging = await tx.updateChange(accountId, changeId, {
          status: 'charging',
          signedAt: context.now,
          effectiveAt: context.now,
          chargeStartedAt: context.now,
          subscriptionUpdate: subscription
            ? subscriptionUpdateOf(pool, state.policy, pending.plan, context.now)
            : null,
        });
        return { charging: true, change: charging };
      }
      await savePoolChange(tx, {
        accountId,
        before: pool,
        after: completeSignature(pool, pending.plan),
        now: context.now,
      });
      const applied = await tx.updateChange(accountId, changeId, {
        status: 'applied',
        signedAt: context.now,
        effectiveAt: context.now,
      });
      events.push(allowanceEvent(origin, changeToWire(applied)));
      return { charging: false, change: applied };
    },
  );
  if (signed.change.status === 'cancelled') {
    throw new ProblemError(422, 'signature_invalid', {
      detail: 'The signature link has expired; the purchase was withdrawn.',
    });
  }
  if (!signed.charging) return json(changeToWire(signed.change));
  return settledResponse(await settleCharge(deps, signed.change, origin), 200);
}
