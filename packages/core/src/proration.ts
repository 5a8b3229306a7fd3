import type { BillingPeriod, Instant } from './domain';
import { divideRounded, type Rounding } from './money';
import type { ProrationUnit } from './policy';

const unitMilliseconds = { day: 86_400_000, second: 1_000 } as const;

/** The share of a billing period still to run at `now`, in whole units of the proration. */
export interface PeriodFraction {
  unit: ProrationUnit;
  remaining: number;
  total: number;
}

/**
 * How much of `period` is left at `now`. Days are whole UTC days and the current day counts as
 * remaining; seconds are whole seconds, the current one counting. `none` is always 1 of 1.
 */
export function remainingFraction(
  period: BillingPeriod,
  now: Instant,
  unit: ProrationUnit,
): PeriodFraction {
  if (unit === 'none') return { unit, remaining: 1, total: 1 };
  const size = unitMilliseconds[unit];
  const start = Date.parse(period.start);
  const end = Date.parse(period.end);
  const total = Math.max(1, Math.ceil((end - start) / size));
  const left = Math.ceil((end - Math.max(start, Date.parse(now))) / size);
  return { unit, remaining: Math.min(total, Math.max(0, left)), total };
}

/** `quantity x unitPrice x remaining / total`, exact, rounded once to the minor unit. */
export function prorate(
  quantity: number,
  unitPrice: number,
  fraction: PeriodFraction,
  rounding: Rounding,
): number {
  return divideRounded(
    BigInt(quantity) * BigInt(unitPrice) * BigInt(fraction.remaining),
    BigInt(fraction.total),
    rounding,
  );
}

/** Whole units between two instants, at least 0; a part unit counts as whole. */
export function unitsBetween(from: Instant, to: Instant, unit: 'day' | 'second'): number {
  return Math.max(0, Math.ceil((Date.parse(to) - Date.parse(from)) / unitMilliseconds[unit]));
}
