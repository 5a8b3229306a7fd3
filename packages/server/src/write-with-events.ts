import type { RecordedSeatsEvent, SeatsEvent } from './seats-event';
import type { SeatsStore, SeatsTransaction } from './seats-store';

/**
 * Runs `work` in a transaction. `events` are written to the outbox in that transaction, so they
 * exist exactly when the change does; `failures` (a declined payment) are written in a small
 * transaction of their own once it ended, whether it committed or not. Both are then emitted.
 */
export type WriteWithEvents = <T>(
  work: (tx: SeatsTransaction, events: SeatsEvent[], failures: SeatsEvent[]) => Promise<T>,
) => Promise<T>;

export function writeWithEvents(
  store: SeatsStore,
  emit: (events: RecordedSeatsEvent[]) => void,
): WriteWithEvents {
  return async (work) => {
    let recorded: RecordedSeatsEvent[] = [];
    let failures: SeatsEvent[] = [];
    try {
      // The store runs `work` again when the transaction loses a race: only the last run counts.
      const result = await store.transaction(async (tx) => {
        const events: SeatsEvent[] = [];
        recorded = [];
        failures = [];
        const result = await work(tx, events, failures);
        recorded = await tx.appendEvents(events);
        return result;
      });
      emit(recorded);
      return result;
    } finally {
      if (failures.length > 0) emit(await recordFailures(store, failures));
    }
  };
}

async function recordFailures(
  store: SeatsStore,
  failures: readonly SeatsEvent[],
): Promise<RecordedSeatsEvent[]> {
  try {
    return await store.transaction((tx) => tx.appendEvents(failures));
  } catch (error) {
    console.warn(
      `[seats] could not record ${failures.map((event) => event.type).join(', ')}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return [];
  }
}

/**
 * Calls a host's `onEvent` with each event, after its commit. What it throws or rejects is
 * logged, never passed on: the change is committed, and a request, a job run or the process
 * must not fail because a listener did (the outbox's deliveries are where failures are retried).
 */
export function notifyListener(
  onEvent: ((event: RecordedSeatsEvent) => unknown) | undefined,
  events: readonly RecordedSeatsEvent[],
): void {
  if (onEvent === undefined) return;
  const warn = (error: unknown) =>
    console.warn(
      `[seats] onEvent failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  for (const event of events) {
    try {
      const result = onEvent(event);
      if (result instanceof Promise) result.catch(warn);
    } catch (error) {
      warn(error);
    }
  }
}
