import type { Instant } from '@seats/core';
import type { RecordedSeatsEvent } from './seats-event';

/** Where an event stands: until every endpoint has it or gave up on it, `pending`. */
export type EventStatus = 'pending' | 'delivered' | 'dead';

/** One endpoint's deliveries of one event. */
export interface EndpointDelivery {
  /** The webhook's or subscriber's `id`. */
  endpoint: string;
  /** `retrying` after a failed attempt with attempts left; `dead` once `maxAttempts` failed. */
  status: 'retrying' | 'delivered' | 'dead';
  attempts: number;
  lastAttemptAt: Instant;
  /** When the next attempt is due, while `retrying`. */
  nextAttemptAt: Instant | null;
  /** Why the last attempt failed (`HTTP 503`, a timeout, what the subscriber threw). */
  lastError: string | null;
  deliveredAt: Instant | null;
}

/** An event with its delivery state, as `jobs.events()` reads it. */
export interface EventRecord {
  event: RecordedSeatsEvent;
  status: EventStatus;
  deliveries: EndpointDelivery[];
}

/** The outbox's reads and writes outside the transactions that write events. */
export interface EventOutbox {
  /**
   * Claims up to `limit` pending events due by `now` (`FOR UPDATE SKIP LOCKED`), each until
   * `leaseUntil`, under the `claim` token; oldest due first.
   */
  claim(input: {
    now: Instant;
    leaseUntil: Instant;
    claim: string;
    limit: number;
  }): Promise<EventRecord[]>;
  /**
   * Records the attempts a run made on an event it claimed, and where the event now stands;
   * `false` (nothing written) when the claim was lost meanwhile (lease expired, event requeued).
   */
  record(input: {
    accountId: string;
    seq: number;
    claim: string;
    status: EventStatus;
    nextAttemptAt: Instant;
    deliveries: EndpointDelivery[];
  }): Promise<boolean>;
  /** An account's events with `after < seq <= through`, in `seq` order. */
  list(input: {
    accountId: string;
    after: number;
    through: number | null;
    limit: number;
  }): Promise<EventRecord[]>;
  /**
   * Makes an account's events with `after < seq <= through` due again for `endpoint`, forgetting
   * its deliveries of them; answers how many.
   */
  requeue(input: {
    accountId: string;
    endpoint: string;
    after: number;
    through: number | null;
  }): Promise<number>;
}
