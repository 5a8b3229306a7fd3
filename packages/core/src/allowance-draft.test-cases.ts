import {
  type AllowanceDraft,
  type AllowanceDraftEntry,
  type AllowancePlan,
  type ConfirmationsGiven,
  type DraftQuote,
  definePolicy,
  deltaUpgradeAtLimit,
  describePool,
  type GivenConfirmation,
  type Pool,
  type PoolUsage,
  planAllowanceChange,
  resolvePermissions,
  type SeatPolicy,
  scheduledRemovalWithRestore,
} from './index';
import { defaults, monthly, selfServe } from './plan-allowance-change.test-cases';

function usageOf(policy: SeatPolicy, pool: Pool = monthly, used = 4): PoolUsage {
  const admin = policy.permissions.changeAllowance[0] ?? 'owner';
  return describePool(pool, used, selfServe, policy, resolvePermissions(policy, admin));
}

/** 10 monthly seats, 4 used: a total the default policy lets the owner raise and lower. */
export const totalPool = usageOf(definePolicy());
/** The same seats under a delta policy that may add and remove (removals at period end). */
export const deltaPool = usageOf(scheduledRemovalWithRestore);
/** A delta policy that only adds: no direction to choose. */
export const addOnlyPool = usageOf(deltaUpgradeAtLimit);
/** 10 seats of which 3 are scheduled for removal at period end, restorable. */
export const restorablePool = usageOf(scheduledRemovalWithRestore, {
  ...monthly,
  scheduledRemoval: 3,
});

const planned = planAllowanceChange({ ...defaults, request: { poolId: 'seats', total: 12 } });
/** A plan of 10 → 12 seats, asking for the given confirmations. */
export function planAsking(...confirmations: AllowancePlan['confirmations']): AllowancePlan {
  if (planned.status !== 'planned') throw new Error('the fixture plan must be planned');
  return { ...planned.plan, confirmations };
}

export const blankEntry: AllowanceDraftEntry = {
  value: '',
  direction: 'add',
  touched: false,
  termsAccepted: false,
  password: '',
};

export interface DraftCase {
  title: string;
  pool: PoolUsage;
  changeInput: 'delta' | 'total';
  entry: Partial<AllowanceDraftEntry>;
  quote?: DraftQuote;
  expected: Partial<AllowanceDraft>;
}

