import type { PoolUsage } from './describe-usage';
import type { AllowancePlan, AllowanceRequest, PlanIssue } from './plan-allowance-change';
import type { Confirmation, SeatPolicy } from './policy';

/** Whether a delta adds licences or removes them. */
export type DraftDirection = 'add' | 'remove';

/** A confirmation the admin gives with the commit (an e-signature comes after it). */
export type GivenConfirmation = Exclude<Confirmation, 'e-signature'>;

/** The confirmations sent with a commit, as `ChangeRequest.confirmations` carries them. */
export interface ConfirmationsGiven {
  termsAccepted?: boolean | undefined;
  password?: string | undefined;
}

/** What the admin has entered so far: the text of the field, the direction and the confirmations. */
export interface AllowanceDraftEntry {
  /** The number field's text, as typed. */
  value: string;
  /** For a delta: add or remove. Ignored for a total. */
  direction: DraftDirection;
  /** Whether the admin entered the number (a prefilled total asks for no quote until edited). */
  touched: boolean;
  termsAccepted: boolean;
  password: string;
}

/** Where a quote for the draft's request stands. */
export type DraftQuote =
  /** No quote asked for, or the request changed and the answer is not in yet. */
  | { status: 'idle' }
  | { status: 'loading' }
  /** The server planned the request. */
  | { status: 'planned'; plan: AllowancePlan }
  /** The server refused the request with these issues (`plan_invalid`). */
  | { status: 'invalid'; issues: PlanIssue[] }
  /** The quote failed for another reason (network, server): nothing to show as a field issue. */
  | { status: 'failed' };

export interface AllowanceDraftInput {
  /** The licence type being changed, as `describeUsage` sees it. */
  pool: PoolUsage;
  /** The policy's `changeInput`: a delta or a new total. */
  changeInput: SeatPolicy['changeInput'];
  entry: AllowanceDraftEntry;
  /** @default { status: 'idle' } */
  quote?: DraftQuote;
}

/** The state the quote area shows. */
export type AllowanceDraftState = 'idle' | 'loading' | 'invalid' | 'ready';

/**
 * A change of allowance being entered, described for any renderer: the request it makes, the
 * stepper's and the restore button's next entries, the field's issues and what still blocks the
 * submit. Pure: the same input always describes the same draft.
 */
export interface AllowanceDraft {
  input: SeatPolicy['changeInput'];
  direction: DraftDirection;
  /** The directions to choose between; empty when there is no choice (a total, or one allowed). */
  directions: DraftDirection[];
  /** The whole number in the field; `null` when it is empty or not a whole number. */
  number: number | null;
  /** What to quote; `null` until the admin entered a whole number. */
  request: AllowanceRequest | null;
  /** The entries one step down and up (a total's stepper); `null` for a delta. */
  steps: { decrement: AllowanceDraftEntry; increment: AllowanceDraftEntry } | null;
  /** The entry that gives back the licences scheduled for removal; `null` when none can be. */
  restore: { entry: AllowanceDraftEntry; count: number } | null;
  /** What is wrong with the number: typed locally, or as the server's quote refused it. */
  issues: PlanIssue[];
  /** The quoted plan for the current request. */
  plan: AllowancePlan | null;
  state: AllowanceDraftState;
  /** The confirmations the plan asks for that the admin gives (terms, password). */
  asks: GivenConfirmation[];
  /** Those still missing; the submit waits for them, and the server refuses without them. */
  missing: GivenConfirmation[];
  /** The confirmations to send with the commit. */
  confirmations: ConfirmationsGiven;
  /** Whether the quote can be committed now. */
  canSubmit: boolean;
}

export interface AllowanceDraftEntryOptions {
  pool: PoolUsage;
  changeInput: SeatPolicy['changeInput'];
  /** A prefilled number: licences to add, or the new total. A prefilled number is a request. */
  defaultValue?: number | undefined;
}

