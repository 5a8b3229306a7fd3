import {
  type Account,
  type AllowancePlan,
  type AllowanceRequest,
  definePolicy,
  deltaUpgradeAtLimit,
  type PlanIssue,
  type PlanIssueCode,
  type Pool,
  type SeatPolicy,
  scheduledRemovalWithRestore,
  signedContractLicenceTypes,
  totalWithTermsNoSelfDecrease,
} from './index';

/** Half of a 30-day November is left: 15 of 30 days, 1,296,000 of 2,592,000 seconds. */
export const now = '2026-11-16T00:00:00.000Z';
export const periodEnd = '2026-12-01T00:00:00.000Z';
export const contractEnd = '2027-12-01T00:00:00.000Z';

export const selfServe: Account = {
  id: 'acct',
  name: 'Table Ltd',
  plan: 'Team',
  currency: 'EUR',
  billingPeriod: { start: '2026-11-01T00:00:00.000Z', end: periodEnd },
  contract: { kind: 'self-serve' },
};
export const contracted: Account = {
  ...selfServe,
  contract: { kind: 'contracted', start: '2026-01-01T00:00:00.000Z', end: contractEnd },
};

export const monthly: Pool = {
  id: 'seats',
  name: 'Seats',
  term: 'monthly',
  purchased: 10,
  scheduledRemoval: 0,
  pendingSignature: 0,
  unitPrice: 3_000,
};

/** What a case leaves out: a self-serve account, 10 monthly seats, the default policy, the owner. */
export const defaults = {
  account: selfServe,
  pool: monthly,
  used: 0,
  policy: definePolicy(),
  viewerRole: 'owner',
  now,
};

export interface PlanCaseInput {
  account?: Account;
  pool?: Pool | undefined;
  used?: number;
  policy?: SeatPolicy;
  viewerRole?: string;
  request: AllowanceRequest;
}

export interface IssueCase extends PlanCaseInput {
  title: string;
  issue: PlanIssue;
}

