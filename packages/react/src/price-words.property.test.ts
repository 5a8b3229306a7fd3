/**
 * The money the dialog shows has an oracle: for random quotes of every preset, licence type and
 * direction, from 2026 to 2032, each price line's English words are read back (licences, unit
 * price, days, dates) and the amount is worked out from them by hand, never by asking core; it must
 * be the amount shown beside the words, to the cent. Totals are the sum of their lines, and a
 * heading says "prorated" only over prorated lines, naming their days.
 * A failure prints its seed; replay it with SEATS_MONEY_SEED=<seed>.
 */
import {
  type Account,
  type AllowanceRequest,
  describePlanPrice,
  type Pool,
  type PoolTerm,
  type PresetName,
  planAllowanceChange,
  presets,
} from '@seats/core';
import { describe, expect, it } from 'vitest';
import { createFormat } from './format';
import { en } from './messages';

const dayMs = 86_400_000;
const trials = 2_000;
const seed = Number(process.env.SEATS_MONEY_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** A small seeded generator (mulberry32), so a failure replays from its seed. */
function generator(start: number) {
  let state = start >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}
type Random = ReturnType<typeof generator>;

const addMonths = (at: number, months: number) => {
  const date = new Date(at);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
};
const iso = (at: number) => new Date(at).toISOString();
const daysBetween = (from: number, to: number) => Math.round((to - from) / dayMs);

interface Scenario {
  preset: PresetName;
  /** Calendar months of a billing period. */
  months: number;
  account: Account;
  pool: Pool;
  request: AllowanceRequest;
  now: string;
}

function scenario(random: Random): Scenario {
  const preset = random.pick(Object.keys(presets) as PresetName[]);
  const policy = presets[preset];
  const now = random.int(Date.UTC(2026, 0, 1), Date.UTC(2033, 0, 1) - 1);
  const months = random.pick([1, 1, 1, 3, 12]);
  const today = new Date(now);
  let start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), random.int(1, 28));
  while (start > now) start = addMonths(start, -months);
  while (addMonths(start, months) <= now) start = addMonths(start, months);
  const period = { start: iso(start), end: iso(addMonths(start, months)) };
  const contractStart = addMonths(start, -months * random.int(0, 12 / months - 1));
  const overTerm = policy.proration.over === 'contract-term';
  const account: Account = {
    id: 'acct',
    name: 'Oracle Ltd',
    plan: 'Team',
    currency: random.pick(['USD', 'EUR', 'GBP', 'JPY']),
    billingPeriod: period,
    contract: random.pick([
      { kind: 'self-serve' },
      {
        kind: 'contracted',
        start: iso(contractStart),
        end: iso(addMonths(contractStart, 12)),
        // A contract paid upfront where the policy prorates over the term (factro); elsewhere its
        // rest-of-term line names no unit price, so the words could not be checked.
        payment: overTerm ? random.pick(['per-period', 'upfront'] as const) : 'per-period',
      },
    ] as const),
  };
  const term = random.pick<PoolTerm>(['monthly', 'daily', 'contracted', 'add-on']);
  const purchased = random.int(0, 40);
  const pool: Pool = {
    id: 'pool',
    name: 'Licences',
    term,
    purchased,
    scheduledRemoval:
      policy.decrease.mode === 'period-end' ? random.int(0, Math.min(3, purchased)) : 0,
    pendingSignature: 0,
    unitPrice: term === 'daily' ? random.int(1, 2_000) : random.int(1, 60_000),
  };
  const delta = random.pick([1, -1]) * random.int(1, 5);
  const next = pool.purchased - pool.scheduledRemoval;
  const request =
    policy.changeInput === 'delta'
      ? { poolId: pool.id, delta }
      : { poolId: pool.id, total: next + delta };
  return { preset, months, account, pool, request, now: iso(now) };
}

/** Integer minor units of an amount as the dialog writes it, e.g. `-$1,234.56`. */
const fractionDigits = new Map<string, number>();
function minorUnits(text: string, currency: string): number {
  let digits = fractionDigits.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    fractionDigits.set(currency, digits);
  }
  const sign = /^[-−]/.test(text) ? -1 : 1;
  return sign * Math.round(Number(text.replace(/[^0-9.]/g, '')) * 10 ** digits);
}

