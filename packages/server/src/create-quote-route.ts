import {
  planAllowanceChange,
  prorationBehaviorOf,
  quoteExpiresAt,
  subscriptionQuantityOf,
  withProviderFigures,
} from '@seats/core';
import { type Quote, QuoteRequestSchema } from '@seats/core/contract';
import { isSubscriptionBilling } from './billing-provider';
import { planProblem } from './plan-problem';
import { ProblemError } from './problem-error';
import { randomId } from './random-id';
import { forbidden, json, type RouteContext, type RouteDeps } from './route-context';

/** `POST /v1/quotes`: core plans the change; the quote is stored for the commit to use once. */
export async function createQuoteRoute(deps: RouteDeps, context: RouteContext): Promise<Response> {
  const request = await deps.body(context.request, QuoteRequestSchema);
  const { state } = context;
  const decision = planAllowanceChange({
    account: state.account,
    pool: state.pools.find((pool) => pool.id === request.poolId),
    used: state.usedByPool[request.poolId] ?? 0,
    held: state.heldByPool?.[request.poolId],
    policy: state.policy,
    viewerRole: context.identity.role,
    request,
    now: context.now,
  });
  if (decision.status === 'forbidden') throw forbidden('Your role may not change licences.');
  if (decision.status === 'invalid') throw planProblem(decision.issues);
  let plan = decision.plan;
  const pool = state.pools.find((candidate) => candidate.id === plan.poolId);
  if (isSubscriptionBilling(deps.billing) && pool !== undefined) {
    // The provider holding the subscription prices the change; core's plan keeps the rules.
    const asked = {
      quantity: subscriptionQuantityOf(pool, plan),
      prorationBehavior: prorationBehaviorOf(state.policy, plan),
      prorationDate: context.now,
    };
    const figures = await deps.billing
      .preview({
        accountId: context.identity.accountId,
        poolId: plan.poolId,
        now: context.now,
        quantity: asked.quantity,
        prorationBehavior: asked.prorationBehavior,
      })
      .catch((error: unknown) => {
        // The provider's text can name its objects (`No such subscription: 'sub_…'`): logged only.
        console.warn(
          `[seats] billing provider could not preview a change of ${context.identity.accountId}/${plan.poolId}: ${error instanceof Error ? error.message : String(error)}`,
        );
        throw new ProblemError(503, 'service_unavailable', {
          detail: 'The payment provider could not price the change; try again in a moment.',
          headers: { 'retry-after': '2' },
        });
      });
    plan = withProviderFigures(plan, figures, asked);
  }
  const quote: Quote = {
    id: randomId('quo'),
    version: state.version,
    createdAt: context.now,
    expiresAt: quoteExpiresAt(state.policy, context.now),
    request,
    plan,
  };
  await deps.store.insertQuote({ ...quote, accountId: context.identity.accountId, changeId: null });
  return json(quote, 201);
}
