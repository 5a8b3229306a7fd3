import type { Change } from '@seats/core/contract';
import type { RouteContext } from './route-context';
import type { SeatsEvent } from './seats-event';

/** The event a committed change emits, named after what it did. */
export function allowanceEvent(context: RouteContext, change: Change): SeatsEvent {
  const type =
    change.status === 'pending-signature'
      ? 'allowance.pending_signature'
      : change.status === 'scheduled'
        ? 'allowance.scheduled'
        : change.plan.kind === 'restore'
          ? 'allowance.restored'
          : change.plan.kind === 'decrease'
            ? 'allowance.decreased'
            : 'allowance.increased';
  return {
    type,
    accountId: context.identity.accountId,
    at: context.now,
    requestId: context.requestId,
    changeId: change.id,
    poolId: change.poolId,
    plan: change.plan,
  };
}
