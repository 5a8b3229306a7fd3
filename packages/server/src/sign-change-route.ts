import { completeSignature } from '@seats/core';
import { SignRequestSchema } from '@seats/core/contract';
import { allowanceEvent, originOf } from './allowance-event';
import { settledResponse } from './commit-change-route';
import { ProblemError } from './problem-error';
import { sha256 } from './random-id';
import { forbidden, json, permissions, type RouteContext, type RouteDeps } from './route-context';
import { savePoolChange } from './save-pool-change';
import type { StoredChange } from './seats-store';
import { settleCharge } from './settle-charge';
import { changeToWire } from './wire';

/**
 * `POST /v1/changes/:id/sign`: the e-signature of a pending purchase. The token is used once; a
 * purchase that costs nothing now is applied at once, one that costs money goes to `charging` and
 * is charged outside the account's lock, as a commit is.
 */
export async function signChangeRoute(deps: RouteDeps, context: RouteContext): Promise<Response> {
  const changeId = context.id;
  const { token } = await deps.body(context.request, SignRequestSchema);
  const accountId = context.identity.accountId;
  const tokenHash = await sha256(token);
  const origin = originOf(context);
  const signed = await deps.write(
    async (tx, events): Promise<{ charging: boolean; change: StoredChange }> => {
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
      if (pending.plan.dueNow.amount > 0) {
        const charging = await tx.updateChange(accountId, changeId, {
          status: 'charging',
          signedAt: context.now,
          effectiveAt: context.now,
          chargeStartedAt: context.now,
        });
        return { charging: true, change: charging };
      }
      await savePoolChange(tx, {
        accountId,
        state,
        before: pool,
        after: completeSignature(pool, pending.plan),
        viewerRole: context.identity.role,
        now: context.now,
      });
      const applied = await tx.updateChange(accountId, changeId, {
        status: 'applied',
        signedAt: context.now,
        effectiveAt: context.now,
      });
      events.push(allowanceEvent(origin, changeToWire(applied)));
      return { charging: false, change: applied };
    },
  );
  if (!signed.charging) return json(changeToWire(signed.change));
  return settledResponse(await settleCharge(deps, signed.change, origin), 200);
}
