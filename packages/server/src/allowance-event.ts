import type { Change } from '@seats/core/contract';
import type { SeatsEvent } from './seats-event';

/** Where an event happened: the account, when, and the request that caused it. */
export interface EventOrigin {
  accountId: string;
  now: string;
  requestId: string;
}

/** The event a committed change emits, named after what it did. */
export function allowanceEvent(origin: EventOrigin, change: Change): SeatsEvent {
  const type =
    change.status === 'pending-signature'
      ? 'allowance.pending_signature'
      : change.status === 'scheduled'
        ? 'allowance.scheduled'
        : change.signedAt !== null
          ? 'allowance.signed'
          : change.plan.kind === 'restore'
            ? 'allowance.restored'
            : change.plan.kind === 'decrease'
              ? 'allowance.decreased'
              : 'allowance.increased';
  return {
    type,
    accountId: origin.accountId,
    at: origin.now,
    requestId: origin.requestId,
    changeId: change.id,
    poolId: change.poolId,
    plan: change.plan,
  };
}

/** The origin of a route's events. */
export function originOf(context: {
  identity: { accountId: string };
  now: string;
  requestId: string;
}): EventOrigin {
  return { accountId: context.identity.accountId, now: context.now, requestId: context.requestId };
}
