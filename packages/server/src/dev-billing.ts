import type { Money } from '@seats/core';

export interface ChargeRequest {
  accountId: string;
  amount: Money;
  /** Stable per logical purchase: a provider must charge at most once per key. */
  idempotencyKey: string;
  description: string;
}

export type ChargeResult = { ok: true; chargeId: string } | { ok: false; reason: string };

/** How the handler charges for licences; implement it over Stripe or the host's own billing. */
export interface BillingProvider {
  charge(request: ChargeRequest): Promise<ChargeResult>;
}

export interface RecordedCharge extends ChargeRequest {
  chargeId: string;
}

/** A billing provider for development and tests: records charges and fails on request. */
export interface DevBilling extends BillingProvider {
  /** Makes the next charge fail with `reason`. */
  failNext(reason?: string): void;
  /** The successful charges, oldest first. */
  charges(): RecordedCharge[];
  /** Forgets every charge and pending failure. */
  reset(): void;
}

export function createDevBilling(): DevBilling {
  let recorded: RecordedCharge[] = [];
  // As a real provider does, a key asked again answers what it answered the first time.
  let declined = new Map<string, string>();
  let failure: string | null = null;
  let sequence = 0;
  return {
    async charge(request) {
      const earlier = recorded.find((charge) => charge.idempotencyKey === request.idempotencyKey);
      if (earlier !== undefined) return { ok: true, chargeId: earlier.chargeId };
      const earlierReason = declined.get(request.idempotencyKey);
      if (earlierReason !== undefined) return { ok: false, reason: earlierReason };
      if (failure !== null) {
        const reason = failure;
        failure = null;
        declined.set(request.idempotencyKey, reason);
        return { ok: false, reason };
      }
      sequence += 1;
      const chargeId = `ch_dev_${sequence}`;
      recorded.push({ ...request, chargeId });
      return { ok: true, chargeId };
    },
    failNext(reason = 'The card was declined.') {
      failure = reason;
    },
    charges: () => [...recorded],
    reset() {
      recorded = [];
      declined = new Map();
      failure = null;
    },
  };
}
