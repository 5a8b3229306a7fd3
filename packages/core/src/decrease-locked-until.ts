import type { Account, Instant, Pool } from './domain';
import type { SeatPolicy } from './policy';

function contractLockEnd(account: Account, pool: Pool, policy: SeatPolicy): Instant | null {
  if (pool.term === 'contracted') {
    return account.contract.kind === 'contracted'
      ? account.contract.end
      : account.billingPeriod.end;
  }
  if (account.contract.kind === 'contracted' && policy.contractLocksDecrease === 'all-pools') {
    return account.contract.end;
  }
  return null;
}

/**
 * Until when a contract forbids removing licences from a pool, or `null` when it does not: a
 * pool of term `contracted` until the contract ends (the billing period's end without a
 * contract), every pool of a contracted account under `contractLocksDecrease: 'all-pools'`. With
 * `atRenewal: 'decrease'` the lock lifts in the term's last billing period (see
 * `decreasesAtRenewal`).
 */
export function decreaseLockedUntil(
  account: Account,
  pool: Pool,
  policy: SeatPolicy,
): Instant | null {
  const end = contractLockEnd(account, pool, policy);
  if (end === null) return null;
  if (policy.atRenewal === 'decrease' && Date.parse(account.billingPeriod.end) >= Date.parse(end)) {
    return null;
  }
  return end;
}

/**
 * Whether removing licences from a pool is a change at the contract's renewal: the contract locks
 * them, the policy lets them be adjusted at renewal, and the current billing period is the term's
 * last. Such a removal is scheduled for the period's end, when the term ends.
 */
export function decreasesAtRenewal(account: Account, pool: Pool, policy: SeatPolicy): boolean {
  return (
    contractLockEnd(account, pool, policy) !== null &&
    decreaseLockedUntil(account, pool, policy) === null
  );
}
