import type { SeatsEvent } from './seats-event';
import type { SeatsStore, SeatsTransaction } from './seats-store';

/** Runs `work` in a transaction; `events` are emitted after it commits, `failures` even when it does not. */
export type WriteWithEvents = <T>(
  work: (tx: SeatsTransaction, events: SeatsEvent[], failures: SeatsEvent[]) => Promise<T>,
) => Promise<T>;

export function writeWithEvents(
  store: SeatsStore,
  emit: (events: SeatsEvent[]) => void,
): WriteWithEvents {
  return async (work) => {
    let events: SeatsEvent[] = [];
    let failures: SeatsEvent[] = [];
    try {
      // The store runs `work` again when the transaction loses a race: only the last run counts.
      const result = await store.transaction((tx) => {
        events = [];
        failures = [];
        return work(tx, events, failures);
      });
      emit(events);
      return result;
    } finally {
      emit(failures);
    }
  };
}
