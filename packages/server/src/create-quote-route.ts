import { planAllowanceChange, quoteExpiresAt } from '@seats/core';
import { type Quote, QuoteRequestSchema } from '@seats/core/contract';
import { planProblem } from './plan-problem';
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
  const quote: Quote = {
    id: randomId('quo'),
    version: state.version,
    createdAt: context.now,
    expiresAt: quoteExpiresAt(state.policy, context.now),
    request,
    plan: decision.plan,
  };
  await deps.store.insertQuote({ ...quote, accountId: context.identity.accountId, changeId: null });
  return json(quote, 201);
}
