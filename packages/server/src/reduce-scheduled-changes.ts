import { type Instant, type Pool, planAllowanceChange, shareRestoredLicences } from '@seats/core';
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
 * its signature) restored some of them, shared out by core's `shareRestoredLicences` (the store
 * lists open changes newest first). One restored in full is `cancelled`;
 * one restored in part keeps the rest of its removal, re-planned by core so that its `removed`,
 * `to` and price lines say what will still happen. Runs inside the write's transaction, under the
 * account's lock.
 */
export async function reduceScheduledChanges(
  tx: SeatsTransaction,
  input: ReduceScheduledChangesInput,
): Promise<void> {
  const { accountId, state, after, now } = input;
  const restored = input.before.scheduledRemoval - after.scheduledRemoval;
  if (restored <= 0) return;
  const scheduled = (await tx.openChanges(accountId)).filter(
    (change) => change.status === 'scheduled' && change.poolId === after.id,
  );
  const shares = shareRestoredLicences(
    scheduled.map((change) => ({ id: change.id, removed: change.plan.removed })),
    restored,
  );
  for (const { id, remaining } of shares) {
    if (remaining === 0) {
      await tx.updateChange(accountId, id, { status: 'cancelled', cancelledAt: now });
      continue;
    }
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
      throw new Error(`the rest of scheduled change ${id} could not be planned again`);
    }
    await tx.updateChange(accountId, id, { plan: decision.plan });
  }
}
