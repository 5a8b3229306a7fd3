import { decreaseLockedUntil, decreasesAtRenewal } from './decrease-locked-until';
import type { Account, Pool } from './domain';
import type { PlanIssue } from './plan-allowance-change';
import type { SeatPolicy } from './policy';

/** A change of a pool's allowance that meets every bound, split into what it does. */
export interface AllowanceChangeCheck {
  status: 'ok';
  /** Licences for next period before and after: purchased less scheduled removals. */
  from: number;
  to: number;
  /** Scheduled removals given back (free), licences bought, licences removed. */
  restored: number;
  added: number;
  removed: number;
  /** When a removal takes effect: at once, or at the end of the billing period. */
  timing: 'now' | 'period-end';
}

export type AllowanceChangeCheckResult =
  | AllowanceChangeCheck
  | { status: 'refused'; issue: Omit<PlanIssue, 'field'> };

/**
 * Whether a change of `delta` licences (negative to remove) meets the policy and every bound of the
 * pool; the one rule behind both `planAllowanceChange` (what is accepted) and `describePool`
 * (what is offered: `+1`, `-1` and a restore of one). Permissions are checked by the callers.
 *
 * The bounds, in the order they are checked:
 * - an increase first gives back licences scheduled for removal (unless the policy makes
 *   removals final), then buys the rest; buying needs `increase.mode: 'self-serve'`, a pure
 *   restore does not;
 * - `max`: the licences for next period plus those waiting for a signature
 *   (`to + pendingSignature`) never exceed it, and when licences are bought neither do the
 *   licences paid this period (`purchased + pendingSignature + added`): a removal scheduled for
 *   the period end does not make room to buy before it happens;
 * - a decrease needs a decrease policy other than `refuse`, and no contract lock
 *   (`decreaseLockedUntil`);
 * - a decrease never goes below the members consuming a licence, or with
 *   `removalFloor: 'holders'` the members holding the pool whatever their status
 *   (`below-assigned`), nor below `min` (`below-min`); with nobody assigned, the minimum is the
 *   bound named.
 */
export function checkAllowanceChange(input: {
  account: Account;
  pool: Pool;
  /** Members consuming a licence of the pool. */
  used: number;
  /** Members holding the pool whatever their status; the floor with `removalFloor: 'holders'`. */
  held?: number | undefined;
  policy: SeatPolicy;
  delta: number;
}): AllowanceChangeCheckResult {
  const { account, pool, used, policy, delta } = input;
  const from = pool.purchased - pool.scheduledRemoval;
  const to = from + delta;
  const refused = (issue: Omit<PlanIssue, 'field'>): AllowanceChangeCheckResult => ({
    status: 'refused',
    issue,
  });
  if (delta > 0) {
    const restorable = policy.decrease.mode !== 'period-end' || policy.decrease.restorable;
    const restored = restorable ? Math.min(delta, pool.scheduledRemoval) : 0;
    const added = delta - restored;
    if (added > 0 && policy.increase.mode === 'refuse') {
      return refused({ code: 'increase-not-allowed', contact: policy.increase.contact });
    }
    const above = aboveMax(pool, to, added);
    if (above !== null) return refused(above);
    return { status: 'ok', from, to, restored, added, removed: 0, timing: 'now' };
  }
  const decrease = policy.decrease;
  if (decrease.mode === 'refuse') {
    return refused({ code: 'decrease-not-allowed', contact: decrease.contact });
  }
  const lockedUntil = decreaseLockedUntil(account, pool, policy);
  if (lockedUntil !== null) {
    return refused({
      code: 'contracted-until',
      until: lockedUntil,
      ...(policy.contractContact === undefined ? {} : { contact: policy.contractContact }),
    });
  }
  const below = belowFloor(pool, used, input.held, policy, to);
  if (below !== null) return refused(below);
  const timing =
    decrease.mode === 'immediate' && !decreasesAtRenewal(account, pool, policy)
      ? 'now'
      : 'period-end';
  return { status: 'ok', from, to, restored: 0, added: 0, removed: -delta, timing };
}

type BoundIssue = Omit<PlanIssue, 'field'>;

function aboveMax(pool: Pool, to: number, added: number): BoundIssue | null {
  if (
    pool.max !== undefined &&
    (to + pool.pendingSignature > pool.max ||
      (added > 0 && pool.purchased + pool.pendingSignature + added > pool.max))
  ) {
    return { code: 'above-max', limit: pool.max };
  }
  return null;
}

function belowFloor(
  pool: Pool,
  used: number,
  held: number | undefined,
  policy: SeatPolicy,
  to: number,
): BoundIssue | null {
  const min = pool.min ?? 0;
  const assigned = policy.removalFloor === 'holders' ? Math.max(used, held ?? 0) : used;
  if (to < assigned && assigned > min) {
    return {
      code: 'below-assigned',
      limit: assigned,
      ...(policy.removalFloor === 'holders' ? { floor: 'holders' as const } : {}),
    };
  }
  if (to < min) return { code: 'below-min', limit: min };
  return null;
}

/**
 * The bounds of `checkAllowanceChange` that hold whoever changes the pool's purchased licences by
 * `delta`, the vendor after a sales deal included: never above `max`, never below the members
 * consuming (or with `removalFloor: 'holders'`, holding) a licence, never below `min`. The
 * self-serve rules (the policy's increase and decrease modes, a contract's lock) are left out: they
 * bind the account's own users. Nothing is restored: licences scheduled for removal stay scheduled.
 */
export function checkAllowanceBounds(input: {
  pool: Pool;
  used: number;
  held?: number | undefined;
  policy: SeatPolicy;
  delta: number;
}): BoundIssue | null {
  const { pool, used, held, policy, delta } = input;
  const to = pool.purchased - pool.scheduledRemoval + delta;
  if (delta > 0) return aboveMax(pool, to, delta);
  if (delta < 0) return belowFloor(pool, used, held, policy, to);
  return null;
}
