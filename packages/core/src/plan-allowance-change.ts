import { coveredByContract } from './advance-account';
import { checkAllowanceChange } from './check-allowance-change';
import { decreaseLockedUntil } from './decrease-locked-until';
import type { Account, ContractTerm, Instant, Pool } from './domain';
import { divideRounded, type Money, type Rounding } from './money';
import { nextBillingPeriod } from './next-billing-period';
import { resolvePermissions } from './permissions';
import type { Confirmation, ProrationUnit, SeatPolicy } from './policy';
import { contractTermPrice, priceSpan, stretchFraction } from './price-span';
import { type PeriodFraction, prorate, remainingFraction, unitsBetween } from './proration';
import type { QuotedProviderFigures } from './provider-figures';
import { renewContract } from './renew-contract';

/** A proposed change to a pool: licences to add (negative to remove), or the new total. */
export type AllowanceRequest =
  | { poolId: string; delta: number }
  | { poolId: string; total: number };

export type PriceLine =
  /**
   * Charged for the part of the current period still to run: `unitPrice x fraction` per licence.
   * When the policy prorates over the contract term, `unitPrice` is the term's price and the
   * fraction the share of the term charged now. A daily licence type (`per: 'day'`) is charged
   * `unitPrice` per day for `fraction.remaining` days: the days left in the period, today included.
   */
  | {
      kind: 'prorated-charge';
      quantity: number;
      unitPrice: number;
      fraction: PeriodFraction;
      amount: number;
      /** `day`: `unitPrice` is the price of one day, charged for each remaining day. */
      per?: 'day' | undefined;
      /** The contract term whose price `unitPrice` is, when the policy prorates over it. */
      term?: ContractSpan | undefined;
      /** Where the stretch charged ends when not at the period's end: the term's end, paid upfront. */
      until?: Instant | undefined;
    }
  /**
   * Credited for removed licences for the part of the period still to run; for a daily licence
   * type (`per: 'day'`), each remaining day, today included, at `unitPrice`.
   */
  | {
      kind: 'prorated-credit';
      quantity: number;
      unitPrice: number;
      fraction: PeriodFraction;
      amount: number;
      per?: 'day' | undefined;
      term?: ContractSpan | undefined;
      until?: Instant | undefined;
    }
  /**
   * Charged now for the whole billing periods (and a partial last one) from the current period's
   * end to the end of a contract paid in advance.
   */
  | {
      kind: 'term-charge';
      quantity: number;
      unitPrice: number;
      from: Instant;
      until: Instant;
      amount: number;
    }
  /**
   * How each following invoice changes (negative for removals): per billing period, per day, or
   * per term for a contract paid in advance (its next invoice is the renewal's).
   */
  | {
      kind: 'recurring-change';
      quantity: number;
      unitPrice: number;
      per: 'period' | 'day' | 'term';
      amount: number;
      /**
       * The date of the first invoice the change is on, when not the current period's end: a
       * contract paid in advance is invoiced again when its term ends.
       */
      from?: Instant | undefined;
      /** The term `unitPrice` pays for, with `per: 'term'`. */
      term?: ContractSpan | undefined;
    }
  /** Licences scheduled for removal that are kept instead; never charged. */
  | { kind: 'restore'; quantity: number; amount: 0 }
  /**
   * What contracted licences commit to from now until the contract ends, priced over the
   * calendar: the rest of this period, every whole period at its whole price, a partial last one.
   */
  | { kind: 'commitment'; quantity: number; until: Instant; amount: number };

/** A contract term's first and last instant. */
export interface ContractSpan {
  start: Instant;
  end: Instant;
}

export type ChangeResult = 'applied' | 'scheduled' | 'pending-signature';

export interface AllowancePlan {
  poolId: string;
  kind: 'increase' | 'decrease' | 'restore';
  /** Licences for next period before and after: purchased less scheduled removals. */
  from: number;
  to: number;
  delta: number;
  added: number;
  restored: number;
  removed: number;
  /** When the change takes effect; `null` while it waits for a signature. */
  effectiveAt: Instant | null;
  lines: PriceLine[];
  dueNow: Money;
  nextInvoiceChange: Money;
  confirmations: Confirmation[];
  result: ChangeResult;
  /**
   * The provider's own figures when it holds the subscription (`withProviderFigures`); `dueNow`
   * and `nextInvoiceChange` then repeat them.
   * @default none: the kit priced the change
   */
  provider?: QuotedProviderFigures | undefined;
}

export type PlanIssueCode =
  | 'unknown-pool'
  | 'not-an-integer'
  | 'zero'
  | 'no-change'
  | 'below-assigned'
  | 'below-min'
  | 'above-max'
  | 'increase-not-allowed'
  | 'decrease-not-allowed'
  | 'contracted-until'
  | 'not-restorable';

