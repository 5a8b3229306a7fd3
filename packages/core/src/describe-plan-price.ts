import { coveredByContract } from './advance-account';
import type { PoolUsage } from './describe-usage';
import type { Account, BillingPeriod, Instant } from './domain';
import { nextBillingPeriod, periodMonths } from './next-billing-period';
import type { AllowancePlan, ContractSpan, PriceLine } from './plan-allowance-change';
import type { ProrationUnit, SeatPolicy } from './policy';
import { contractTermPrice } from './price-span';
import { unitsBetween } from './proration';

/** What one unit price pays for, in words a reader knows: never seconds or "per period". */
export type PriceUnit = 'month' | 'quarter' | 'year' | 'day' | 'term' | 'period';

/** One row of a price summary; the rows of a section add up to its total. */
export interface PlanPriceRow {
  kind: PriceLine['kind'];
  /** Licences, never negative; a removal's row has a negative `amount`. */
  quantity: number;
  /** The price of one licence per `per`; `null` where the row has none (restore, commitment). */
  unitPrice: number | null;
  per: PriceUnit | null;
  /**
   * How a charge or credit for the current period was priced: `none`, the whole period (`from`
   * to `until`) at `unitPrice`; `day`, `days` of `ofDays` whole days, or `days` at a price per
   * day (`per: 'day'`); `second`, the exact stretch from `from` to `until`. `null` on other rows.
   */
  proration: ProrationUnit | null;
  /**
   * Days charged (a prorated stretch) or billed (a price per day), of `ofDays`: `amount` is
   * `quantity x unitPrice x days / ofDays`, or `quantity x unitPrice x days` per day.
   */
  days: number | null;
  ofDays: number | null;
  /** The stretch charged: the days of a prorated row, the whole period, a term charge, a commitment. */
  from: Instant | null;
  until: Instant | null;
  /** Signed minor units, as it counts towards the section's total. */
  amount: number;
}

/**
 * A quoted plan as a price summary: what is due today and for which days, how the next invoice
 * changes from what to what, and a contract's commitment. Each section's rows add up to its total,
 * and the totals are the plan's `dueNow` and `nextInvoiceChange`.
 */
export interface PlanPrice {
  currency: string;
  dueNow: {
    rows: PlanPriceRow[];
    total: number;
    /**
     * The stretch a prorated row charges now (its `from` and `until`): to the period's or the
     * term's end; `null` when no row due now is prorated, so a heading never says "prorated"
     * over a whole period.
     */
    from: Instant | null;
    until: Instant | null;
  };
  nextInvoice: {
    at: Instant;
    rows: PlanPriceRow[];
    change: number;
    /**
     * The pool's recurring amount on the next invoice before and after (the renewal's, for a
     * contract paid in advance); `null` when unknown.
     */
    before: number | null;
    after: number | null;
  };
  commitment: { until: Instant; amount: number } | null;
}

/** The word for one billing period of `period`'s length. */
export function periodUnit(period: BillingPeriod): PriceUnit {
  const months = periodMonths(period);
  if (months === 1) return 'month';
  if (months === 3) return 'quarter';
  if (months === 12) return 'year';
  return 'period';
}

/** The word for a contract term: a month, quarter or year when it is one, else the term. */
export function termUnit(term: ContractSpan): PriceUnit {
  const unit = periodUnit(term);
  return unit === 'period' ? 'term' : unit;
}

/**
 * The price of one licence of `pool` and what it pays for, shown before anyone types: per billing
 * period, per day for a daily licence type, or per contract term where the policy prorates over the
 * main contract's term (factro), in the unit the price lines then use.
 */
export function describeUnitPrice(
  pool: Pick<PoolUsage, 'unitPrice' | 'term'>,
  account: Pick<Account, 'billingPeriod' | 'contract'>,
  policy: Pick<SeatPolicy, 'proration' | 'contractLocksDecrease'>,
): { unitPrice: number; per: PriceUnit } {
  if (pool.term === 'daily') return { unitPrice: pool.unitPrice, per: 'day' };
  const { contract, billingPeriod } = account;
  if (
    contract.kind === 'contracted' &&
    policy.proration.over === 'contract-term' &&
    coveredByContract(pool, policy)
  ) {
    const { unit, rounding } = policy.proration;
    return {
      unitPrice: contractTermPrice(billingPeriod, contract, pool.unitPrice, unit, rounding),
      per: termUnit(contract),
    };
  }
  return { unitPrice: pool.unitPrice, per: periodUnit(billingPeriod) };
}

export interface DescribePlanPriceInput {
  plan: AllowancePlan;
  /** The billing period the plan was quoted in. */
  period: BillingPeriod;
}

const unitMilliseconds = { day: 86_400_000, second: 1_000 } as const;

