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
    "%s: a daily licence's charge today is per day, not a fraction of days",
    (locale, t) => {
      const f = createFormat(locale);
      const row = {
        kind: 'prorated-charge' as const,
        quantity: 2,
        unitPrice: 150,
        per: 'day' as const,
        days: 1,
        ofDays: 1,
        from: null,
        until: null,
        amount: 300,
      };
      const perDay = t.priceLine({ row, currency: 'GBP' }, f);
      const perMonth = t.priceLine({ row: { ...row, per: 'month' }, currency: 'GBP' }, f);
      expect(perDay).not.toBe(perMonth);
      expect(perDay).not.toContain(f.number(1) + (locale === 'ja' ? '日中' : ' '));
    },
  );

  it('reads "Aktiv", not the slug, in German', () => {
    const f = createFormat('de');
    expect(de.consumptionReason({ reason: { kind: 'status-consumes', status: 'active' } }, f)).toBe(
      'Zählt, weil der Status Aktiv ist',
    );
  });
});
