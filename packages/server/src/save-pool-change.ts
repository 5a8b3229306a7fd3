import {
  type ReduceScheduledChangesInput,
  reduceScheduledChanges,
} from './reduce-scheduled-changes';
import type { SeatsTransaction } from './seats-store';

/**
 * Writes a pool's new allowance: saves the pool, keeps its scheduled removals in step with what
 * the write restored, and bumps the account's version so older quotes go stale. Runs inside the
 * write's transaction, under the account's lock.
 */
export async function savePoolChange(
  tx: SeatsTransaction,
  input: ReduceScheduledChangesInput,
): Promise<void> {
  await tx.savePool(input.accountId, input.after);
  await reduceScheduledChanges(tx, input);
  await tx.bumpVersion(input.accountId);
}
