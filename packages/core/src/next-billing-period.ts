import type { BillingPeriod, Instant } from './domain';

function addUtcMonths(instant: Date, months: number): Date {
  const next = new Date(instant.getTime());
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

/** Whole calendar months of a period, or 0 when it is not whole months (then it has a fixed length). */
export function periodMonths(period: BillingPeriod): number {
  return wholeMonths(new Date(period.start), new Date(period.end));
}

function wholeMonths(start: Date, end: Date): number {
  const months =
    (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  return months > 0 && addUtcMonths(start, months).getTime() === end.getTime() ? months : 0;
}

/**
 * The billing period that follows `period`: the same number of calendar months when the period
 * spans whole months (a monthly or yearly plan), else the same duration.
 */
export function nextBillingPeriod(period: BillingPeriod): BillingPeriod {
  const start = new Date(period.start);
  const end = new Date(period.end);
  const months = wholeMonths(start, end);
  const next: Date =
    months > 0
      ? addUtcMonths(end, months)
      : new Date(end.getTime() + Math.max(1, end.getTime() - start.getTime()));
  return { start: period.end, end: next.toISOString() };
}

/** The billing period that precedes `period`, the inverse of `nextBillingPeriod`. */
export function previousBillingPeriod(period: BillingPeriod): BillingPeriod {
  const start = new Date(period.start);
  const end = new Date(period.end);
  const months = wholeMonths(start, end);
  const previous: Date =
    months > 0
      ? addUtcMonths(start, -months)
      : new Date(start.getTime() - Math.max(1, end.getTime() - start.getTime()));
  return { start: previous.toISOString(), end: period.start };
}

/** The billing period that contains `now`, rolling `period` forward as many times as needed. */
export function currentBillingPeriod(period: BillingPeriod, now: Instant): BillingPeriod {
  let current = period;
  const at = Date.parse(now);
  while (Date.parse(current.end) <= at) current = nextBillingPeriod(current);
  return current;
}