/** Requests refused with one field-level issue; together they reach every `PlanIssueCode`. */
export const issueCases: IssueCase[] = [
  {
    title: 'names a pool the account does not have',
    pool: undefined,
    request: { poolId: 'nope', delta: 1 },
    issue: { field: 'poolId', code: 'unknown-pool' },
  },
  {
    title: 'asks for a fractional number of licences',
    request: { poolId: 'seats', delta: 1.5 },
    issue: { field: 'delta', code: 'not-an-integer' },
  },
  {
    title: 'enters a total that is not a number',
    request: { poolId: 'seats', total: Number.NaN },
    issue: { field: 'total', code: 'not-an-integer' },
  },
  {
    title: 'enters a total beyond the safe integers',
    request: { poolId: 'seats', total: 2 ** 53 },
    issue: { field: 'total', code: 'not-an-integer' },
  },
  {
    title: 'adds zero licences',
    request: { poolId: 'seats', delta: 0 },
    issue: { field: 'delta', code: 'zero' },
  },
  {
    title: 'enters the current total again',
    request: { poolId: 'seats', total: 10 },
    issue: { field: 'total', code: 'no-change' },
  },
  {
    title: 'enters the current total again, scheduled removals excluded',
    pool: { ...monthly, scheduledRemoval: 2 },
    request: { poolId: 'seats', total: 8 },
    issue: { field: 'total', code: 'no-change' },
  },
  {
    title: 'goes below the licences assigned to members',
    used: 8,
    request: { poolId: 'seats', total: 7 },
    issue: { field: 'total', code: 'below-assigned', limit: 8 },
  },
  {
    title: 'removes more licences than the pool holds',
    used: 0,
    request: { poolId: 'seats', delta: -11 },
    issue: { field: 'delta', code: 'below-min', limit: 0 },
  },
  {
    title: "goes below the pool's minimum",
    pool: { ...monthly, min: 5 },
    used: 2,
    request: { poolId: 'seats', total: 4 },
    issue: { field: 'total', code: 'below-min', limit: 5 },
  },
  {
    title: 'goes below the assigned licences where they exceed the minimum',
    pool: { ...monthly, min: 5 },
    used: 8,
    request: { poolId: 'seats', total: 4 },
    issue: { field: 'total', code: 'below-assigned', limit: 8 },
  },
  {
    title: "goes above the pool's maximum",
    pool: { ...monthly, max: 12 },
    request: { poolId: 'seats', total: 13 },
    issue: { field: 'total', code: 'above-max', limit: 12 },
  },
  {
    title: 'goes above the maximum once licences waiting for a signature count',
    pool: { ...monthly, max: 12, pendingSignature: 2 },
    request: { poolId: 'seats', delta: 1 },
    issue: { field: 'delta', code: 'above-max', limit: 12 },
  },
  {
    title: 'adds licences where purchases go through sales',
    policy: definePolicy({ increase: { mode: 'refuse', contact: 'Sales' } }),
    request: { poolId: 'seats', delta: 1 },
    issue: { field: 'delta', code: 'increase-not-allowed', contact: 'Sales' },
  },
  {
    title: 'removes licences where decreases go through the account manager (OpenCRM)',
    policy: totalWithTermsNoSelfDecrease,
    viewerRole: 'System Admin',
    request: { poolId: 'seats', total: 9 },
    issue: { field: 'total', code: 'decrease-not-allowed', contact: 'your Account Manager' },
  },
  {
    title: 'removes licences where decreases go through support (Dazos)',
    policy: deltaUpgradeAtLimit,
    viewerRole: 'billing-admin',
    request: { poolId: 'seats', delta: -1 },
    issue: { field: 'delta', code: 'decrease-not-allowed', contact: 'Support' },
  },
  {
    title: 'removes contracted licences before the contract ends (Commusoft)',
    account: contracted,
    pool: { ...monthly, term: 'contracted' },
    policy: signedContractLicenceTypes,
    viewerRole: 'owner-manager',
    request: { poolId: 'seats', delta: -1 },
    issue: { field: 'delta', code: 'contracted-until', until: contractEnd },
  },
  {
    title: 'removes contracted licences of a self-serve account before the period ends',
    pool: { ...monthly, term: 'contracted' },
    request: { poolId: 'seats', total: 9 },
    issue: { field: 'total', code: 'contracted-until', until: periodEnd },
  },
  {
    title: 'removes monthly licences on a contracted (invoiced) plan (Dialpad)',
    account: contracted,
    policy: scheduledRemovalWithRestore,
    viewerRole: 'office-admin',
    request: { poolId: 'seats', delta: -1 },
    issue: {
      field: 'delta',
      code: 'contracted-until',
      until: contractEnd,
      contact: 'your Customer Success Manager',
    },
  },
];

export interface RestoreIssueCase {
  title: string;
  pool: Pool;
  policy?: SeatPolicy;
  quantity: number;
  issue: PlanIssue;
}

/** Restores refused by `planRestore`. */
export const restoreIssueCases: RestoreIssueCase[] = [
  {
    title: 'restores more licences than are scheduled for removal',
    pool: { ...monthly, scheduledRemoval: 2 },
    quantity: 3,
    issue: { field: 'delta', code: 'not-restorable', limit: 2 },
  },
  {
    title: 'restores when nothing is scheduled for removal',
    pool: monthly,
    quantity: 1,
    issue: { field: 'delta', code: 'not-restorable', limit: 0 },
  },
  {
    title: 'restores where removals are final',
    pool: { ...monthly, scheduledRemoval: 2 },
    policy: definePolicy({ decrease: { mode: 'period-end', restorable: false } }),
    quantity: 1,
    issue: { field: 'delta', code: 'not-restorable', limit: 2 },
  },
  {
    title: 'restores zero licences',
    pool: { ...monthly, scheduledRemoval: 2 },
    quantity: 0,
    issue: { field: 'delta', code: 'zero' },
  },
  {
    title: 'restores a fractional number of licences',
    pool: { ...monthly, scheduledRemoval: 2 },
    quantity: 0.5,
    issue: { field: 'delta', code: 'not-an-integer' },
  },
];