/** `a x b / c` rounded half-up, as a reader rounds to the cent. */
function halfUp(product: bigint, divisor: bigint): number {
  const quotient = product / divisor;
  const rest = product % divisor;
  return Number(rest * 2n >= divisor ? quotient + 1n : quotient);
}

const count = '(\\d[\\d,]*)';
const money = '(\\S*?\\d[\\d,]*(?:\\.\\d+)?)';
const licences = `${count} licences?`;
const fractionLine = new RegExp(`^(Credit: )?${licences} × ${money}, ${count} of ${count} days$`);
const perDayLine = new RegExp(`^(Credit: )?${licences} × ${money} per day × ${count} days?$`);
const wholeLine = new RegExp(`^(Credit: )?${licences} × ${money}, (.+)$`);
const restoreLine = new RegExp(`^${licences} kept, no charge$`);
const recurringLine = new RegExp(
  `^${licences}( fewer)? × ${money} per (month|quarter|year|contract term|billing period|day)(?: × ${count} days?)?$`,
);
const nextInvoiceHeading = new RegExp(`^Next invoice on [^:]+: ${money} → ${money}$`);

/** What a reader reads in one line: its amount, and the days it says it prorates, if any. */
interface ReadLine {
  amount: number;
  /** Days from today to `ends` that the line charges or credits. */
  prorated: { days: number } | null;
}

