import { advanceAccount, type BillingMode, billsPeriodEnd, type Instant } from '@seats/core';
import { allowanceEvent, type EventOrigin } from './allowance-event';
import type { SeatsEvent } from './seats-event';
import type { StoredPeriodEnd } from './seats-store';
import { changeToWire } from './wire';
import type { WriteWithEvents } from './write-with-events';

/** What advancing one account did. */
export type AdvanceOutcome =
  /** Its period had not ended at `now` (or another writer rolled it first). */
  | { status: 'current' }
  /** Another transaction held its licences; the job leaves it for the next run. */
  | { status: 'busy' }
  | { status: 'missing' }
  | {
      status: 'advanced';
      periodEnds: StoredPeriodEnd[];
      applied: number;
      cancelled: number;
    };

/**
 * Rolls one stored account to `now` as core's `advanceAccount` decides, in one transaction under
 * the account's lock: pools, billing period and contract saved, scheduled removals applied,
 * purchases still waiting for a signature cancelled, and each period end recorded with its
 * recurring charges (`due`, or `none` when nothing is owed), once per account and period. The
 * charge itself is taken later by `jobs.tick()`, outside the lock. Both the handler's lazy roll on
 * read and the job call this, so they agree.
 *
 * With `skipLocked`, an account whose licences another transaction holds is left (`busy`) rather
 * than waited for. In the subscription-quantity `mode` every period end is `due`, so that the job
 * hands each pool's quantity to the provider even when the kit's own price is nothing.
 */
export function advanceStoredAccount(
  write: WriteWithEvents,
  origin: EventOrigin,
  options: { skipLocked?: boolean; mode?: BillingMode } = {},
): Promise<AdvanceOutcome> {
  const { accountId, now } = origin;
  return write(async (tx, events): Promise<AdvanceOutcome> => {
    if (options.skipLocked === true && !(await tx.tryLockAccount(accountId)))
      return { status: 'busy' };
    const state = await tx.lockAccount(accountId);
    if (state === null) return { status: 'missing' };
    if (Date.parse(now) < Date.parse(state.account.billingPeriod.end)) return { status: 'current' };
    const open = await tx.openChanges(accountId);
    const result = advanceAccount({
      account: state.account,
      pools: state.pools,
      policy: state.policy,
      openChanges: open,
      now,
    });
    for (const pool of result.pools) {
      const before = state.pools.find((candidate) => candidate.id === pool.id);
      if (
        before === undefined ||
        before.purchased !== pool.purchased ||
        before.scheduledRemoval !== pool.scheduledRemoval ||
        before.pendingSignature !== pool.pendingSignature ||
        before.term !== pool.term
      )
        await tx.savePool(accountId, pool);
    }
    await tx.saveBillingPeriod(accountId, result.account.billingPeriod);
    if (JSON.stringify(result.account.contract) !== JSON.stringify(state.account.contract))
      await tx.saveContract(accountId, result.account.contract);
    await tx.bumpVersion(accountId);

    const at = (instant: Instant): EventOrigin => ({ ...origin, now: instant });
    let applied = 0;
    let cancelled = 0;
    for (const outcome of result.changes) {
      const change = await tx.updateChange(
        accountId,
        outcome.id,
        outcome.status === 'applied'
          ? { status: 'applied' }
          : { status: 'cancelled', cancelledAt: outcome.at },
      );
      if (outcome.status === 'applied') applied += 1;
      else cancelled += 1;
      const event = allowanceEvent(at(outcome.at), changeToWire(change)) as Extract<
        SeatsEvent,
        { changeId: string }
      >;
      events.push({
        ...event,
        type:
          outcome.status === 'applied'
            ? 'allowance.removal_applied'
            : 'allowance.signature_expired',
      });
    }

    const periodEnds: StoredPeriodEnd[] = [];
    for (const end of result.periodEnds) {
      const amount = end.charges.reduce((sum, charge) => sum + charge.amount, 0);
      const charges = end.charges.map((charge) => ({
        ...charge,
        unitPrice: result.pools.find((pool) => pool.id === charge.poolId)?.unitPrice ?? 0,
      }));
      const periodEnd: StoredPeriodEnd = {
        accountId,
        period: end.next,
        endedStart: end.ended.start,
        contractOutcome: end.contract?.outcome ?? null,
        charges,
        amount: { amount, currency: state.account.currency },
        chargeStatus: billsPeriodEnd(end, options.mode ?? 'charges') ? 'due' : 'none',
        chargeId: null,
        failureReason: null,
        rolledAt: now,
        chargeStartedAt: null,
        chargedAt: null,
      };
      if (!(await tx.insertPeriodEnd(periodEnd))) continue;
      periodEnds.push(periodEnd);
      const base = { accountId, at: end.ended.end, requestId: origin.requestId };
      if (end.contract !== null) {
        events.push({
          ...base,
          type: end.contract.outcome === 'renewed' ? 'contract.renewed' : 'contract.ended',
          contract: end.contract.contract,
        });
      }
      events.push({
        ...base,
        type: 'period.rolled',
        ended: end.ended,
        period: end.next,
        charges: end.charges,
        amount: periodEnd.amount,
      });
    }
    return { status: 'advanced', periodEnds, applied, cancelled };
  });
}
