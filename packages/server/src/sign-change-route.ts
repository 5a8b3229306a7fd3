import { completeSignature } from '@seats/core';
import { SignRequestSchema } from '@seats/core/contract';
import { allowanceEvent } from './allowance-event';
import { billingKey } from './billing-key';
import { chargePlan } from './charge-plan';
import { ProblemError } from './problem-error';
import { sha256 } from './random-id';
import { forbidden, json, permissions, type RouteContext, type RouteDeps } from './route-context';
import { savePoolChange } from './save-pool-change';
import type { SeatsEvent } from './seats-event';
import { changeToWire } from './wire';

/**
 * `POST /v1/changes/:id/sign`: the e-signature of a pending purchase. The token is used once; the
 * purchase is charged and applied.
 */
export async function signChangeRoute(deps: RouteDeps, context: RouteContext): Promise<Response> {
  const changeId = context.id;
  const { token } = await deps.body(context.request, SignRequestSchema);
  const accountId = context.identity.accountId;
  const tokenHash = await sha256(token);
  const change = await deps.write(async (tx, events, failures) => {
    const pending = await tx.getChange(accountId, changeId);
    if (pending === null) throw new ProblemError(404, 'not_found', { detail: 'No such change.' });
    if (!permissions(context).changeAllowance)
      throw forbidden('Your role may not change licences.');
    const valid =
      pending.status === 'pending-signature' &&
      (await tx.useSignatureToken(accountId, changeId, tokenHash, context.now));
    if (!valid) {
      throw new ProblemError(422, 'signature_invalid', {
        detail: 'The signature link is not valid or was already used.',
      });
    }
    const state = await tx.lockAccount(accountId);
    const pool = state?.pools.find((candidate) => candidate.id === pending.poolId);
    if (state === null || pool === undefined) throw new ProblemError(404, 'not_found');
    const payment = await chargePlan(
      deps,
      context,
      pending.plan,
      await billingKey(accountId, 'sign', changeId),
      failures,
    );
    await savePoolChange(tx, {
      accountId,
      state,
      before: pool,
      after: completeSignature(pool, pending.plan),
      viewerRole: context.identity.role,
      now: context.now,
    });
    const signed = changeToWire(
      await tx.updateChange(accountId, changeId, {
        status: 'applied',
        signedAt: context.now,
        effectiveAt: context.now,
        ...payment,
      }),
    );
    events.push({
      ...(allowanceEvent(context, signed) as Extract<SeatsEvent, { changeId: string }>),
      type: 'allowance.signed',
    });
    return signed;
  });
  return json(change);
}
