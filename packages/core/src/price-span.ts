import type { BillingPeriod, Instant } from './domain';
import { divideRounded, type Rounding } from './money';
import { nextBillingPeriod, periodMonths, previousBillingPeriod } from './next-billing-period';
import type { ProrationUnit } from './policy';
import type { PeriodFraction } from './proration';

const unitMilliseconds = { day: 86_400_000, second: 1_000 } as const;

/** The price of one stretch of a span inside one billing period, or of consecutive whole periods. */
export interface SpanPart {
  /** The (first) billing period of the stretch. */
  period: BillingPeriod;
  /** Where the stretch starts and ends. */
  start: Instant;
  end: Instant;
  /** Whether the span covers whole periods, each then charged its whole price. */
  isWhole: boolean;
  /** How many periods the stretch covers: 1 for a part of a period. */
  periods: number;
  /** The share of one period charged, in the proration unit (days for a price per day). */
  fraction: PeriodFraction;
  amount: number;
}

/** What licences cost over a span of time, period by period of the calendar. */
export interface SpanPrice {
  amount: number;
  parts: SpanPart[];
}

export interface PriceSpanInput {
  /** Any billing period of the account; those before and after it follow `nextBillingPeriod`. */
  period: BillingPeriod;
  from: Instant;
  to: Instant;
  quantity: number;
  /** Price of one licence for one billing period, or for one day when `per` is `day`. */
  unitPrice: number;
  /** @default 'period' */
  per?: 'period' | 'day' | undefined;
  unit: ProrationUnit;
  rounding: Rounding;
}

/**
 * Units of `period` still to run at `at`: whole units counted back from the period's end, the
 * current one counting, so that the units of consecutive stretches add up to the period's.
 */
function unitsLeft(period: BillingPeriod, at: number, size: number): number {
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  return Math.max(0, Math.ceil((end - Math.min(end, Math.max(start, at))) / size));
}

/** The share of `period` between `from` and `to` in `unit`; `none` is 1 of 1 for any stretch. */
export function stretchFraction(
  period: BillingPeriod,
  from: Instant,
  to: Instant,
  unit: ProrationUnit,
): PeriodFraction {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (unit === 'none') return { unit, remaining: end > start ? 1 : 0, total: 1 };
  const size = unitMilliseconds[unit];
  const total = Math.max(1, unitsLeft(period, Date.parse(period.start), size));
  const remaining = Math.min(total, unitsLeft(period, start, size) - unitsLeft(period, end, size));
  return { unit, remaining: Math.max(0, remaining), total };
}

/** The billing period that contains `at`, walking from `period` (by jumps for fixed lengths). */
function periodContaining(period: BillingPeriod, at: number): BillingPeriod {
  let current = period;
  const start = Date.parse(current.start);
  const end = Date.parse(current.end);
  if (periodMonths(current) === 0) {
    const length = Math.max(1, end - start);
    const shift = Math.floor((at - start) / length);
    return {
      start: new Date(start + shift * length).toISOString(),
      end: new Date(start + (shift + 1) * length).toISOString(),
    };
  }
  while (Date.parse(current.start) > at) current = previousBillingPeriod(current);
  while (Date.parse(current.end) <= at) current = nextBillingPeriod(current);
  return current;
}

/**
 * The price of `quantity` licences from `from` to `to`, exact over the calendar: every billing
 * period the span covers whole costs its whole price, whatever its length (a 28-day February as
 * much as a 31-day March); a period the span covers in part costs its share in the proration unit
 * of that period's own length, rounded once per period by `rounding`. A price per day costs its
 * days, never rounded. Splitting a span at a period boundary never changes the total.
 */
export function priceSpan(input: PriceSpanInput): SpanPrice {
  const { quantity, unitPrice, unit, rounding } = input;
  const from = Date.parse(input.from);
  const to = Date.parse(input.to);
  const parts: SpanPart[] = [];
  if (!(to > from) || quantity === 0) return { amount: 0, parts };
  let period = periodContaining(input.period, from);
  let amount = 0;
  while (Date.parse(period.start) < to) {
    const periodStart = Date.parse(period.start);
    const periodEnd = Date.parse(period.end);
    const start = Math.max(from, periodStart);
    const end = Math.min(to, periodEnd);
    const isWhole = start === periodStart && end === periodEnd;
    const startAt = new Date(start).toISOString();
    const endAt = new Date(end).toISOString();
    let fraction: PeriodFraction;
    let partAmount: number;
    let periods = 1;
    let last = period;
    if (isWhole && periodMonths(period) === 0) {
      // Periods of a fixed length (not calendar months) repeat: count them instead of walking.
      const length = periodEnd - periodStart;
      periods = Math.max(1, Math.floor((to - periodStart) / length));
      last = {
        start: new Date(periodStart + (periods - 1) * length).toISOString(),
        end: new Date(periodStart + periods * length).toISOString(),
      };
    }
    const stretchEnd = isWhole ? last.end : endAt;
    if (input.per === 'day') {
      fraction = stretchFraction(period, startAt, endAt, 'day');
      partAmount = quantity * unitPrice * fraction.remaining * periods;
    } else if (isWhole) {
      const whole = stretchFraction(period, startAt, endAt, unit);
      fraction = { unit, remaining: whole.total, total: whole.total };
      partAmount = quantity * unitPrice * periods;
    } else {
      fraction = stretchFraction(period, startAt, endAt, unit);
      partAmount = divideRounded(
        BigInt(quantity) * BigInt(unitPrice) * BigInt(fraction.remaining),
        BigInt(fraction.total),
        rounding,
      );
    }
    parts.push({
      period,
      start: startAt,
      end: stretchEnd,
      isWhole,
      periods,
      fraction,
      amount: partAmount,
    });
    amount += partAmount;
    period = nextBillingPeriod(last);
  }
  return { amount, parts };
}

/** The price of one licence over a whole contract term, period by period of the calendar. */
export function contractTermPrice(
  period: BillingPeriod,
  term: { start: Instant; end: Instant },
  unitPrice: number,
  unit: ProrationUnit,
  rounding: Rounding,
): number {
  return priceSpan({
    period,
    from: term.start,
    to: term.end,
    quantity: 1,
    unitPrice,
    unit,
    rounding,
  }).amount;
}
