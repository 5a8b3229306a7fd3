import type { Change, Quote } from '@seats/client';
import { isSeatsApiError, SeatsNetworkError } from '@seats/client';
import {
  type AllowanceDraft,
  type AllowanceDraftEntry,
  type AllowancePlan,
  chooseDraftDirection,
  type DraftDirection,
  type DraftQuote,
  describeAllowanceDraft,
  enterDraftValue,
  initialAllowanceDraftEntry,
  type PoolUsage,
  type SeatPolicy,
} from '@seats/core';
import { useRef, useState } from 'react';
import { useSeats } from './seats-context';
import { seatsKeys } from './seats-query-options';
import { useCommitSender, useSingleFlight } from './use-commit-sender';
import { usePendingCall } from './use-pending-call';
import { useQuote } from './use-quote';

export interface UseAllowanceDraftOptions {
  /** The licence type to change, as the summary's usage describes it. */
  pool: PoolUsage;
  /** The policy's `changeInput`. */
  changeInput: SeatPolicy['changeInput'];
  /** A prefilled number: licences to add, or the new total. */
  defaultValue?: number | undefined;
  /** @default 300 */
  debounceMs?: number | undefined;
  /** Called once a change is committed: applied, scheduled, or pending its e-signature. */
  onCommitted?: ((change: Change) => void) | undefined;
}

/** Why the last commit failed, for the message to show; `null` when there is nothing to say. */
export type AllowanceCommitProblem =
  /** `reason`: the payment provider's, as the server's problem `detail` carries it. */
  | { kind: 'payment-failed'; reason: string | null }
  | { kind: 'password-invalid' }
  | { kind: 'network' }
  | { kind: 'other'; message: string };

/** Why a quote failed other than a refusal of the number (which `draft.issues` holds). */
export type AllowanceQuoteProblem = { kind: 'network' } | { kind: 'other'; message: string };

function quoteProblemOf(error: Error): AllowanceQuoteProblem {
  return error instanceof SeatsNetworkError
    ? { kind: 'network' }
    : { kind: 'other', message: error.message };
}

function commitProblemOf(error: Error | null): AllowanceCommitProblem | null {
  // A stale or expired quote is quoted again at once: `requoted` says what changed.
  if (error === null || isSeatsApiError(error, 'stale_version')) return null;
  if (isSeatsApiError(error, 'quote_expired')) return null;
  if (isSeatsApiError(error, 'payment_failed'))
    return { kind: 'payment-failed', reason: error.problem?.detail ?? null };
  if (isSeatsApiError(error, 'password_invalid')) return { kind: 'password-invalid' };
  if (error instanceof SeatsNetworkError) return { kind: 'network' };
  return { kind: 'other', message: error.message };
}

/**
 * A change of allowance being entered, quoted and committed: `@seats/core`'s
 * `describeAllowanceDraft` over the entry, the debounced server quote and the retry-safe commit.
 * Renders nothing; the adjust dialog's parts show what it returns.
 */
export function useAllowanceDraft({
  pool,
  changeInput,
  defaultValue,
  debounceMs,
  onCommitted,
}: UseAllowanceDraftOptions) {
  const { queryClient, scope } = useSeats();
  const [entry, setEntry] = useState(() =>
    initialAllowanceDraftEntry({ pool, changeInput, defaultValue }),
  );
  const [requotedFrom, setRequotedFrom] = useState<Quote | null>(null);
  const [result, setResult] = useState<Change | null>(null);
  // The dialog shows the commit's state itself: the same commit as `useCommitChange`'s.
  const commit = usePendingCall(useCommitSender().send);
  const submitOnce = useSingleFlight(commit.run);
  const { request } = describeAllowanceDraft({ pool, changeInput, entry });
  // A committed change moves the summary to a new version, and a quote for the same number would
  // now be refused (no change): quote again only once the admin edits the number, which resets it.
  const quote = useQuote(request, {
    ...(debounceMs === undefined ? {} : { debounceMs }),
    enabled: !commit.isPending && !commit.isSuccess,
  });
  const quoteError = request === null ? null : quote.error;
  const current = request !== null && !quote.isDebouncing ? quote.data : undefined;
  let quoteState: DraftQuote = { status: 'idle' };
  if (quoteError !== null) {
    quoteState = isSeatsApiError(quoteError, 'plan_invalid')
      ? { status: 'invalid', issues: quoteError.problem?.issues ?? [] }
      : { status: 'failed' };
  } else if (quote.isDebouncing || quote.isFetching) quoteState = { status: 'loading' };
  else if (current !== undefined) quoteState = { status: 'planned', plan: current.plan };
  const draft: AllowanceDraft = describeAllowanceDraft({
    pool,
    changeInput,
    entry,
    quote: quoteState,
  });

  // While a new quote loads, the last one stays on screen (dimmed) instead of a blank.
  const lastPlan = useRef<AllowancePlan | null>(null);
  if (draft.plan !== null) lastPlan.current = draft.plan;
  else if (draft.state !== 'loading') lastPlan.current = null;

  const edit = (next: AllowanceDraftEntry) => {
    setEntry(next);
    setRequotedFrom(null);
    commit.reset();
  };

  const submit = async () => {
    if (!draft.canSubmit || current === undefined) return;
    try {
      const committed = await submitOnce({
        quoteId: current.id,
        confirmations: draft.confirmations,
      });
      if (committed.status !== 'applied') setResult(committed);
      onCommitted?.(committed);
    } catch (error) {
      if (isSeatsApiError(error, 'stale_version') || isSeatsApiError(error, 'quote_expired')) {
        setRequotedFrom(current);
        await queryClient.invalidateQueries({ queryKey: seatsKeys.all(scope) });
      }
    }
  };

  const requoted: { before: AllowancePlan; after: AllowancePlan } | null =
    requotedFrom !== null && current !== undefined && current.id !== requotedFrom.id
      ? { before: requotedFrom.plan, after: current.plan }
      : null;

  return {
    pool,
    entry,
    draft,
    /** Types `value` in the number field. */
    enter: (value: string) => edit(enterDraftValue(entry, value)),
    choose: (direction: DraftDirection) => edit(chooseDraftDirection(entry, direction)),
    step: (by: 'decrement' | 'increment') => {
      if (draft.steps !== null) edit(draft.steps[by]);
    },
    restore: () => {
      if (draft.restore !== null) edit(draft.restore.entry);
    },
    acceptTerms: (termsAccepted: boolean) => setEntry({ ...entry, termsAccepted }),
    // A new password clears the refusal of the last one, so a second refusal is said again.
    enterPassword: (password: string) => {
      setEntry({ ...entry, password });
      if (commit.error !== null) commit.reset();
    },
    submit,
    isSubmitting: commit.isPending,
    /** The code of the last commit's refusal, e.g. `payment_failed`. */
    commitCode: isSeatsApiError(commit.error) ? commit.error.code : null,
    commitProblem: commitProblemOf(commit.error),
    quoteProblem:
      quoteError !== null && quoteState.status === 'failed' ? quoteProblemOf(quoteError) : null,
    requoted,
    /** The plan to show: the quoted one, or the last one while the next is calculated. */
    shownPlan: draft.plan ?? lastPlan.current,
    /** Asks for the quote again after it failed. */
    retryQuote: () => void quote.refetch(),
    /** A committed change that is not applied yet (scheduled, or waiting for its e-signature). */
    result,
  };
}

/** What `useAllowanceDraft` returns. */
export type AllowanceDraftController = ReturnType<typeof useAllowanceDraft>;
