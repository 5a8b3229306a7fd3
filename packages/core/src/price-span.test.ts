import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BillingPeriod,
  divideRounded,
  nextBillingPeriod,
  type ProrationUnit,
  priceSpan,
  type Rounding,
} from './index';

const day = 86_400_000;
const roundings: Rounding[] = ['half-up', 'half-even', 'up', 'down'];
const units: ProrationUnit[] = ['none', 'day', 'second'];
const iso = (at: number) => new Date(at).toISOString();

/** A calendar period of 1, 3 or 12 months starting on the first of any month from 2020 to 2040. */
const calendarPeriod = fc
  .record({
    year: fc.integer({ min: 2020, max: 2040 }),
    month: fc.integer({ min: 0, max: 11 }),
    months: fc.constantFrom(1, 3, 12),
  })
  .map(({ year, month, months }) => ({
    start: iso(Date.UTC(year, month, 1)),
    end: iso(Date.UTC(year, month + months, 1)),
  }));

/** A period of a fixed length, from a second to 400 days, not always on a day boundary. */
const fixedPeriod = fc
  .record({
    start: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
    length: fc.integer({ min: 1_000, max: 400 * day }),
  })
  .map(({ start, length }) => ({ start: iso(start), end: iso(start + length) }));

const anyPeriod = fc.oneof(calendarPeriod, fixedPeriod);

/** The `count` periods that follow `period`, itself included. */
function periodsFrom(period: BillingPeriod, count: number): BillingPeriod[] {
  const periods = [period];
  while (periods.length < count) {
    const last = periods[periods.length - 1] as BillingPeriod;
    periods.push(nextBillingPeriod(last));
  }
  return periods;
}

/** A span from inside the first of up to 15 periods to inside a later one. */
const spanInPeriods = fc
  .record({
    period: anyPeriod,
    count: fc.integer({ min: 1, max: 15 }),
    startShare: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    endShare: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ period, count, startShare, endShare }) => {
    const periods = periodsFrom(period, count);
    const first = periods[0] as BillingPeriod;
    const last = periods[periods.length - 1] as BillingPeriod;
    const firstStart = Date.parse(first.start);
    const lastStart = Date.parse(last.start);
    const from = firstStart + Math.floor(startShare * (Date.parse(first.end) - firstStart));
    const to = Math.max(
      from + 1,
      lastStart + Math.floor(endShare * (Date.parse(last.end) - lastStart)),
    );
    return { period, periods, from: iso(from), to: iso(to) };
  });

const pricing = fc.record({
  quantity: fc.integer({ min: 0, max: 500 }),
  unitPrice: fc.integer({ min: 0, max: 1_000_000 }),
  unit: fc.constantFrom(...units),
  rounding: fc.constantFrom(...roundings),
  per: fc.constantFrom('period' as const, 'day' as const),
});

