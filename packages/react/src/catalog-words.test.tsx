import { describe, expect, it } from 'vitest';
import { ar, createFormat, de, es, fr, ja, pt, type SeatsMessages } from './index';

const catalogs: [string, SeatsMessages][] = [
  ['ar', ar],
  ['de', de],
  ['es', es],
  ['fr', fr],
  ['ja', ja],
  ['pt', pt],
];

describe('each catalog names statuses and roles in its own words, everywhere', () => {
  it.each(catalogs)(
    '%s: the reason a member counts uses the status and role names',
    (locale, t) => {
      const f = createFormat(locale);
      const status = t.statusName({ status: 'active' }, f);
      const role = t.roleName({ role: 'guest' }, f);
      expect(
        t.consumptionReason({ reason: { kind: 'status-consumes', status: 'active' } }, f),
      ).toContain(status);
      expect(
        t.consumptionReason({ reason: { kind: 'role-does-not-consume', role: 'guest' } }, f),
      ).toContain(role);
    },
  );

  it.each(catalogs)(
    "%s: a daily licence's charge is its days at the price per day, never a fraction of days",
    (locale, t) => {
      const f = createFormat(locale);
      const row = {
        kind: 'prorated-charge' as const,
        quantity: 2,
        unitPrice: 150,
        per: 'day' as const,
        proration: 'day' as const,
        days: 12,
        ofDays: 30,
        from: '2026-11-19T00:00:00.000Z',
        until: '2026-12-01T00:00:00.000Z',
        amount: 3_600,
      };
      const perDay = t.priceLine({ row, currency: 'GBP' }, f);
      const perMonth = t.priceLine({ row: { ...row, per: 'month' }, currency: 'GBP' }, f);
      expect(perDay).toContain(f.number(12));
      expect(perDay).not.toContain(f.number(30));
      expect(perMonth).toContain(f.number(30));
    },
  );

  it.each(catalogs)(
    '%s: a row prorated by the second names its dates, never a count of days',
    (locale, t) => {
      const f = createFormat(locale);
      const row = {
        kind: 'prorated-charge' as const,
        quantity: 2,
        unitPrice: 4_900,
        per: 'month' as const,
        proration: 'second' as const,
        days: null,
        ofDays: null,
        from: '2026-11-29T11:21:29.000Z',
        until: '2026-12-01T00:00:00.000Z',
        amount: 249,
      };
      const words = t.priceLine({ row, currency: 'GBP' }, f);
      const whole = t.priceLine({ row: { ...row, proration: 'none' }, currency: 'GBP' }, f);
      expect(words).toContain(f.range(row.from, row.until));
      expect(words).not.toBe(whole);
    },
  );

  it('reads "Aktiv", not the slug, in German', () => {
    const f = createFormat('de');
    expect(de.consumptionReason({ reason: { kind: 'status-consumes', status: 'active' } }, f)).toBe(
      'Zählt, weil der Status Aktiv ist',
    );
  });
});
