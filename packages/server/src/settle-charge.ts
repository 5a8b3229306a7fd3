import { completeSignature, type Pool, type SubscriptionUpdate } from '@seats/core';
import { allowanceEvent, type EventOrigin } from './allowance-event';
import {
  type Billing,
  type BillingResult,
  billingRequestOf,
  isSubscriptionBilling,
} from './billing-provider';
import { savePoolChange } from './save-pool-change';
import type { StoredChange } from './seats-store';
import { changeToWire } from './wire';
import type { WriteWithEvents } from './write-with-events';

/**
 * A confirmation names a change this database does not hold (another environment sharing the
 * provider's account, or an account deleted since): nothing to record.
 */
export class UnknownChangeError extends Error {
  constructor(
    readonly accountId: string,
    readonly changeId: string,
  ) {
    super(`No change ${changeId} of account ${accountId} to settle.`);
    this.name = 'UnknownChangeError';
  }
}

export type SettledCharge =
  | { outcome: 'applied'; change: StoredChange }
  | { outcome: 'failed'; change: StoredChange; reason: string }
  /** The provider will confirm later (`jobs.settle()`); the change stays `charging`. */
  | { outcome: 'pending'; change: StoredChange }
  /** The provider could not be asked (it threw or timed out); the change stays `charging`. */
  | { outcome: 'unsettled'; change: StoredChange };

export interface SettleChargeDeps {
  billing: Billing;
  write: WriteWithEvents;
}

/**
 * Asks the provider for what a `charging` change costs (or, for a removal, gives back), keyed by
 * the change's id, then records the outcome under the account's lock: `applied` with its reserved
 * licences made usable, or `failed` with the change undone, its idempotency key forgotten and its
 * quote usable again when nothing else changed meanwhile. Safe to run again and from several places
 * at once: the provider acts once per key, and only the first to find the change still `charging`
 * records it.
 */
export async function settleCharge(
  deps: SettleChargeDeps,
  change: StoredChange,
  origin: EventOrigin,
): Promise<SettledCharge> {
  let result: BillingResult;
  try {
    if (isSubscriptionBilling(deps.billing)) {
      const update = storedSubscriptionUpdate(change);
      if (update === null) {
        console.warn(
          `[seats] change ${change.id} went to the provider in the charges mode and has no subscription quantity to set; record how its charge ended with jobs.settle()`,
        );
        return { outcome: 'unsettled', change };
      }
      result = await deps.billing.setQuantity({
        accountId: change.accountId,
        poolId: change.poolId,
        changeId: change.id,
        idempotencyKey: change.id,
        ...update,
        now: change.createdAt,
      });
    } else {
      const request = billingRequestOf(change.accountId, change.id, change.plan);
      result =
        change.plan.dueNow.amount < 0
          ? await deps.billing.credit(request)
          : await deps.billing.charge(request);
    }
  } catch (error) {
    console.warn(
      `[seats] billing provider failed for change ${change.id}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return { outcome: 'unsettled', change };
  }
  if (result.status === 'pending') {
    // Asked again only after a while, behind the others: changes waiting for the provider's
    // confirmation never crowd out the ones a crash interrupted.
    const pending = await deps.write((tx) =>
      tx.updateChange(change.accountId, change.id, {
        chargeId: result.reference,
        chargeStartedAt: origin.now,
      }),
    );
    return { outcome: 'pending', change: pending };
  }
  return recordCharge(deps, change, result, origin);
}

/**
 * What the provider is told for a change: as decided under the lock when it went to the provider,
 * or, for a change stored before that was kept, as its quote asked the provider; `null` for a
 * change that went to the provider in the charges mode.
 */
function storedSubscriptionUpdate(change: StoredChange): SubscriptionUpdate | null {
  if (change.subscriptionUpdate != null) return change.subscriptionUpdate;
  const asked = change.plan.provider;
  if (asked === undefined) return null;
  return {
    quantity: asked.quantity,
    prorationBehavior: asked.prorationBehavior,
    prorationDate: asked.prorationBehavior === 'none' ? null : (asked.prorationDate ?? null),
  };
}

/**
 * Records the provider's final answer for a `charging` change: applied or undone. What
 * `settleCharge` does once the provider answered, and what a provider's later confirmation of a
 * pending charge does (`jobs.settle()`).
 */
export function recordCharge(
  deps: Pick<SettleChargeDeps, 'write'>,
  charged: Pick<StoredChange, 'accountId' | 'id'>,
  result: Exclude<BillingResult, { status: 'pending' }>,
  origin: EventOrigin,
): Promise<SettledCharge> {
  const { accountId, id: changeId } = charged;
  return deps.write(async (tx, events): Promise<SettledCharge> => {
    const state = await tx.lockAccount(accountId);
    const change = await tx.getChange(accountId, changeId);
    if (state === null || change === null) throw new UnknownChangeError(accountId, changeId);
    if (change.status === 'failed')
      return {
        outcome: 'failed',
        change,
        reason: result.status === 'declined' ? result.reason : 'failed',
      };
    if (change.status !== 'charging') return { outcome: 'applied', change };
    const pool = state.pools.find((candidate) => candidate.id === change.poolId);
    const savePool = async (next: (before: Pool) => Pool) => {
      if (pool === undefined) {
        await tx.bumpVersion(accountId);
        return;
      }
      await savePoolChange(tx, {
        accountId,
        before: pool,
        after: next(pool),
        now: origin.now,
      });
    };
    // A credit's removal applied when it was recorded; a charge's licences wait for the money.
    const credit = change.plan.kind === 'decrease';
    if (result.status === 'succeeded') {
      if (!credit) await savePool((before) => completeSignature(before, change.plan));
      const applied = await tx.updateChange(accountId, changeId, {
        status: 'applied',
        charged: change.plan.dueNow,
        chargeId: result.reference,
      });
      const wire = changeToWire(applied);
      if (applied.idempotencyKey !== null)
        await tx.saveIdempotentResponse(accountId, applied.idempotencyKey, 201, wire);
      events.push(allowanceEvent(origin, wire));
      return { outcome: 'applied', change: applied };
    }
    await savePool((before) =>
      credit
        ? { ...before, purchased: before.purchased + change.plan.removed }
        : {
            ...before,
            pendingSignature: Math.max(0, before.pendingSignature - change.plan.added),
          },
    );
    const failed = await tx.updateChange(accountId, changeId, { status: 'failed' });
    if (failed.idempotencyKey !== null)
      await tx.releaseIdempotencyKey(accountId, failed.idempotencyKey);
    // The quote stays valid when the reservation and its release were the only writes since.
    if (failed.quoteId !== null && failed.signedAt === null) {
      const quote = await tx.getQuote(accountId, failed.quoteId);
      if (quote !== null && quote.version + 1 === state.version)
        await tx.reopenQuote(accountId, quote.id, state.version + 1);
    }
    events.push({
      type: 'payment.failed',
      accountId,
      at: origin.now,
      requestId: origin.requestId,
      poolId: change.poolId,
      amount: change.plan.dueNow,
      reason: result.reason,
    });
    return { outcome: 'failed', change: failed, reason: result.reason };
  });
}
