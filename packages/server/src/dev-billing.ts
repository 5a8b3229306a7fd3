import type { BillingProvider, BillingRequest, BillingResult } from './billing-provider';

export interface RecordedCharge extends BillingRequest {
  chargeId: string;
}

/** A billing provider for development and tests: records charges and credits, fails on request. */
export interface DevBilling extends BillingProvider {
  readonly development: true;
  /** Makes the next charge fail with `reason`. */
  failNext(reason?: string): void;
  /** Makes the next charge answer `pending`, as a 3-D Secure check or an invoice would. */
  pendNext(): void;
  /** The successful charges, oldest first. */
  charges(): RecordedCharge[];
  /** The credits given back, oldest first. */
  credits(): RecordedCharge[];
  /** Forgets every charge, credit and pending failure. */
  reset(): void;
}

export function createDevBilling(): DevBilling {
  let charged: RecordedCharge[] = [];
  let credited: RecordedCharge[] = [];
  // As a real provider does, a key asked again answers what it answered the first time.
  let answers = new Map<string, BillingResult>();
  let next: 'fail' | 'pend' | null = null;
  let reason = '';
  let sequence = 0;
  const answer = (
    request: BillingRequest,
    into: RecordedCharge[],
    prefix: string,
  ): BillingResult => {
    const earlier = answers.get(request.idempotencyKey);
    if (earlier !== undefined) return earlier;
    sequence += 1;
    const reference = `${prefix}_dev_${sequence}`;
    let result: BillingResult;
    if (next === 'fail' && prefix === 'ch') result = { status: 'declined', reason };
    else if (next === 'pend' && prefix === 'ch') result = { status: 'pending', reference };
    else {
      into.push({ ...request, chargeId: reference });
      result = { status: 'succeeded', reference };
    }
    if (prefix === 'ch') next = null;
    answers.set(request.idempotencyKey, result);
    return result;
  };
  return {
    development: true,
    async charge(request) {
      return answer(request, charged, 'ch');
    },
    async credit(request) {
      return answer(request, credited, 'cr');
    },
    failNext(failure = 'The card was declined.') {
      next = 'fail';
      reason = failure;
    },
    pendNext() {
      next = 'pend';
    },
    charges: () => [...charged],
    credits: () => [...credited],
    reset() {
      charged = [];
      credited = [];
      answers = new Map();
      next = null;
    },
  };
}