/** Every issue code, so a new one cannot be added without a case reaching it. */
export const everyIssueCode: Record<PlanIssueCode, true> = {
  'unknown-pool': true,
  'not-an-integer': true,
  zero: true,
  'no-change': true,
  'below-assigned': true,
  'below-min': true,
  'above-max': true,
  'increase-not-allowed': true,
  'decrease-not-allowed': true,
  'contracted-until': true,
  'not-restorable': true,
};

export interface PlanCase extends PlanCaseInput {
  title: string;
  /** The parts of the plan the case is about. */
  plan: Partial<AllowancePlan>;
}

/** Requests that plan: the kind, the counts, when it takes effect and how it is charged. */
export const planCases: PlanCase[] = [
  {
    title: 'an increase by delta, charged now for the rest of the period, applied at once',
    policy: definePolicy({ changeInput: 'delta' }),
    request: { poolId: 'seats', delta: 2 },
    plan: {
      kind: 'increase',
      from: 10,
      to: 12,
      delta: 2,
      added: 2,
      restored: 0,
      removed: 0,
      effectiveAt: now,
      result: 'applied',
      confirmations: [],
      dueNow: { amount: 3_000, currency: 'EUR' },
      nextInvoiceChange: { amount: 6_000, currency: 'EUR' },
      lines: [
        {
          kind: 'prorated-charge',
          quantity: 2,
          unitPrice: 3_000,
          fraction: { unit: 'day', remaining: 15, total: 30 },
          amount: 3_000,
        },
        { kind: 'recurring-change', quantity: 2, unitPrice: 3_000, per: 'period', amount: 6_000 },
      ],
    },
  },
  {
    title: 'an increase by new total, the same plan as the matching delta',
    request: { poolId: 'seats', total: 12 },
    plan: {
      kind: 'increase',
      from: 10,
      to: 12,
      delta: 2,
      added: 2,
      dueNow: { amount: 3_000, currency: 'EUR' },
    },
  },
  {
    title: 'an increase added to the next invoice, prorated there, nothing due now',
    policy: definePolicy({ charge: 'next-invoice' }),
    request: { poolId: 'seats', total: 12 },
    plan: {
      dueNow: { amount: 0, currency: 'EUR' },
      nextInvoiceChange: { amount: 3_000 + 6_000, currency: 'EUR' },
    },
  },
  {
    title: 'an increase added to the next invoice without proration: the recurring change only',
    policy: totalWithTermsNoSelfDecrease,
    viewerRole: 'System Admin',
    request: { poolId: 'seats', total: 12 },
    plan: {
      dueNow: { amount: 0, currency: 'EUR' },
      nextInvoiceChange: { amount: 6_000, currency: 'EUR' },
      confirmations: ['terms'],
      lines: [
        { kind: 'recurring-change', quantity: 2, unitPrice: 3_000, per: 'period', amount: 6_000 },
      ],
    },
  },
  {
    title: 'an increase without proration charged now in full',
    policy: deltaUpgradeAtLimit,
    viewerRole: 'owner',
    request: { poolId: 'seats', delta: 2 },
    plan: {
      dueNow: { amount: 6_000, currency: 'EUR' },
      lines: [
        {
          kind: 'prorated-charge',
          quantity: 2,
          unitPrice: 3_000,
          fraction: { unit: 'none', remaining: 1, total: 1 },
          amount: 6_000,
        },
        { kind: 'recurring-change', quantity: 2, unitPrice: 3_000, per: 'period', amount: 6_000 },
      ],
    },
  },
  {
    title: 'an increase per second',
    policy: definePolicy({ proration: { unit: 'second' } }),
    request: { poolId: 'seats', total: 11 },
    plan: { dueNow: { amount: 1_500, currency: 'EUR' } },
  },
  {
    title: 'an increase needing a password',
    policy: definePolicy({ confirmation: 'password' }),
    request: { poolId: 'seats', total: 11 },
    plan: { confirmations: ['password'], result: 'applied', effectiveAt: now },
  },
  {
    title: 'an increase waiting for an e-signature, with no effective date yet',
    policy: signedContractLicenceTypes,
    viewerRole: 'financial-office',
    request: { poolId: 'seats', delta: 1 },
    plan: { confirmations: ['e-signature'], result: 'pending-signature', effectiveAt: null },
  },
  {
    title:
      'an increase of a daily pool: each day left now, today included, and every day of the next period',
    pool: { ...monthly, term: 'daily', unitPrice: 200 },
    request: { poolId: 'seats', total: 11 },
    plan: {
      // 15 days of November are left; December, the next invoice's period, has 31.
      dueNow: { amount: 200 * 15, currency: 'EUR' },
      nextInvoiceChange: { amount: 200 * 31, currency: 'EUR' },
      lines: [
        {
          kind: 'prorated-charge',
          quantity: 1,
          unitPrice: 200,
          fraction: { unit: 'day', remaining: 15, total: 30 },
          amount: 200 * 15,
          per: 'day',
        },
        { kind: 'recurring-change', quantity: 1, unitPrice: 200, per: 'day', amount: 200 },
      ],
    },
  },
  {
    title: 'an increase of contracted licences, with the commitment until the contract ends',
    account: contracted,
    pool: { ...monthly, term: 'contracted' },
    request: { poolId: 'seats', total: 11 },
    plan: {
      dueNow: { amount: 1_500, currency: 'EUR' },
      lines: [
        {
          kind: 'prorated-charge',
          quantity: 1,
          unitPrice: 3_000,
          fraction: { unit: 'day', remaining: 15, total: 30 },
          amount: 1_500,
        },
        { kind: 'recurring-change', quantity: 1, unitPrice: 3_000, per: 'period', amount: 3_000 },
        // 15 of November's 30 days, then the twelve whole months to 1 December 2027 at 30.00 each.
        { kind: 'commitment', quantity: 1, until: contractEnd, amount: 1_500 + 12 * 3_000 },
      ],
    },
  },
  {
    title: 'an increase of contracted licences ending with the period: no commitment line',
    pool: { ...monthly, term: 'contracted' },
    request: { poolId: 'seats', total: 11 },
    plan: {
      lines: [
        {
          kind: 'prorated-charge',
          quantity: 1,
          unitPrice: 3_000,
          fraction: { unit: 'day', remaining: 15, total: 30 },
          amount: 1_500,
        },
        { kind: 'recurring-change', quantity: 1, unitPrice: 3_000, per: 'period', amount: 3_000 },
      ],
    },
  },
  {
    title: 'a decrease at the period end, scheduled, nothing credited',
    used: 5,
    request: { poolId: 'seats', total: 7 },
    plan: {
      kind: 'decrease',
      from: 10,
      to: 7,
      delta: -3,
      removed: 3,
      effectiveAt: periodEnd,
      result: 'scheduled',
      confirmations: [],
      dueNow: { amount: 0, currency: 'EUR' },
      nextInvoiceChange: { amount: -9_000, currency: 'EUR' },
      lines: [
        { kind: 'recurring-change', quantity: -3, unitPrice: 3_000, per: 'period', amount: -9_000 },
      ],
    },
  },
  {
    title: 'a decrease to exactly the licences assigned',
    used: 7,
    request: { poolId: 'seats', total: 7 },
    plan: { kind: 'decrease', to: 7, result: 'scheduled' },
  },
  {
    title: 'an immediate decrease, applied now with a prorated credit due now',
    policy: definePolicy({ decrease: { mode: 'immediate' } }),
    used: 5,
    request: { poolId: 'seats', total: 8 },
    plan: {
      kind: 'decrease',
      effectiveAt: now,
      result: 'applied',
      dueNow: { amount: -3_000, currency: 'EUR' },
      nextInvoiceChange: { amount: -6_000, currency: 'EUR' },
      lines: [
        { kind: 'recurring-change', quantity: -2, unitPrice: 3_000, per: 'period', amount: -6_000 },
        {
          kind: 'prorated-credit',
          quantity: 2,
          unitPrice: 3_000,
          fraction: { unit: 'day', remaining: 15, total: 30 },
          amount: -3_000,
        },
      ],
    },
  },
  {
    title: 'an immediate decrease credited on the next invoice',
    policy: definePolicy({ decrease: { mode: 'immediate' }, charge: 'next-invoice' }),
    request: { poolId: 'seats', total: 8 },
    plan: {
      dueNow: { amount: 0, currency: 'EUR' },
      nextInvoiceChange: { amount: -6_000 - 3_000, currency: 'EUR' },
    },
  },
  {
    title: 'an immediate decrease without proration: no credit',
    policy: definePolicy({ decrease: { mode: 'immediate' }, proration: { unit: 'none' } }),
    request: { poolId: 'seats', total: 8 },
    plan: {
      dueNow: { amount: 0, currency: 'EUR' },
      lines: [
        { kind: 'recurring-change', quantity: -2, unitPrice: 3_000, per: 'period', amount: -6_000 },
      ],
    },
  },
  {
    title: 'an immediate decrease of a daily pool: each day left credited, today included',
    policy: definePolicy({ decrease: { mode: 'immediate' } }),
    pool: { ...monthly, term: 'daily', unitPrice: 200 },
    request: { poolId: 'seats', total: 9 },
    plan: {
      dueNow: { amount: -200 * 15, currency: 'EUR' },
      nextInvoiceChange: { amount: -200 * 31, currency: 'EUR' },
    },
  },
  {
    title: 'an immediate decrease of a daily pool without proration: its days left still credited',
    policy: definePolicy({ decrease: { mode: 'immediate' }, proration: { unit: 'none' } }),
    pool: { ...monthly, term: 'daily', unitPrice: 200 },
    request: { poolId: 'seats', total: 9 },
    plan: { dueNow: { amount: -200 * 15, currency: 'EUR' } },
  },
  {
    title: 'a restore of scheduled removals by new total: free now, billed again next invoice',
    pool: { ...monthly, scheduledRemoval: 3 },
    request: { poolId: 'seats', total: 9 },
    plan: {
      kind: 'restore',
      from: 7,
      to: 9,
      added: 0,
      restored: 2,
      effectiveAt: now,
      result: 'applied',
      confirmations: [],
      dueNow: { amount: 0, currency: 'EUR' },
      nextInvoiceChange: { amount: 6_000, currency: 'EUR' },
      lines: [
        { kind: 'restore', quantity: 2, amount: 0 },
        { kind: 'recurring-change', quantity: 2, unitPrice: 3_000, per: 'period', amount: 6_000 },
      ],
    },
  },
  {
    title: 'a restore needing no signature even where purchases do',
    policy: definePolicy({ confirmation: 'e-signature' }),
    pool: { ...monthly, scheduledRemoval: 3 },
    request: { poolId: 'seats', total: 8 },
    plan: { kind: 'restore', confirmations: [], result: 'applied', effectiveAt: now },
  },
  {
    title: 'an increase past the scheduled removals: restores them free, buys the rest',
    pool: { ...monthly, scheduledRemoval: 3 },
    request: { poolId: 'seats', total: 12 },
    plan: {
      kind: 'increase',
      from: 7,
      to: 12,
      restored: 3,
      added: 2,
      dueNow: { amount: 3_000, currency: 'EUR' },
      nextInvoiceChange: { amount: 15_000, currency: 'EUR' },
    },
  },
  {
    title: 'an increase where removals are final: buys every licence, restores none',
    policy: definePolicy({ decrease: { mode: 'period-end', restorable: false } }),
    pool: { ...monthly, scheduledRemoval: 3 },
    request: { poolId: 'seats', total: 8 },
    plan: { kind: 'increase', restored: 0, added: 1, dueNow: { amount: 1_500, currency: 'EUR' } },
  },
];
