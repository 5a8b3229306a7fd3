import type { AllowancePlan } from '@seats/core';
import type { Change } from '@seats/core/contract';
import { ProblemError } from './problem-error';
import type { RouteContext, RouteDeps } from './route-context';
import type { SeatsEvent } from './seats-event';

/**
 * Charges what a plan says is due now, once per `idempotencyKey`. A refusal is recorded in
 * `failures` and answered as a 402.
 */
export async function chargePlan(
  deps: RouteDeps,
  context: RouteContext,
  plan: AllowancePlan,
  idempotencyKey: string,
  failures: SeatsEvent[],
): Promise<{ charged: Change['charged']; chargeId: string | null }> {
  if (plan.dueNow.amount <= 0) return { charged: null, chargeId: null };
  const result = await deps.billing.charge({
    accountId: context.identity.accountId,
    amount: plan.dueNow,
    idempotencyKey,
    description: `${plan.added} licence(s) for pool ${plan.poolId}`,
  });
  if (!result.ok) {
    failures.push({
      type: 'payment.failed',
      accountId: context.identity.accountId,
      at: context.now,
      requestId: context.requestId,
      poolId: plan.poolId,
      amount: plan.dueNow,
      reason: result.reason,
    });
    throw new ProblemError(402, 'payment_failed', { detail: result.reason });
  }
  return { charged: plan.dueNow, chargeId: result.chargeId };
}