/** A prorated line as a row: what share of what was charged, over which stretch. */
function proratedRow(
  line: Extract<PriceLine, { kind: 'prorated-charge' | 'prorated-credit' }>,
  period: BillingPeriod,
  daily: boolean,
): Partial<PlanPriceRow> {
  const { fraction } = line;
  const per = daily ? 'day' : line.term === undefined ? periodUnit(period) : termUnit(line.term);
  const base = { unitPrice: line.unitPrice, per, proration: fraction.unit };
  // Not prorated: the whole current period is charged.
  if (fraction.unit === 'none') return { ...base, from: period.start, until: period.end };
  const until = line.until ?? period.end;
  // Units are counted back from the stretch's end, the current one whole.
  const from = new Date(
    Date.parse(until) - fraction.remaining * unitMilliseconds[fraction.unit],
  ).toISOString();
  if (fraction.unit === 'second') return { ...base, from, until };
  return { ...base, days: fraction.remaining, ofDays: fraction.total, from, until };
}

/** Describes a quoted plan's price: see `PlanPrice`. */
export function describePlanPrice({ plan, period }: DescribePlanPriceInput): PlanPrice {
  const next = nextBillingPeriod(period);
  const nextPeriodDays = unitsBetween(next.start, next.end, 'day');
  const unit = periodUnit(period);
  const row = (line: PriceLine, extra: Partial<PlanPriceRow>): PlanPriceRow => ({
    kind: line.kind,
    quantity: Math.abs(line.quantity),
    unitPrice: null,
    per: null,
    proration: null,
    days: null,
    ofDays: null,
    from: null,
    until: null,
    amount: line.amount,
    ...extra,
  });
  const charged: PlanPriceRow[] = [];
  const recurring: PlanPriceRow[] = [];
  let commitment: PlanPrice['commitment'] = null;
  // A daily licence type: its charges are per day, its recurring line the next period's days.
  const daily = plan.lines.some(
    (line) =>
      (line.kind === 'recurring-change' && line.per === 'day') ||
      ((line.kind === 'prorated-charge' || line.kind === 'prorated-credit') && line.per === 'day'),
  );
  for (const line of plan.lines) {
    switch (line.kind) {
      case 'prorated-charge':
      case 'prorated-credit':
        charged.push(row(line, proratedRow(line, period, daily)));
        break;
      case 'term-charge':
        charged.push(
          row(line, { unitPrice: line.unitPrice, per: unit, from: line.from, until: line.until }),
        );
        break;
      case 'restore':
        charged.push(row(line, {}));
        break;
      case 'recurring-change':
        recurring.push(
          row(line, {
            unitPrice: line.unitPrice,
            per:
              line.per === 'period'
                ? unit
                : line.per === 'term' && line.term !== undefined
                  ? termUnit(line.term)
                  : line.per,
            ...(daily ? { days: nextPeriodDays, ofDays: nextPeriodDays } : {}),
            amount: daily ? line.amount * nextPeriodDays : line.amount,
          }),
        );
        break;
      case 'commitment':
        commitment = { until: line.until, amount: line.amount };
        break;
    }
  }
  const sum = (rows: PlanPriceRow[]) => rows.reduce((total, each) => total + each.amount, 0);
  // Charges are due now when the plan says so; a policy that bills them later puts them on the
  // next invoice, where they then add up with the recurring change.
  const dueNowRows =
    plan.dueNow.amount !== 0 || sum(charged) === 0
      ? charged
      : charged.filter((r) => r.kind === 'restore');
  const deferred = dueNowRows === charged ? [] : charged.filter((r) => r.kind !== 'restore');
  const prorated = dueNowRows.find((r) => r.proration === 'day' || r.proration === 'second');
  const recurringLine = plan.lines.find((line) => line.kind === 'recurring-change');
  // A contract paid in advance is invoiced again when it ends: renewed for a whole term, or
  // month to month; charges billed later are on the next period's invoice.
  const at = (deferred.length === 0 ? recurringLine?.from : undefined) ?? period.end;
  const before =
    recurringLine === undefined ||
    (recurringLine.per === 'term' && (recurringLine.term === undefined || deferred.length > 0))
      ? null
      : plan.from * recurringLine.unitPrice * (daily ? nextPeriodDays : 1);
  return {
    currency: plan.dueNow.currency,
    dueNow: {
      rows: dueNowRows,
      total: plan.dueNow.amount,
      from: prorated?.from ?? null,
      until: prorated?.until ?? null,
    },
    nextInvoice: {
      at,
      rows: [...deferred, ...recurring],
      change: plan.nextInvoiceChange.amount,
      before,
      after: before === null ? null : before + plan.nextInvoiceChange.amount,
    },
    commitment,
  };
}