export interface PlanIssue {
  field: 'poolId' | 'delta' | 'total';
  code: PlanIssueCode;
  /** Whom to contact instead (`increase-not-allowed`, `decrease-not-allowed`, and `contracted-until` when the policy names a `contractContact`). */
  contact?: string;
  /** When the contract allows the change (`contracted-until`). */
  until?: Instant;
  /** The bound that was crossed (`below-assigned`, `below-min`, `above-max`). */
  limit?: number;
  /**
   * `holders`: the `below-assigned` bound counts every member holding the licence type, inactive
   * ones included (`removalFloor: 'holders'`): they must be deleted or moved, not deactivated.
   */
  floor?: 'holders';
}

export type AllowancePlanDecision =
  | { status: 'planned'; plan: AllowancePlan }
  | { status: 'invalid'; issues: PlanIssue[] }
  | { status: 'forbidden'; reason: 'change-allowance' };

export interface PlanAllowanceChangeInput {
  account: Account;
  /** The pool the request names; `undefined` when no such pool exists. */
  pool: Pool | undefined;
  /** Members consuming a licence of the pool. */
  used: number;
  /** Members holding the pool whatever their status; needed with `removalFloor: 'holders'`. */
  held?: number | undefined;
  policy: SeatPolicy;
  viewerRole: string;
  request: AllowanceRequest;
  now: Instant;
}

/**
 * Plans a change of a pool's allowance: validates it against the policy, prices it and says when it
 * takes effect and what it needs confirmed. Increases first restore licences scheduled for removal
 * (free), then buy the rest. Never throws for an expected outcome.
 */