describe('priceSpan', () => {
  it('prices the rest of a 30-day period plus eleven whole months at the whole price', () => {
    // Bought two days before November's end with the contract running to 1 November 2027:
    // 65.00 x 2/30 for the rest of November, then December to October at 65.00 each.
    const price = priceSpan({
      period: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
      from: '2026-11-29T09:00:00.000Z',
      to: '2027-11-01T00:00:00.000Z',
      quantity: 1,
      unitPrice: 6_500,
      unit: 'day',
      rounding: 'half-up',
    });
    expect(price.amount).toBe(71_933);
    expect(price.parts.map((part) => [part.isWhole, part.periods, part.amount])).toEqual([
      [false, 1, 433],
      ...Array.from({ length: 11 }, () => [true, 1, 6_500]),
    ]);
  });

  it('charges a 28-day February and a 31-day March the same whole price', () => {
    const february = { start: '2027-02-01T00:00:00.000Z', end: '2027-03-01T00:00:00.000Z' };
    const price = (from: string, to: string) =>
      priceSpan({
        period: february,
        from,
        to,
        quantity: 3,
        unitPrice: 6_500,
        unit: 'day',
        rounding: 'half-up',
      }).amount;
    expect(price('2027-02-01T00:00:00.000Z', '2027-03-01T00:00:00.000Z')).toBe(19_500);
    expect(price('2027-03-01T00:00:00.000Z', '2027-04-01T00:00:00.000Z')).toBe(19_500);
    // Half of February is 14 of 28 days; half of a leap February is 14.5 days, 15 counted.
    expect(price('2027-02-15T00:00:00.000Z', '2027-03-01T00:00:00.000Z')).toBe(9_750);
    expect(
      priceSpan({
        period: { start: '2028-02-01T00:00:00.000Z', end: '2028-03-01T00:00:00.000Z' },
        from: '2028-02-15T00:00:00.000Z',
        to: '2028-03-01T00:00:00.000Z',
        quantity: 3,
        unitPrice: 6_500,
        unit: 'day',
        rounding: 'half-up',
      }).amount,
    ).toBe(divideRounded(3n * 6_500n * 15n, 29n, 'half-up'));
  });

  it('prices a span in the tail of a contract: whole periods then the prorated last one', () => {
    const price = priceSpan({
      period: { start: '2026-01-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z' },
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-03-11T00:00:00.000Z',
      quantity: 2,
      unitPrice: 3_100,
      unit: 'day',
      rounding: 'down',
    });
    // January and February whole, then 10 of March's 31 days: 2 x 31.00 x 10/31 = 20.00.
    expect(price.parts.map((part) => part.amount)).toEqual([6_200, 6_200, 2_000]);
    expect(price.amount).toBe(14_400);
  });

  it('prices a daily licence by the days of the span, every month length', () => {
    const price = priceSpan({
      period: { start: '2028-02-01T00:00:00.000Z', end: '2028-03-01T00:00:00.000Z' },
      from: '2028-02-01T00:00:00.000Z',
      to: '2028-05-01T00:00:00.000Z',
      quantity: 2,
      unitPrice: 300,
      per: 'day',
      unit: 'none',
      rounding: 'half-up',
    });
    expect(price.amount).toBe(2 * 300 * (29 + 31 + 30));
  });

  it('gives the same total when a span is split at any period boundary', () => {
    fc.assert(
      fc.property(spanInPeriods, pricing, fc.nat(), (span, price, pick) => {
        const inside = span.periods
          .map((period) => Date.parse(period.start))
          .filter((at) => at > Date.parse(span.from) && at < Date.parse(span.to));
        fc.pre(inside.length > 0);
        const split = iso(inside[pick % inside.length] as number);
        const of = (from: string, to: string) =>
          priceSpan({ period: span.period, from, to, ...price }).amount;
        expect(of(span.from, split) + of(split, span.to)).toBe(of(span.from, span.to));
      }),
    );
  });

  it('costs whole periods their whole prices, whatever their lengths', () => {
    fc.assert(
      fc.property(
        anyPeriod,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 39 }),
        pricing,
        (period, count, offset, price) => {
          const periods = periodsFrom(period, offset + count);
          const from = (periods[offset] as BillingPeriod).start;
          const to = (periods[offset + count - 1] as BillingPeriod).end;
          const amount = priceSpan({ period, from, to, ...price, per: 'period' }).amount;
          expect(amount).toBe(count * price.quantity * price.unitPrice);
        },
      ),
    );
  });

  it('prices a part of a period exactly to the minor unit under each rounding mode', () => {
    fc.assert(
      fc.property(spanInPeriods, pricing, (span, price) => {
        const result = priceSpan({ period: span.period, from: span.from, to: span.to, ...price });
        for (const part of result.parts) {
          const perLicence = BigInt(price.quantity) * BigInt(price.unitPrice);
          if (price.per === 'day') {
            expect(BigInt(part.amount)).toBe(
              perLicence * BigInt(part.fraction.remaining * part.periods),
            );
          } else if (part.isWhole) {
            expect(BigInt(part.amount)).toBe(perLicence * BigInt(part.periods));
          } else {
            const exact = perLicence * BigInt(part.fraction.remaining);
            const total = BigInt(part.fraction.total);
            const floor = exact / total;
            const twice = (exact % total) * 2n;
            const expected = {
              down: floor,
              up: twice === 0n ? floor : floor + 1n,
              'half-up': twice >= total ? floor + 1n : floor,
              'half-even':
                twice > total || (twice === total && floor % 2n === 1n) ? floor + 1n : floor,
            }[price.rounding];
            expect(BigInt(part.amount)).toBe(expected);
          }
        }
        expect(result.amount).toBe(result.parts.reduce((sum, part) => sum + part.amount, 0));
      }),
    );
  });

  it('covers every day of every month, leap years included, once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2020, max: 2040 }),
        fc.integer({ min: 0, max: 11 }),
        (year, month) => {
          const period = {
            start: iso(Date.UTC(year, month, 1)),
            end: iso(Date.UTC(year, month + 1, 1)),
          };
          const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
          const daily = priceSpan({
            period,
            from: period.start,
            to: period.end,
            quantity: 1,
            unitPrice: 1,
            per: 'day',
            unit: 'day',
            rounding: 'half-up',
          });
          expect(daily.amount).toBe(days);
          const lastDay = priceSpan({
            period,
            from: iso(Date.parse(period.end) - day),
            to: period.end,
            quantity: 1,
            unitPrice: days * 100,
            unit: 'day',
            rounding: 'half-up',
          });
          expect(lastDay.amount).toBe(100);
        },
      ),
    );
  });
});
