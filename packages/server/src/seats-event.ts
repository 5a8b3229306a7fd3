import type { AllowancePlan, Instant, Money } from '@seats/core';

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
        | 'allowance.signature_expired';
      changeId: string;
      poolId: string;
      plan: AllowancePlan;
    })
  | (EventBase & { type: 'payment.failed'; poolId: string; amount: Money; reason: string });

export type SeatsEventType = SeatsEvent['type'];