export function planAllowanceChange(input: PlanAllowanceChangeInput): AllowancePlanDecision {
  const { account, pool, used, policy, request, now } = input;
  if (!resolvePermissions(policy, input.viewerRole).changeAllowance) {
    return { status: 'forbidden', reason: 'change-allowance' };
  }
  const field = 'delta' in request ? 'delta' : 'total';
  const value = 'delta' in request ? request.delta : request.total;
  if (pool === undefined)
    return { status: 'invalid', issues: [{ field: 'poolId', code: 'unknown-pool' }] };
  if (!Number.isSafeInteger(value))
    return { status: 'invalid', issues: [{ field, code: 'not-an-integer' }] };

  const from = pool.purchased - pool.scheduledRemoval;
  const to = field === 'delta' ? from + value : value;
  const delta = to - from;
  const invalid = (issue: Omit<PlanIssue, 'field'>): AllowancePlanDecision => ({
    status: 'invalid',
    issues: [{ field, ...issue }],
  });
  if (delta === 0) return invalid({ code: field === 'delta' ? 'zero' : 'no-change' });

  const currency = account.currency;
  const { unit, rounding } = policy.proration;
  const perDay = pool.term === 'daily';
  // The next invoice bills a daily licence type for each day of the next period.
  const next = nextBillingPeriod(account.billingPeriod);
  const nextPeriodDays = unitsBetween(next.start, next.end, 'day');
  const recurring = (quantity: number): Extract<PriceLine, { kind: 'recurring-change' }> => ({
    kind: 'recurring-change',
    quantity,
    unitPrice: pool.unitPrice,
    per: perDay ? 'day' : 'period',
    amount: quantity * pool.unitPrice,
  });
  const perInvoice = (line: PriceLine) =>
    line.kind === 'recurring-change' && perDay ? line.amount * nextPeriodDays : line.amount;

  const check = checkAllowanceChange({ account, pool, used, held: input.held, policy, delta });
  if (check.status === 'refused') return invalid(check.issue);

  if (delta > 0) {
    const { restored, added } = check;
    const contract =
      account.contract.kind === 'contracted' && coveredByContract(pool, policy) && !perDay
        ? account.contract
        : null;
    const termPrice =
      contract === null
        ? pool.unitPrice
        : contractTermPrice(account.billingPeriod, contract, pool.unitPrice, unit, rounding);
    const lines: PriceLine[] = [];
    if (restored > 0) lines.push({ kind: 'restore', quantity: restored, amount: 0 });
    let dueNow = 0;
    let nextInvoice = 0;
    if (added > 0) {
      const chargesNow = policy.charge === 'now';
      if (chargesNow || unit !== 'none' || perDay) {
        const charged = chargeLines(account, pool, contract, added, now, policy, termPrice);
        for (const line of charged) {
          lines.push(line);
          if (chargesNow) dueNow += line.amount;
          else nextInvoice += line.amount;
        }
      }
    }
    // Restored licences are free now but billed again from the next invoice, as before their removal.
    let line: PriceLine = recurring(delta);
    const renewal = contract?.payment === 'upfront' ? renewContract(contract) : null;
    if (renewal?.outcome === 'renewed') {
      const nextTermPrice = contractTermPrice(
        account.billingPeriod,
        renewal.contract,
        pool.unitPrice,
        unit,
        rounding,
      );
      line = {
        kind: 'recurring-change',
        quantity: delta,
        unitPrice: nextTermPrice,
        per: 'term',
        amount: delta * nextTermPrice,
        from: renewal.at,
        term: { start: renewal.contract.start, end: renewal.contract.end },
      };
    } else if (renewal !== null && Date.parse(renewal.at) > Date.parse(account.billingPeriod.end)) {
      // Paid until the contract ends, then month to month at the period's price.
      line = { ...recurring(delta), from: renewal.at };
    }
    lines.push(line);
    nextInvoice += perInvoice(line);
    if (added > 0) {
      const lockedUntil = decreaseLockedUntil(account, pool, policy);
      if (
        pool.term === 'contracted' &&
        lockedUntil !== null &&
        Date.parse(lockedUntil) > Date.parse(account.billingPeriod.end)
      ) {
        lines.push({
          kind: 'commitment',
          quantity: added,
          until: lockedUntil,
          amount: commitmentOf(account, pool, contract, added, now, policy, termPrice, lockedUntil),
        });
      }
    }
    const confirmations: Confirmation[] =
      added > 0 && policy.confirmation !== 'review' ? [policy.confirmation] : [];
    const pending = confirmations.includes('e-signature');
    return {
      status: 'planned',
      plan: {
        poolId: pool.id,
        kind: added > 0 ? 'increase' : 'restore',
        from,
        to,
        delta,
        added,
        restored,
        removed: 0,
        effectiveAt: pending ? null : now,
        lines,
        dueNow: { amount: dueNow, currency },
        nextInvoiceChange: { amount: nextInvoice, currency },
        confirmations,
        result: pending ? 'pending-signature' : 'applied',
      },
    };
  }

  const { removed } = check;
  const line = recurring(delta);
  const lines: PriceLine[] = [line];
  let dueNow = 0;
  let nextInvoice = perInvoice(line);
  const immediate = check.timing === 'now';
  if (immediate && (unit !== 'none' || perDay)) {
    const credit = rest(account, pool, removed, now, policy);
    const amount = -credit.amount;
    lines.push({
      kind: 'prorated-credit',
      quantity: removed,
      unitPrice: pool.unitPrice,
      fraction: credit.fraction,
      amount,
      ...(credit.per === undefined ? {} : { per: credit.per }),
    });
    if (policy.charge === 'now') dueNow += amount;
    else nextInvoice += amount;
  }
  return {
    status: 'planned',
    plan: {
      poolId: pool.id,
      kind: 'decrease',
      from,
      to,
      delta,
      added: 0,
      restored: 0,
      removed,
      effectiveAt: immediate ? now : account.billingPeriod.end,
      lines,
      dueNow: { amount: dueNow, currency },
      nextInvoiceChange: { amount: nextInvoice, currency },
      confirmations: [],
      result: immediate ? 'applied' : 'scheduled',
    },
  };
}

/** Plans restoring `quantity` licences scheduled for removal: free, applied at once. */
export function planRestore(
  input: Omit<PlanAllowanceChangeInput, 'request'> & { quantity: number },
): AllowancePlanDecision {
  const { pool, quantity } = input;
  if (!resolvePermissions(input.policy, input.viewerRole).changeAllowance) {
    return { status: 'forbidden', reason: 'change-allowance' };
  }
  if (pool === undefined)
    return { status: 'invalid', issues: [{ field: 'poolId', code: 'unknown-pool' }] };
  if (!Number.isSafeInteger(quantity) || quantity <= 0) {
    return {
      status: 'invalid',
      issues: [
        { field: 'delta', code: Number.isSafeInteger(quantity) ? 'zero' : 'not-an-integer' },
      ],
    };
  }
  if (
    quantity > pool.scheduledRemoval ||
    (input.policy.decrease.mode === 'period-end' && !input.policy.decrease.restorable)
  ) {
    return {
      status: 'invalid',
      issues: [{ field: 'delta', code: 'not-restorable', limit: pool.scheduledRemoval }],
    };
  }
  return planAllowanceChange({ ...input, request: { poolId: pool.id, delta: quantity } });
}

/** The pool after a committed plan: applied, scheduled, or waiting for a signature. */
export function applyAllowancePlan(pool: Pool, plan: AllowancePlan): Pool {
  if (plan.result === 'pending-signature')
    return { ...pool, pendingSignature: pool.pendingSignature + plan.added };
  if (plan.result === 'scheduled')
    return { ...pool, scheduledRemoval: pool.scheduledRemoval + plan.removed };
  return {
    ...pool,
    purchased: pool.purchased + plan.added - plan.removed,
    scheduledRemoval: pool.scheduledRemoval - plan.restored,
  };
}

