/** What a restore leaves of one scheduled removal. */
export interface RestoredShare {
  id: string;
  /** Licences of this removal given back. */
  restored: number;
  /** Licences this removal still takes away at the period end; 0 when it is cancelled. */
  remaining: number;
}

/**
 * Splits licences restored by a purchase over a pool's scheduled removals, given newest first: the
 * newest is given back first, like an undo, so the older removals keep their `from` and `to`.
 * Removals left untouched are not listed.
 */
export function shareRestoredLicences(
  scheduledNewestFirst: readonly { id: string; removed: number }[],
  restored: number,
): RestoredShare[] {
  const shares: RestoredShare[] = [];
  let left = Math.max(0, restored);
  for (const { id, removed } of scheduledNewestFirst) {
    if (left === 0) break;
    const share = Math.min(left, removed);
    left -= share;
    shares.push({ id, restored: share, remaining: removed - share });
  }
  return shares;
}

/** A scheduled removal as recorded: what was asked, and what purchases gave back since. */
export interface RecordedRemoval {
  plan: { removed: number };
  restored: number;
}

/** Licences a scheduled removal still takes away at the period end. */
export function removalLeft(removal: RecordedRemoval): number {
  return Math.max(0, removal.plan.removed - removal.restored);
}

/**
 * Licences that cancelling one scheduled removal gives back: what it still removes, at most what
 * the pool still has scheduled.
 */
export function cancellableQuantity(
  removal: RecordedRemoval,
  pool: { scheduledRemoval: number } | undefined,
): number {
  return Math.max(0, Math.min(removalLeft(removal), pool?.scheduledRemoval ?? 0));
}
