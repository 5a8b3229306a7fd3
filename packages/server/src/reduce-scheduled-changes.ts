import { type Instant, type Pool, planAllowanceChange } from '@seats/core';
import type { AccountState, SeatsTransaction } from './seats-store';

export interface ReduceScheduledChangesInput {
  accountId: string;
  /** The account as locked for the write. */
  state: AccountState;
  /** The pool before and after the write that restored licences scheduled for removal. */
  before: Pool;
  after: Pool;
  /** The role of whoever made the write. */
  viewerRole: string;
  now: Instant;
}

/**
 * Keeps a pool's open scheduled removals in step with its `scheduledRemoval` once a purchase (or
 * its signature) restored some of them. The newest scheduled removal is given back first, like an
 * undo, so the older ones keep their `from` and `to` exact. One restored in full is `cancelled`;
 * one restored in part keeps the rest of its removal, re-planned by core so that its `removed`,
 * `to` and price lines say what will still happen. Runs inside the write's transaction, under the
 * account's lock.
 */
export async function reduceScheduledChanges(
  tx: SeatsTransaction,
  input: ReduceScheduledChangesInput,
): Promise<void> {
  const { accountId, state, after, now } = input;
  let left = input.before.scheduledRemoval - after.scheduledRemoval;
  if (left <= 0) return;
  const scheduled = (await tx.openChanges(accountId)).filter(
    (change) => change.status === 'scheduled' && change.poolId === after.id,
  );
  for (const change of scheduled) {
    if (left === 0) return;
    const removed = change.plan.removed;
    const restored = Math.min(left, removed);
    left -= restored;
    if (restored === removed) {
      await tx.updateChange(change.id, { status: 'cancelled', cancelledAt: now });
      continue;
    }
    const remaining = removed - restored;
    const decision = planAllowanceChange({
      account: state.account,
      // The pool as if this removal had not been scheduled: the older ones are still there.
      pool: { ...after, scheduledRemoval: Math.max(0, after.scheduledRemoval - remaining) },
      // Already committed and checked against the assigned licences then; shrinking it frees more.
      used: 0,
      policy: state.policy,
      viewerRole: input.viewerRole,
      request: { poolId: after.id, delta: -remaining },
      now,
    });
    if (decision.status !== 'planned' || decision.plan.result !== 'scheduled') {
      throw new Error(`the rest of scheduled change ${change.id} could not be planned again`);
    }
    await tx.updateChange(change.id, { plan: decision.plan });
  }
}
