import { type Instant, type Pool, removalLeft, shareRestoredLicences } from '@seats/core';
import type { SeatsTransaction } from './seats-store';

export interface ReduceScheduledChangesInput {
  accountId: string;
  /** The pool before and after the write that restored licences scheduled for removal. */
  before: Pool;
  after: Pool;
  now: Instant;
}

/**
 * Keeps a pool's open scheduled removals in step with its `scheduledRemoval` once a purchase (or
 * its signature) restored some of them, shared out by core's `shareRestoredLicences` (the store
 * lists open changes newest first). Each removal's plan stays as it was asked: what was given back
 * is counted in its `restored`, and one given back in full is `cancelled`. Runs inside the write's
 * transaction, under the account's lock.
 */
export async function reduceScheduledChanges(
  tx: SeatsTransaction,
  input: ReduceScheduledChangesInput,
): Promise<void> {
  const { accountId, after, now } = input;
  const restored = input.before.scheduledRemoval - after.scheduledRemoval;
  if (restored <= 0) return;
  const scheduled = (await tx.openChanges(accountId)).filter(
    (change) => change.status === 'scheduled' && change.poolId === after.id,
  );
  const shares = shareRestoredLicences(
    scheduled.map((change) => ({ id: change.id, removed: removalLeft(change) })),
    restored,
  );
  for (const share of shares) {
    const change = scheduled.find((candidate) => candidate.id === share.id);
    const total = (change?.restored ?? 0) + share.restored;
    await tx.updateChange(
      accountId,
      share.id,
      share.remaining === 0
        ? { restored: total, status: 'cancelled', cancelledAt: now }
        : { restored: total },
    );
  }
}
