import type { Instant, Money } from '@seats/core';

/** Plural forms by CLDR category; `#` is replaced by the formatted count. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** Locale-aware formatting through `Intl`, handed to every message. */
export interface SeatsFormat {
  locale: string;
  number(value: number): string;
  /** A percent given as 0-100, e.g. `72.5` -> `73%`. */
  percent(value: number): string;
  /** Integer minor units in the money's currency, e.g. `{ amount: 1250, currency: 'EUR' }` -> `€12.50`. */
  money(value: Money): string;
  /** A calendar date of an instant, in UTC (billing dates are UTC days). */
  date(value: Instant | Date): string;
  /** Two calendar dates as a range in the same format, e.g. `Nov 29 – Dec 1, 2026`. */
  range(from: Instant, until: Instant): string;
  /** A byte count with the largest fitting decimal unit, e.g. `20 GB`. */
  bytes(value: number): string;
  /** The form matching `count` in the locale, with `#` replaced by the formatted count. */
  plural(count: number, forms: PluralForms): string;
  /** `a, b and c` in the locale. */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
}

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** A formatter for `locale`; every `Intl` object is created once and reused. */
export function createFormat(locale: string): SeatsFormat {
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const plurals = new Intl.PluralRules(locale);
  const currencies = new Map<string, Intl.NumberFormat>();
  const units = new Map<string, Intl.NumberFormat>();
  const lists = new Map<string, Intl.ListFormat>();

  const currencyFormat = (currency: string) => {
    let format = currencies.get(currency);
    if (format === undefined) {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
      currencies.set(currency, format);
    }
    return format;
  };

  return {
    locale,
    number: (value) => numbers.format(value),
    percent: (value) => percents.format(value / 100),
    money({ amount, currency }) {
      const format = currencyFormat(currency);
      // Minor units per major unit come from the currency itself: 2 for EUR, 0 for JPY, 3 for KWD.
      const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
      return format.format(amount / 10 ** digits);
    },
    date: (value) => dates.format(typeof value === 'string' ? new Date(value) : value),
    range: (from, until) => dates.formatRange(new Date(from), new Date(until)),
    bytes(value) {
      let index = 0;
      let scaled = value;
      while (scaled >= 1000 && index < byteUnits.length - 1) {
        scaled /= 1000;
        index += 1;
      }
      const unit = byteUnits[index] ?? 'byte';
      let format = units.get(unit);
      if (format === undefined) {
        format = new Intl.NumberFormat(locale, {
          style: 'unit',
          unit,
          unitDisplay: 'short',
          maximumFractionDigits: 1,
        });
        units.set(unit, format);
      }
      return format.format(scaled);
    },
    plural(count, forms) {
      const form = count === 0 && forms.zero !== undefined ? 'zero' : plurals.select(count);
      return (forms[form] ?? forms.other).replace('#', numbers.format(count));
    },
    list(items, type = 'conjunction') {
      let format = lists.get(type);
      if (format === undefined) {
        format = new Intl.ListFormat(locale, { type });
        lists.set(type, format);
      }
      return format.format(items);
    },
  };
}
