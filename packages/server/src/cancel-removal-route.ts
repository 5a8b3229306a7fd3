import {
  type AllowancePlan,
  applyAllowancePlan,
  cancellableQuantity,
  explainPlanIssue,
  type Pool,
  planRestore,
} from '@seats/core';
import type { Change } from '@seats/core/contract';
import { allowanceEvent, originOf } from './allowance-event';
import { ProblemError } from './problem-error';
import { randomId } from './random-id';
import type { BodySchema } from './read-json-body';
import { forbidden, json, permissions, type RouteContext, type RouteDeps } from './route-context';
import type { SeatsEvent } from './seats-event';
import { changeToWire } from './wire';

/** The pool once a purchase waiting for its signature is withdrawn or expires. */
export function withdrawSignature(pool: Pool, plan: AllowancePlan): Pool {
  return { ...pool, pendingSignature: Math.max(0, pool.pendingSignature - plan.added) };
}

function withdrawnEvent(context: RouteContext, change: Change) {
  return allowanceEvent(originOf(context), change) as Extract<SeatsEvent, { changeId: string }>;
}

/**
 * `POST /v1/changes/:id/cancel`: cancels a scheduled removal, or withdraws a purchase waiting for
 * its e-signature. The licences a removal would have removed are restored by core's `planRestore`,
 * recorded as an applied change of their own; a withdrawn purchase releases what it reserved and
 * its signature link stops working.
 */
export async function cancelRemovalRoute(
  deps: RouteDeps,
  context: RouteContext,
): Promise<Response> {
  const changeId = context.id;
  await deps.body(context.request, emptyObject, true);
  const accountId = context.identity.accountId;
  const change = await deps.write(async (tx, events) => {
    // The account first: a purchase holding it may cancel or shrink this very change.
    const state = await tx.lockAccount(accountId);
    const scheduled = await tx.getChange(accountId, changeId);
    if (state === null || scheduled === null)
      throw new ProblemError(404, 'not_found', { detail: 'No such change.' });
    if (!permissions(context).changeAllowance)
      throw forbidden('Your role may not change licences.');
    if (scheduled.status !== 'scheduled' && scheduled.status !== 'pending-signature') {
      throw new ProblemError(409, 'not_cancellable', {
        detail:
          'Only a scheduled removal or a purchase waiting for its signature can be cancelled.',
      });
    }
    const pool = state.pools.find((candidate) => candidate.id === scheduled.poolId);
    if (pool === undefined) throw new ProblemError(404, 'not_found');
    if (scheduled.status === 'pending-signature') {
      await tx.savePool(accountId, withdrawSignature(pool, scheduled.plan));
      await tx.bumpVersion(accountId);
      const withdrawn = changeToWire(
        await tx.updateChange(accountId, changeId, {
          status: 'cancelled',
          cancelledAt: context.now,
        }),
      );
      events.push({ ...withdrawnEvent(context, withdrawn), type: 'allowance.withdrawn' });
      return withdrawn;
    }
    const decision = planRestore({
      account: state.account,
      pool,
      used: state.usedByPool[pool.id] ?? 0,
      policy: state.policy,
      viewerRole: context.identity.role,
      now: context.now,
      quantity: cancellableQuantity(scheduled, pool),
    });
    if (decision.status === 'forbidden') throw forbidden('Your role may not change licences.');
    if (decision.status === 'invalid') {
      throw new ProblemError(409, 'not_cancellable', {
        detail: decision.issues.map(explainPlanIssue).join(' '),
        issues: decision.issues,
      });
    }
    await tx.savePool(accountId, applyAllowancePlan(pool, decision.plan));
    await tx.bumpVersion(accountId);
    const restore = await tx.insertChange({
      id: randomId('chg'),
      accountId,
      quoteId: null,
      poolId: pool.id,
      status: 'applied',
      plan: decision.plan,
      actor: { memberId: context.identity.memberId, role: context.identity.role },
      createdAt: context.now,
      effectiveAt: context.now,
      signedAt: null,
      cancelledAt: null,
      charged: null,
      chargeId: null,
      chargeStartedAt: null,
      idempotencyKey: null,
    });
    events.push(allowanceEvent(originOf(context), changeToWire(restore)));
    return changeToWire(
      await tx.updateChange(accountId, changeId, { status: 'cancelled', cancelledAt: context.now }),
    );
  });
  return json(change);
}

/** The body of a bodiless action: nothing, or `{}`. */
const emptyObject: BodySchema<Record<string, never>> = {
  safeParse(value) {
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (isObject && Object.keys(value).length === 0) return { success: true, data: {} };
    const issue = isObject
      ? {
          code: 'unrecognized_keys',
          path: [],
          message: 'No fields are expected.',
          keys: Object.keys(value),
        }
      : { code: 'invalid_type', path: [], message: 'Expected an empty object or no body.' };
    return { success: false, error: { issues: [issue] } };
  },
};