/** The entry a draft starts from: the prefilled number, else the next period's total, else empty. */
export function initialAllowanceDraftEntry({
  pool,
  changeInput,
  defaultValue,
}: AllowanceDraftEntryOptions): AllowanceDraftEntry {
  return {
    value:
      defaultValue !== undefined
        ? String(defaultValue)
        : changeInput === 'total'
          ? String(pool.nextPeriod)
          : '',
    direction: pool.increase.allowed || !pool.decrease.allowed ? 'add' : 'remove',
    touched: defaultValue !== undefined,
    termsAccepted: false,
    password: '',
  };
}

/** The entry after the admin typed `value` in the number field. */
export function enterDraftValue(entry: AllowanceDraftEntry, value: string): AllowanceDraftEntry {
  return { ...entry, value, touched: true };
}

/** The entry after the admin chose a direction; a request only once the field holds something. */
export function chooseDraftDirection(
  entry: AllowanceDraftEntry,
  direction: DraftDirection,
): AllowanceDraftEntry {
  return { ...entry, direction, touched: entry.value.trim() !== '' };
}

function parseWhole(value: string): number | null {
  return /^\s*-?\d+\s*$/.test(value) ? Number(value) : null;
}

/**
 * The confirmations `plan` asks for that `given` lacks, in the plan's order. The server refuses a
 * commit while any is missing, and the widgets keep the submit disabled: both call this.
 */
export function missingConfirmations(
  plan: Pick<AllowancePlan, 'confirmations'>,
  given: ConfirmationsGiven | undefined,
): GivenConfirmation[] {
  return plan.confirmations.filter((confirmation): confirmation is GivenConfirmation => {
    if (confirmation === 'terms') return given?.termsAccepted !== true;
    if (confirmation === 'password') return (given?.password ?? '') === '';
    return false;
  });
}

/** Describes the draft: see `AllowanceDraft`. */
export function describeAllowanceDraft({
  pool,
  changeInput,
  entry,
  quote = { status: 'idle' },
}: AllowanceDraftInput): AllowanceDraft {
  const number = parseWhole(entry.value);
  const request: AllowanceRequest | null =
    !entry.touched || number === null
      ? null
      : changeInput === 'total'
        ? { poolId: pool.poolId, total: number }
        : { poolId: pool.poolId, delta: entry.direction === 'remove' ? -number : number };
  const localIssue: PlanIssue | null =
    entry.touched && entry.value.trim() !== '' && number === null
      ? { field: changeInput, code: 'not-an-integer' }
      : null;
  const issues = localIssue
    ? [localIssue]
    : request !== null && quote.status === 'invalid'
      ? quote.issues
      : [];
  const plan = request !== null && quote.status === 'planned' ? quote.plan : null;
  const loading = request !== null && quote.status === 'loading';
  const asks = (plan?.confirmations ?? []).filter(
    (confirmation): confirmation is GivenConfirmation => confirmation !== 'e-signature',
  );
  const confirmations: ConfirmationsGiven = {
    ...(asks.includes('terms') ? { termsAccepted: entry.termsAccepted } : {}),
    ...(asks.includes('password') ? { password: entry.password } : {}),
  };
  const missing = plan === null ? [] : missingConfirmations(plan, confirmations);
  const step = (by: 1 | -1) => enterDraftValue(entry, String(Math.max(0, (number ?? 0) + by)));
  return {
    input: changeInput,
    direction: entry.direction,
    directions:
      changeInput === 'delta' && pool.increase.allowed && pool.decrease.allowed
        ? ['add', 'remove']
        : [],
    number,
    request,
    steps: changeInput === 'total' ? { decrement: step(-1), increment: step(1) } : null,
    restore:
      pool.restore.allowed && pool.scheduledRemoval > 0
        ? {
            count: pool.scheduledRemoval,
            entry: {
              ...enterDraftValue(
                entry,
                String(changeInput === 'total' ? pool.purchased : pool.scheduledRemoval),
              ),
              direction: 'add',
            },
          }
        : null,
    issues,
    plan,
    state: loading ? 'loading' : plan !== null ? 'ready' : issues.length > 0 ? 'invalid' : 'idle',
    asks,
    missing,
    confirmations,
    canSubmit: plan !== null && !loading && missing.length === 0,
  };
}