describe('the money the dialog shows adds up from its words', () => {
  it(`over ${trials} random quotes of every preset, licence type and direction (seed ${seed})`, () => {
    const random = generator(seed);
    const f = createFormat('en');
    const planned = new Set<string>();
    for (let trial = 0; trial < trials; trial += 1) {
      const { preset, months, account, pool, request, now } = scenario(random);
      const policy = presets[preset];
      const decision = planAllowanceChange({
        account,
        pool,
        used: 0,
        held: 0,
        policy,
        viewerRole: policy.permissions.changeAllowance[0] as string,
        request,
        now,
      });
      if (decision.status !== 'planned') continue;
      const { plan } = decision;
      const price = describePlanPrice({ plan, period: account.billingPeriod });
      const { currency } = price;
      const period = account.billingPeriod;
      const contract = account.contract;
      const where = `seed ${seed}, trial ${trial}: ${preset}, a ${pool.term} pool, ${JSON.stringify(request)} at ${now} in ${period.start} – ${period.end}, ${JSON.stringify(contract)}`;
      planned.add(`${preset} ${pool.term} ${plan.kind}`);

      const todayStart = Math.floor(Date.parse(now) / dayMs) * dayMs;
      // Where a prorated stretch can end: the period's end, or a contract term's paid upfront.
      const ends = [Date.parse(period.end)];
      if (contract.kind === 'contracted') ends.push(Date.parse(contract.end));
      const wholes = [daysBetween(Date.parse(period.start), Date.parse(period.end))];
      if (contract.kind === 'contracted')
        wholes.push(daysBetween(Date.parse(contract.start), Date.parse(contract.end)));
      const nextDays = daysBetween(
        Date.parse(period.end),
        addMonths(Date.parse(period.end), months),
      );

      const read = (words: string, section: 'due-now' | 'next-invoice'): ReadLine => {
        const number = (text: string) => Number(text.replace(/,/g, ''));
        const price = (text: string) => BigInt(minorUnits(text, currency));
        let match = fractionLine.exec(words);
        if (match !== null) {
          const [, credit, n, unit, days, ofDays] = match as unknown as string[];
          expect(wholes, `${where}: "${words}" counts days of no period`).toContain(
            number(ofDays as string),
          );
          const amount = halfUp(
            BigInt(number(n as string)) * price(unit as string) * BigInt(number(days as string)),
            BigInt(number(ofDays as string)),
          );
          return { amount: credit ? -amount : amount, prorated: { days: number(days as string) } };
        }
        match = perDayLine.exec(words);
        if (match !== null) {
          const [, credit, n, unit, days] = match as unknown as string[];
          const amount = Number(
            BigInt(number(n as string)) * price(unit as string) * BigInt(number(days as string)),
          );
          return { amount: credit ? -amount : amount, prorated: { days: number(days as string) } };
        }
        match = recurringLine.exec(words);
        if (match !== null) {
          const [, n, fewer, unit, per, days] = match as unknown as string[];
          if (days !== undefined) {
            expect(per, `${where}: "${words}"`).toBe('day');
            expect(number(days), `${where}: "${words}" bills the next period's days`).toBe(
              nextDays,
            );
          }
          const amount = Number(
            BigInt(number(n as string)) * price(unit as string) * BigInt(number(days ?? '1')),
          );
          return { amount: fewer ? -amount : amount, prorated: null };
        }
        match = restoreLine.exec(words);
        if (match !== null) return { amount: 0, prorated: null };
        match = wholeLine.exec(words);
        if (match !== null) {
          const [, credit, n, unit, span] = match as unknown as string[];
          expect(span, `${where}: "${words}" charges the whole period`).toBe(
            f.range(period.start, period.end),
          );
          const amount = Number(BigInt(number(n as string)) * price(unit as string));
          return { amount: credit ? -amount : amount, prorated: null };
        }
        throw new Error(
          `${where}: the ${section} line "${words}" says no amount a reader can work out`,
        );
      };

      const section = (
        rows: typeof price.dueNow.rows,
        total: number,
        name: 'due-now' | 'next-invoice',
      ) => {
        let sum = 0;
        const lines = rows.map((row) => {
          const words = en.priceLine({ row, currency }, f);
          const shown = minorUnits(f.money({ amount: row.amount, currency }), currency);
          const line = read(words, name);
          expect(
            line.amount,
            `${where}: "${words}" shows ${f.money({ amount: row.amount, currency })}`,
          ).toBe(shown);
          sum += shown;
          return { words, ...line };
        });
        expect(sum, `${where}: the ${name} lines add up to the total shown`).toBe(
          minorUnits(f.money({ amount: total, currency }), currency),
        );
        return lines;
      };

      const dueNow = section(price.dueNow.rows, price.dueNow.total, 'due-now');
      section(price.nextInvoice.rows, price.nextInvoice.change, 'next-invoice');

      const heading = en.dueNow({ from: price.dueNow.from, until: price.dueNow.until }, f);
      const prorated = dueNow.filter((line) => line.prorated !== null);
      if (heading.includes('prorated')) {
        const whole = dueNow.filter((line) => line.prorated === null && line.amount !== 0);
        expect(whole, `${where}: "${heading}" sits over a line that is not prorated`).toEqual([]);
        for (const line of prorated) {
          const end = ends.find(
            (candidate) => daysBetween(todayStart, candidate) === line.prorated?.days,
          );
          expect(end, `${where}: "${line.words}" counts days from today to no end`).toBeDefined();
          expect(heading, `${where}: the heading names the days of "${line.words}"`).toBe(
            `Due today (prorated ${f.range(iso(todayStart), iso(end as number))})`,
          );
        }
      } else {
        expect(prorated, `${where}: "${heading}" says nothing of its prorated lines`).toEqual([]);
      }

      const invoice = nextInvoiceHeading.exec(
        en.nextInvoice(
          {
            at: price.nextInvoice.at,
            before:
              price.nextInvoice.before === null
                ? null
                : f.money({ amount: price.nextInvoice.before, currency }),
            after:
              price.nextInvoice.after === null
                ? null
                : f.money({ amount: price.nextInvoice.after, currency }),
          },
          f,
        ),
      );
      if (invoice !== null) {
        const [, before, after] = invoice as unknown as string[];
        expect(
          minorUnits(after as string, currency) - minorUnits(before as string, currency),
          `${where}: the next invoice's change is its after less its before`,
        ).toBe(minorUnits(f.money({ amount: price.nextInvoice.change, currency }), currency));
      }
    }
    // Every preset was quoted, adding and (where it may) removing.
    for (const preset of Object.keys(presets))
      expect(
        [...planned].some((key) => key.startsWith(`${preset} `)),
        `seed ${seed}: ${preset}`,
      ).toBe(true);
    expect([...planned].some((key) => key.endsWith(' decrease'))).toBe(true);
  }, 60_000);
});
