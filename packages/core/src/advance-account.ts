import type { Account, BillingPeriod, Instant, Pool } from './domain';
import { nextBillingPeriod } from './next-billing-period';
import type { AllowancePlan } from './plan-allowance-change';
import type { SeatPolicy } from './policy';
import { priceSpan } from './price-span';
import { addUtcMonths, type ContractEnd, renewContract } from './renew-contract';

/** A change not yet settled, as the store keeps it (a server's stored change fits). */
export interface OpenChange {
  id: string;
  status: string;
  plan: Pick<AllowancePlan, 'poolId' | 'added' | 'removed' | 'restored'>;
}

/** What the next period of a pool costs if nothing changes. */
export interface RecurringCharge {
  poolId: string;
  quantity: number;
  /**
   * `period`: the period's price; `day`: the period's days at the daily price; `term`: a contract
   * paid in advance that renewed, its whole new term.
   */
  per: 'period' | 'day' | 'term';
  amount: number;
}

/** One billing period that ended, and what its end did. */
export interface PeriodEnd {
  /** The period that ended, at `ended.end`. */
  ended: BillingPeriod;
  /** The period that starts. */
  next: BillingPeriod;
  /** The contract's term ended with this period (or within it): renewed or ended. */
  contract: ContractEnd | null;
  /** What the new period bills, pool by pool; nothing for licences paid in advance mid-term. */
  charges: RecurringCharge[];
}

/** What happens to an open change at a period end. */
export interface ChangeOutcome {
  id: string;
  /**
   * `applied`: a scheduled removal took effect; `cancelled`: a purchase still waiting for its
   * signature was priced for a period that is over, so it expires and is bought again if wanted.
   */
  status: 'applied' | 'cancelled';
  at: Instant;
}

export interface AdvanceAccountInput {
  account: Account;
  pools: readonly Pool[];
  policy: SeatPolicy;
  /** Changes scheduled or waiting for a signature; others are ignored. */
  openChanges?: readonly OpenChange[] | undefined;
  now: Instant;
}

export interface AdvanceAccountResult {
  /** The account in the period containing `now`, its contract renewed or ended as due. */
  account: Account;
  /** The pools after every period end: removals done, expired signatures released. */
  pools: Pool[];
  /** Each period end passed, oldest first; empty when `now` is still in the current period. */
  periodEnds: PeriodEnd[];
  changes: ChangeOutcome[];
}

function chargesFor(
  account: Account,
  pools: readonly Pool[],
  policy: SeatPolicy,
  period: BillingPeriod,
  renewed: boolean,
): RecurringCharge[] {
  const { unit, rounding } = policy.proration;
  const contract = account.contract;
  return pools.map((pool): RecurringCharge => {
    const quantity = pool.purchased;
    if (pool.term === 'daily') {
      const { amount } = priceSpan({
        period,
        from: period.start,
        to: period.end,
        quantity,
        unitPrice: pool.unitPrice,
        per: 'day',
        unit,
        rounding,
      });
      return { poolId: pool.id, quantity, per: 'day', amount };
    }
    if (
      contract.kind === 'contracted' &&
      contract.payment === 'upfront' &&
      coveredByContract(pool, policy)
    ) {
      const amount = renewed
        ? priceSpan({
            period,
            from: contract.start,
            to: contract.end,
            quantity,
            unitPrice: pool.unitPrice,
            unit,
            rounding,
          }).amount
        : 0;
      return { poolId: pool.id, quantity, per: 'term', amount };
    }
    return { poolId: pool.id, quantity, per: 'period', amount: quantity * pool.unitPrice };
  });
}

/** Whether a pool's licences are bound by the account's main contract when it has one. */
export function coveredByContract(
  pool: Pick<Pool, 'term'>,
  policy: Pick<SeatPolicy, 'contractLocksDecrease'>,
): boolean {
  return pool.term === 'contracted' || policy.contractLocksDecrease === 'all-pools';
}

/**
 * Everything the end of billing periods does, from the account's current period up to the one
 * containing `now`; a pure function of time that a period-end job calls (and a request may call
 * to roll a stale account forward). At each period end:
 * - removals scheduled for the end take effect (`settlePeriodEnd`), their changes `applied`;
 * - purchases still waiting for a signature are `cancelled` and their licences released;
 * - when the main contract's term has ended, it renews (`renewContract`) or ends: the account then
 *   goes month to month, self-serve, its contracted licences becoming monthly ones, billed from the
 *   contract's end in calendar months;
 * - the next period starts and its recurring charges are listed.
 * Idempotent: calling it again with the result and the same `now` changes nothing.
 */
export function advanceAccount(input: AdvanceAccountInput): AdvanceAccountResult {
  const { policy, now } = input;
  let account = input.account;
  let pools = input.pools.map((pool) => ({ ...pool }));
  let open = (input.openChanges ?? []).filter(
    (change) => change.status === 'scheduled' || change.status === 'pending-signature',
  );
  const periodEnds: PeriodEnd[] = [];
  const changes: ChangeOutcome[] = [];
  const at = Date.parse(now);
  while (Date.parse(account.billingPeriod.end) <= at) {
    const ended = account.billingPeriod;
    const boundary = ended.end;
    for (const change of open) {
      changes.push({
        id: change.id,
        status: change.status === 'scheduled' ? 'applied' : 'cancelled',
        at: boundary,
      });
      if (change.status === 'pending-signature') {
        pools = pools.map((pool) =>
          pool.id === change.plan.poolId
            ? { ...pool, pendingSignature: Math.max(0, pool.pendingSignature - change.plan.added) }
            : pool,
        );
      }
    }
    open = [];
    pools = pools.map((pool) => ({
      ...pool,
      purchased: Math.max(0, pool.purchased - pool.scheduledRemoval),
      scheduledRemoval: 0,
    }));
    let contractEnd: ContractEnd | null = null;
    let next = nextBillingPeriod(ended);
    let contract = account.contract;
    while (contract.kind === 'contracted' && Date.parse(contract.end) <= Date.parse(boundary)) {
      contractEnd = renewContract(contract);
      contract = contractEnd.contract;
      if (contractEnd.outcome === 'ended') {
        pools = pools.map((pool) =>
          pool.term === 'contracted' ? { ...pool, term: 'monthly' } : pool,
        );
        next = { start: boundary, end: addUtcMonths(boundary, 1) };
      }
    }
    account = { ...account, contract };
    account = { ...account, billingPeriod: next };
    periodEnds.push({
      ended,
      next,
      contract: contractEnd,
      charges: chargesFor(account, pools, policy, next, contractEnd?.outcome === 'renewed'),
    });
  }
  return { account, pools, periodEnds, changes };
}