/** The pool once a pending plan is signed: its licences become usable and its restores apply. */
export function completeSignature(pool: Pool, plan: AllowancePlan): Pool {
  return {
    ...pool,
    purchased: pool.purchased + plan.added,
    pendingSignature: Math.max(0, pool.pendingSignature - plan.added),
    scheduledRemoval: Math.max(0, pool.scheduledRemoval - plan.restored),
  };
}

/** The pool at the start of the next period: scheduled removals are gone. */
export function settlePeriodEnd(pool: Pool): Pool {
  return { ...pool, purchased: pool.purchased - pool.scheduledRemoval, scheduledRemoval: 0 };
}

/** `quantity x termPrice x share of the term from `from` to `to``, rounded once. */
function termShare(
  contract: ContractTerm,
  quantity: number,
  termPrice: number,
  from: Instant,
  to: Instant,
  unit: ProrationUnit,
  rounding: Rounding,
): { fraction: PeriodFraction; amount: number } {
  const fraction = stretchFraction(contract, from, to, unit);
  const amount = divideRounded(
    BigInt(quantity) * BigInt(termPrice) * BigInt(fraction.remaining),
    BigInt(fraction.total),
    rounding,
  );
  return { fraction, amount };
}

/**
 * What `quantity` licences cost for the rest of the current period: its share in the policy's
 * unit, or, for a daily licence type, the price of each day left, today included, whatever the unit.
 */
function rest(
  account: Account,
  pool: Pool,
  quantity: number,
  now: Instant,
  policy: SeatPolicy,
): { fraction: PeriodFraction; amount: number; per?: 'day' } {
  const { unit, rounding } = policy.proration;
  if (pool.term === 'daily') {
    const fraction = remainingFraction(account.billingPeriod, now, 'day');
    return { fraction, amount: quantity * pool.unitPrice * fraction.remaining, per: 'day' };
  }
  const fraction = remainingFraction(account.billingPeriod, now, unit);
  return { fraction, amount: prorate(quantity, pool.unitPrice, fraction, rounding) };
}

/** What an addition is charged: the rest of this period, and the rest of a term paid upfront. */
function chargeLines(
  account: Account,
  pool: Pool,
  contract: ContractTerm | null,
  added: number,
  now: Instant,
  policy: SeatPolicy,
  termPrice: number,
): PriceLine[] {
  const { unit, rounding } = policy.proration;
  const period = account.billingPeriod;
  if (contract !== null && policy.proration.over === 'contract-term') {
    const until = contract.payment === 'upfront' ? contract.end : period.end;
    const { fraction, amount } = termShare(contract, added, termPrice, now, until, unit, rounding);
    return [
      {
        kind: 'prorated-charge',
        quantity: added,
        unitPrice: termPrice,
        fraction,
        amount,
        term: { start: contract.start, end: contract.end },
        until,
      },
    ];
  }
  const { fraction, amount, per } = rest(account, pool, added, now, policy);
  const lines: PriceLine[] = [
    {
      kind: 'prorated-charge',
      quantity: added,
      unitPrice: pool.unitPrice,
      fraction,
      amount,
      ...(per === undefined ? {} : { per }),
    },
  ];
  if (contract?.payment === 'upfront' && Date.parse(contract.end) > Date.parse(period.end)) {
    const rest = priceSpan({
      period,
      from: period.end,
      to: contract.end,
      quantity: added,
      unitPrice: pool.unitPrice,
      unit,
      rounding,
    });
    lines.push({
      kind: 'term-charge',
      quantity: added,
      unitPrice: pool.unitPrice,
      from: period.end,
      until: contract.end,
      amount: rest.amount,
    });
  }
  return lines;
}

/** What added contracted licences commit to from `now` until `until`, over the calendar. */
function commitmentOf(
  account: Account,
  pool: Pool,
  contract: ContractTerm | null,
  added: number,
  now: Instant,
  policy: SeatPolicy,
  termPrice: number,
  until: Instant,
): number {
  const { unit, rounding } = policy.proration;
  if (contract !== null && policy.proration.over === 'contract-term') {
    return termShare(contract, added, termPrice, now, until, unit, rounding).amount;
  }
  const current = prorate(
    added,
    pool.unitPrice,
    remainingFraction(account.billingPeriod, now, unit),
    rounding,
  );
  const after = priceSpan({
    period: account.billingPeriod,
    from: account.billingPeriod.end,
    to: until,
    quantity: added,
    unitPrice: pool.unitPrice,
    unit,
    rounding,
  });
  return current + after.amount;
}