/** What the draft says for what was entered and how the quote stands. */
export const draftCases: DraftCase[] = [
  {
    title: 'asks nothing of a prefilled total the admin did not edit',
    pool: totalPool,
    changeInput: 'total',
    entry: { value: '10' },
    expected: { number: 10, request: null, issues: [], state: 'idle', canSubmit: false },
  },
  {
    title: 'makes a total request once the admin typed a number',
    pool: totalPool,
    changeInput: 'total',
    entry: { value: ' 12 ', touched: true },
    expected: { number: 12, request: { poolId: 'seats', total: 12 }, directions: [] },
  },
  {
    title: 'makes a negative delta when the admin removes',
    pool: deltaPool,
    changeInput: 'delta',
    entry: { value: '2', direction: 'remove', touched: true },
    expected: {
      request: { poolId: 'seats', delta: -2 },
      directions: ['add', 'remove'],
      steps: null,
    },
  },
  {
    title: 'offers no direction when the policy only adds',
    pool: addOnlyPool,
    changeInput: 'delta',
    entry: { value: '2', touched: true },
    expected: { request: { poolId: 'seats', delta: 2 }, directions: [] },
  },
  {
    title: 'reports text that is not a whole number on the field and asks no quote',
    pool: totalPool,
    changeInput: 'total',
    entry: { value: '1.5', touched: true },
    quote: { status: 'planned', plan: planAsking() },
    expected: {
      number: null,
      request: null,
      issues: [{ field: 'total', code: 'not-an-integer' }],
      plan: null,
      state: 'invalid',
      canSubmit: false,
    },
  },
  {
    title: 'reports nothing for an emptied field',
    pool: deltaPool,
    changeInput: 'delta',
    entry: { value: '  ', touched: true },
    expected: { number: null, request: null, issues: [], state: 'idle' },
  },
  {
    title: 'shows the issues the server found for the request',
    pool: totalPool,
    changeInput: 'total',
    entry: { value: '2', touched: true },
    quote: { status: 'invalid', issues: [{ field: 'total', code: 'below-assigned', limit: 4 }] },
    expected: {
      issues: [{ field: 'total', code: 'below-assigned', limit: 4 }],
      state: 'invalid',
      canSubmit: false,
    },
  },
  {
    title: 'is loading while the quote is on its way, and cannot be submitted',
    pool: totalPool,
    changeInput: 'total',
    entry: { value: '12', touched: true },
    quote: { status: 'loading' },
    expected: { state: 'loading', plan: null, canSubmit: false },
  },
  {
    title: 'shows nothing as a field issue when the quote failed for another reason',
    pool: totalPool,
    changeInput: 'total',
    entry: { value: '12', touched: true },
    quote: { status: 'failed' },
    expected: { state: 'idle', issues: [], canSubmit: false },
  },
  {
    title: 'can be submitted once a plan asking no confirmation is quoted',
    pool: totalPool,
    changeInput: 'total',
    entry: { value: '12', touched: true },
    quote: { status: 'planned', plan: planAsking() },
    expected: { state: 'ready', asks: [], missing: [], confirmations: {}, canSubmit: true },
  },
  {
    title: 'waits for the terms a plan asks for',
    pool: totalPool,
    changeInput: 'total',
    entry: { value: '12', touched: true },
    quote: { status: 'planned', plan: planAsking('terms') },
    expected: {
      asks: ['terms'],
      missing: ['terms'],
      confirmations: { termsAccepted: false },
      canSubmit: false,
    },
  },
  {
    title: 'sends the accepted terms and the password a plan asks for',
    pool: totalPool,
    changeInput: 'total',
    entry: { value: '12', touched: true, termsAccepted: true, password: 'secret' },
    quote: { status: 'planned', plan: planAsking('terms', 'password') },
    expected: {
      missing: [],
      confirmations: { termsAccepted: true, password: 'secret' },
      canSubmit: true,
    },
  },
  {
    title: 'sends no confirmation the plan does not ask for',
    pool: totalPool,
    changeInput: 'total',
    entry: { value: '12', touched: true, termsAccepted: true, password: 'secret' },
    quote: { status: 'planned', plan: planAsking('e-signature') },
    expected: { asks: [], confirmations: {}, canSubmit: true },
  },
  {
    title: 'steps a total by one, never below zero',
    pool: totalPool,
    changeInput: 'total',
    entry: { value: '0' },
    expected: {
      steps: {
        decrement: { ...blankEntry, value: '0', touched: true },
        increment: { ...blankEntry, value: '1', touched: true },
      },
    },
  },
  {
    title: 'steps an unreadable total from zero',
    pool: totalPool,
    changeInput: 'total',
    entry: { value: 'abc', touched: true },
    expected: {
      steps: {
        decrement: { ...blankEntry, value: '0', touched: true },
        increment: { ...blankEntry, value: '1', touched: true },
      },
    },
  },
  {
    title: 'restores the scheduled licences of a delta as an addition of their number',
    pool: restorablePool,
    changeInput: 'delta',
    entry: { value: '1', direction: 'remove', touched: true },
    expected: {
      restore: { count: 3, entry: { ...blankEntry, value: '3', touched: true, direction: 'add' } },
    },
  },
  {
    title: 'restores the scheduled licences of a total as the purchased total',
    pool: restorablePool,
    changeInput: 'total',
    entry: { value: '7' },
    expected: {
      restore: { count: 3, entry: { ...blankEntry, value: '10', touched: true } },
    },
  },
  {
    title: 'offers no restore when nothing is scheduled for removal',
    pool: deltaPool,
    changeInput: 'delta',
    entry: {},
    expected: { restore: null },
  },
];

export interface MissingCase {
  title: string;
  asks: AllowancePlan['confirmations'];
  given: ConfirmationsGiven | undefined;
  missing: GivenConfirmation[];
}

/** What a commit lacks, as the server and the widgets both decide it. */
export const missingCases: MissingCase[] = [
  { title: 'nothing when the plan asks nothing', asks: [], given: undefined, missing: [] },
  { title: 'the terms when none were sent', asks: ['terms'], given: undefined, missing: ['terms'] },
  {
    title: 'the terms when they were declined',
    asks: ['terms'],
    given: { termsAccepted: false },
    missing: ['terms'],
  },
  {
    title: 'an empty password',
    asks: ['password'],
    given: { password: '' },
    missing: ['password'],
  },
  {
    title: 'both, in the plan order',
    asks: ['password', 'terms'],
    given: {},
    missing: ['password', 'terms'],
  },
  {
    title: 'nothing for an e-signature, which follows the commit',
    asks: ['e-signature'],
    given: undefined,
    missing: [],
  },
  {
    title: 'nothing once both were given',
    asks: ['terms', 'password'],
    given: { termsAccepted: true, password: 'x' },
    missing: [],
  },
];
