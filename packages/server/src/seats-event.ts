import type {
  Account,
  AllowancePlan,
  BillingPeriod,
  Instant,
  Money,
  RecurringCharge,
} from '@seats/core';

interface EventBase {
  accountId: string;
  at: Instant;
  requestId: string;
}

/** What the handler reports after a write commits, for webhooks and audit logs. */
export type SeatsEvent =
  | (EventBase & { type: 'seat.claimed' | 'seat.released'; memberId: string; poolId: string })
  | (EventBase & {
      type:
        | 'allowance.increased'
        | 'allowance.decreased'
        | 'allowance.scheduled'
        | 'allowance.restored'
        | 'allowance.pending_signature'
        | 'allowance.signed'
        /** A purchase waiting for its signature was withdrawn. */
        | 'allowance.withdrawn'
        /** A purchase waiting for its signature expired (the policy's `signatureTtlSeconds`). */
        | 'allowance.signature_expired'
        /** A removal scheduled for the end of the period took effect. */
        | 'allowance.removal_applied';
      changeId: string;
      poolId: string;
      plan: AllowancePlan;
    })
  | (EventBase & { type: 'payment.failed'; poolId: string; amount: Money; reason: string })
  | (EventBase & {
      /** A billing period ended and the next began; `charges` is what the new one bills. */
      type: 'period.rolled';
      ended: BillingPeriod;
      period: BillingPeriod;
      charges: RecurringCharge[];
      amount: Money;
    })
  | (EventBase & {
      /** The main contract's term ended: renewed for another term, or ended (month to month). */
      type: 'contract.renewed' | 'contract.ended';
      contract: Account['contract'];
    })
  | (EventBase & {
      /**
       * The admin API changed the account (`fields` of its request: a new `policy` recounts who
       * uses a licence) or one of its licence types: re-read the account's summary.
       */
      type: 'account.updated';
      fields: string[];
    })
  | (EventBase & {
      type: 'pool.added' | 'pool.updated' | 'pool.removed';
      poolId: string;
      /** The fields an update changed; empty when added or removed. */
      fields: string[];
    })
  | (EventBase & {
      /** The recurring charge of a period was taken, or declined. */
      type: 'period.charged' | 'period.charge_failed';
      period: BillingPeriod;
      amount: Money;
      chargeId: string | null;
      reason: string | null;
    });

export type SeatsEventType = SeatsEvent['type'];

/**
 * An event as the outbox wrote it, in the transaction of the change it reports: what `onEvent`,
 * subscribers and webhooks receive.
 */
export type RecordedSeatsEvent = SeatsEvent & {
  /** Stable public id, `evt_…`: the `webhook-id` of every delivery of it, retries and replays included. */
  id: string;
  /** Increases with every event the store writes (in the order they were written, not committed). */
  seq: number;
};
