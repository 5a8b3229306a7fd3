import type { Change, QuoteRequest, Summary } from '@seats/client';
import { isSeatsApiError, SeatsNetworkError } from '@seats/client';
import type { AllowancePlan, PlanIssue, PoolUsage } from '@seats/core';
import { Dialog } from 'radix-ui';
import {
  type ComponentPropsWithoutRef,
  type FormEvent,
  type KeyboardEvent,
  type ReactElement,
  useId,
  useState,
} from 'react';
import type { ChangeDirection } from './messages';
import { useSeats } from './seats-context';
import { seatsKeys } from './seats-query-options';
import { useCommitChange } from './use-commit-change';
import { useMembers } from './use-members';
import { useQuote } from './use-quote';
import { useSeatsSummary } from './use-seats-summary';

export interface AdjustAllowanceDialogProps
  extends Omit<ComponentPropsWithoutRef<'div'>, 'onChange' | 'defaultValue'> {
  /**
   * The licence type to change.
   * @default the first licence type
   */
  poolId?: string;
  /** Controlled open state. */
  open?: boolean;
  /** @default false */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** A prefilled number: licences to add, or the new total, as the policy's `changeInput` says. */
  defaultValue?: number;
  /** Called once a change is committed: applied, scheduled, or pending its e-signature. */
  onSuccess?: (change: Change) => void;
  /** Where the host lets the admin update the payment method; offered when a payment fails. */
  paymentMethodHref?: string;
  /**
   * Your own trigger element, rendered through Radix `asChild`.
   * @default a button labelled by the `adjustTrigger` message
   */
  children?: ReactElement;
  /** Render no trigger: for a dialog opened only through `open`. @default false */
  hideTrigger?: boolean;
  /** @default 300 */
  debounceMs?: number;
}

/**
 * Change a licence type's allowance as the account's policy says: input as a delta or a new total,
 * a live server quote, decreases and restores, confirmations, and a commit that is safe to retry.
 */
export function AdjustAllowanceDialog({
  poolId,
  open,
  defaultOpen = false,
  onOpenChange,
  defaultValue,
  onSuccess,
  paymentMethodHref,
  children,
  hideTrigger = false,
  debounceMs,
  ...props
}: AdjustAllowanceDialogProps) {
  const { messages: t, format, dir } = useSeats();
  const summary = useSeatsSummary();
  const explanationId = useId();
  const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen);
  const isOpen = open ?? uncontrolledOpen;
  const setOpen = (next: boolean) => {
    if (open === undefined) setUncontrolledOpen(next);
    onOpenChange?.(next);
  };
  const data = summary.data;
  const pool =
    data === undefined
      ? undefined
      : poolId === undefined
        ? data.usage.pools[0]
        : data.usage.pools.find((candidate) => candidate.poolId === poolId);
  if (data === undefined || pool === undefined) return null;
  const input = data.policy.changeInput;
  const label = t.adjustTrigger({ input, pool: pool.name, term: pool.term }, format);

  let trigger: ReactElement | null = null;
  if (!hideTrigger && pool.adjust === 'shown') {
    trigger = (
      <Dialog.Trigger asChild>
        {children ?? (
          <button type="button" data-seats="adjust-trigger" data-part="trigger">
            {label}
          </button>
        )}
      </Dialog.Trigger>
    );
  } else if (!hideTrigger && pool.adjust === 'explained') {
    const roles = data.policy.permissions.changeAllowance.map((role) =>
      t.roleName({ role }, format),
    );
    trigger = (
      <span data-seats="adjust-trigger" data-state="explained" dir={dir}>
        <button
          type="button"
          data-part="trigger"
          aria-disabled="true"
          aria-describedby={explanationId}
        >
          {label}
        </button>{' '}
        <span id={explanationId} data-part="explanation">
          {t.adjustExplained({ roles }, format)}
        </span>
      </span>
    );
  }

  return (
    <Dialog.Root open={isOpen} onOpenChange={setOpen}>
      {trigger}
      <Dialog.Portal>
        <Dialog.Overlay data-seats="overlay" data-part="overlay" />
        <Dialog.Content
          {...props}
          dir={dir}
          data-seats="adjust"
          data-part="content"
          data-pool={pool.poolId}
        >
          <Dialog.Title data-part="title">
            {t.adjustTitle({ pool: pool.name }, format)}
          </Dialog.Title>
          <AdjustForm
            summary={data}
            pool={pool}
            defaultValue={defaultValue}
            debounceMs={debounceMs}
            paymentMethodHref={paymentMethodHref}
            onCommitted={(change) => {
              onSuccess?.(change);
              if (change.status === 'applied') setOpen(false);
            }}
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function parseWhole(value: string): number | null {
  return /^\s*-?\d+\s*$/.test(value) ? Number(value) : null;
}

interface AdjustFormProps {
  summary: Summary;
  pool: PoolUsage;
  defaultValue: number | undefined;
  debounceMs: number | undefined;
  paymentMethodHref: string | undefined;
  onCommitted: (change: Change) => void;
}

function AdjustForm({
  summary,
  pool,
  defaultValue,
  debounceMs,
  paymentMethodHref,
  onCommitted,
}: AdjustFormProps) {
  const { messages: t, format, queryClient, scope } = useSeats();
  const input = summary.policy.changeInput;
  const ids = {
    input: useId(),
    issues: useId(),
    status: useId(),
    terms: useId(),
    password: useId(),
  };
  const [direction, setDirection] = useState<ChangeDirection>(
    pool.increase.allowed || !pool.decrease.allowed ? 'add' : 'remove',
  );
  const [value, setValue] = useState(
    defaultValue !== undefined
      ? String(defaultValue)
      : input === 'total'
        ? String(pool.nextPeriod)
        : '',
  );
  const [touched, setTouched] = useState(defaultValue !== undefined);
  const [termsAccepted, setTermsAccepted] = useState(false);
  const [password, setPassword] = useState('');
  const [requotedFrom, setRequotedFrom] = useState<{ id: string; plan: AllowancePlan } | null>(
    null,
  );
  const [result, setResult] = useState<Change | null>(null);
  const commit = useCommitChange();

  const number = parseWhole(value);
  let request: QuoteRequest | null = null;
  if (touched && number !== null) {
    request =
      input === 'total'
        ? { poolId: pool.poolId, total: number }
        : { poolId: pool.poolId, delta: direction === 'remove' ? -number : number };
  }
  // A committed change moves the summary to a new version, and a quote for the same number would
  // now be refused (no change): quote again only once the admin edits the number, which resets it.
  const quote = useQuote(request, {
    ...(debounceMs === undefined ? {} : { debounceMs }),
    enabled: !commit.isPending && !commit.isSuccess,
  });
  const localIssue: PlanIssue | null =
    touched && value.trim() !== '' && number === null
      ? { field: input, code: 'not-an-integer' }
      : null;
  const quoteError = request === null ? null : quote.error;
  const issues: PlanIssue[] = localIssue
    ? [localIssue]
    : isSeatsApiError(quoteError, 'plan_invalid')
      ? (quoteError.problem?.issues ?? [])
      : [];
  const current = request !== null && !quote.isDebouncing ? quote.data : undefined;
  const plan = current?.plan ?? null;
  const loading = request !== null && (quote.isDebouncing || quote.isFetching) && !quoteError;
  const belowAssigned = issues.find((issue) => issue.code === 'below-assigned');

  const change = (next: string) => {
    setValue(next);
    setTouched(true);
    setRequotedFrom(null);
    commit.reset();
  };
  const step = (by: 1 | -1) => change(String(Math.max(0, (number ?? 0) + by)));
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      step(event.key === 'ArrowUp' ? 1 : -1);
    }
  };

  const needs = plan?.confirmations ?? [];
  const ready =
    plan !== null &&
    current !== undefined &&
    !loading &&
    (!needs.includes('terms') || termsAccepted) &&
    (!needs.includes('password') || password !== '');

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || current === undefined) return;
    try {
      const committed = await commit.submit({
        quoteId: current.id,
        confirmations: {
          ...(needs.includes('terms') ? { termsAccepted } : {}),
          ...(needs.includes('password') ? { password } : {}),
        },
      });
      if (committed.status !== 'applied') setResult(committed);
      onCommitted(committed);
    } catch (error) {
      if (isSeatsApiError(error, 'stale_version') || isSeatsApiError(error, 'quote_expired')) {
        setRequotedFrom({ id: current.id, plan: current.plan });
        await queryClient.invalidateQueries({ queryKey: seatsKeys.all(scope) });
      }
    }
  };

  if (result !== null) {
    return (
      <div data-part="result" data-state={result.status}>
        <Dialog.Description data-part="description" role="status">
          {t.success({ result: result.plan.result, plan: result.plan }, format)}
        </Dialog.Description>
        {result.status === 'pending-signature' && (
          <p data-part="signature">{t.signatureNotice(undefined, format)}</p>
        )}
        <div data-part="actions">
          <Dialog.Close data-part="close">{t.close(undefined, format)}</Dialog.Close>
        </div>
      </div>
    );
  }

  const error = commit.error;
  let errorText: string | null = null;
  if (
    error !== null &&
    !isSeatsApiError(error, 'stale_version') &&
    !isSeatsApiError(error, 'quote_expired')
  ) {
    if (isSeatsApiError(error, 'payment_failed')) errorText = t.paymentFailed(undefined, format);
    else if (isSeatsApiError(error, 'password_invalid'))
      errorText = t.passwordInvalid(undefined, format);
    else if (error instanceof SeatsNetworkError) errorText = t.networkError(undefined, format);
    else errorText = t.genericError({ message: error.message }, format);
  }
  const requoted =
    requotedFrom !== null && current !== undefined && current.id !== requotedFrom.id
      ? t.requoted({ before: requotedFrom.plan, after: current.plan }, format)
      : null;

  return (
    <form onSubmit={onSubmit} data-part="form" noValidate>
      <Dialog.Description data-part="description">
        {t.adjustDescription({ input, current: pool.nextPeriod }, format)}
      </Dialog.Description>
      {input === 'delta' && pool.increase.allowed && pool.decrease.allowed && (
        <div
          role="radiogroup"
          aria-label={t.inputLabel({ input: 'total', direction }, format)}
          data-part="direction"
        >
          {(['add', 'remove'] as const).map((option) => (
            <label
              key={option}
              data-part="direction-option"
              data-state={option === direction ? 'checked' : 'unchecked'}
            >
              <input
                type="radio"
                name={`${ids.input}-direction`}
                value={option}
                checked={option === direction}
                onChange={() => {
                  setDirection(option);
                  setTouched(value.trim() !== '');
                  setRequotedFrom(null);
                  commit.reset();
                }}
              />{' '}
              {t.direction({ direction: option }, format)}
            </label>
          ))}
        </div>
      )}
      <div data-part="field">
        <label htmlFor={ids.input} data-part="input-label">
          {t.inputLabel({ input, direction }, format)}
        </label>
        <div data-part="stepper">
          {input === 'total' && (
            <button
              type="button"
              data-part="decrement"
              aria-label={t.decrement(undefined, format)}
              aria-controls={ids.input}
              onClick={() => step(-1)}
            >
              −
            </button>
          )}
          <input
            id={ids.input}
            data-part="input"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={value}
            aria-invalid={issues.length > 0}
            aria-describedby={issues.length > 0 ? ids.issues : undefined}
            onChange={(event) => change(event.target.value)}
            onKeyDown={input === 'total' ? onKeyDown : undefined}
          />
          {input === 'total' && (
            <button
              type="button"
              data-part="increment"
              aria-label={t.increment(undefined, format)}
              aria-controls={ids.input}
              onClick={() => step(1)}
            >
              +
            </button>
          )}
        </div>
        {pool.restore.allowed && pool.scheduledRemoval > 0 && (
          <button
            type="button"
            data-part="restore"
            onClick={() => {
              setDirection('add');
              change(String(input === 'total' ? pool.purchased : pool.scheduledRemoval));
            }}
          >
            {t.restoreScheduled({ count: pool.scheduledRemoval }, format)}
          </button>
        )}
      </div>

      <div
        data-part="quote"
        aria-live="polite"
        aria-busy={loading}
        data-state={loading ? 'loading' : plan ? 'ready' : issues.length > 0 ? 'invalid' : 'idle'}
      >
        {issues.length > 0 && (
          <ul id={ids.issues} data-part="issues">
            {issues.map((issue) => (
              <li key={issue.code} data-part="issue" data-code={issue.code}>
                {t.planIssue({ issue }, format)}
              </li>
            ))}
          </ul>
        )}
        {belowAssigned !== undefined && <DeactivatePicker summary={summary} poolId={pool.poolId} />}
        {loading && <p data-part="quote-loading">{t.quoteLoading(undefined, format)}</p>}
        {!loading && quoteError !== null && issues.length === 0 && (
          <p data-part="quote-error">
            {quoteError instanceof SeatsNetworkError
              ? t.networkError(undefined, format)
              : t.genericError({ message: quoteError.message }, format)}
          </p>
        )}
        {!loading && plan !== null && <PlanView plan={plan} />}
      </div>

      {plan !== null && !loading && needs.includes('terms') && (
        <div data-part="terms">
          <input
            id={ids.terms}
            type="checkbox"
            checked={termsAccepted}
            onChange={(event) => setTermsAccepted(event.target.checked)}
          />{' '}
          <label htmlFor={ids.terms}>{t.termsLabel(undefined, format)}</label>
        </div>
      )}
      {plan !== null && !loading && needs.includes('password') && (
        <div data-part="password">
          <label htmlFor={ids.password}>{t.passwordLabel(undefined, format)}</label>
          <input
            id={ids.password}
            type="password"
            autoComplete="current-password"
            value={password}
            aria-invalid={isSeatsApiError(error, 'password_invalid')}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
      )}
      {plan !== null && !loading && needs.includes('e-signature') && (
        <p data-part="signature">{t.signatureNotice(undefined, format)}</p>
      )}

      {requoted !== null && (
        <p role="status" data-part="requoted">
          {requoted}
        </p>
      )}
      {errorText !== null && (
        <div
          role="alert"
          data-part="error"
          data-code={isSeatsApiError(error) ? error.code : undefined}
        >
          <p>{errorText}</p>
          {isSeatsApiError(error, 'payment_failed') && paymentMethodHref !== undefined && (
            <a href={paymentMethodHref} data-part="payment-method">
              {t.updatePaymentMethod(undefined, format)}
            </a>
          )}
        </div>
      )}

      <div data-part="actions">
        <Dialog.Close type="button" data-part="cancel">
          {t.cancel(undefined, format)}
        </Dialog.Close>
        <button
          type="submit"
          data-part="submit"
          aria-disabled={!ready || commit.isPending}
          data-state={commit.isPending ? 'pending' : ready ? 'ready' : 'disabled'}
        >
          {commit.isPending ? t.submitting(undefined, format) : t.submit({ plan }, format)}
        </button>
      </div>
    </form>
  );
}

function PlanView({ plan }: { plan: AllowancePlan }) {
  const { messages: t, format } = useSeats();
  const currency = plan.dueNow.currency;
  return (
    <div data-part="plan" data-kind={plan.kind} data-result={plan.result}>
      <ul data-part="lines">
        {plan.lines.map((line, index) => (
          // Lines have no id; their order is the plan's and fixed for one quote.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index} data-part="line" data-kind={line.kind}>
            {t.priceLine({ line, currency }, format)}
          </li>
        ))}
      </ul>
      <dl data-part="totals">
        <div data-part="due-now">
          <dt>{t.dueNow(undefined, format)}</dt>
          <dd>{format.money(plan.dueNow)}</dd>
        </div>
        <div data-part="next-invoice">
          <dt>{t.nextInvoiceChange(undefined, format)}</dt>
          <dd>{format.money(plan.nextInvoiceChange)}</dd>
        </div>
      </dl>
      <p data-part="effective">{t.effective({ plan }, format)}</p>
    </div>
  );
}

function DeactivatePicker({ summary, poolId }: { summary: Summary; poolId: string }) {
  const { messages: t, format, client, queryClient, scope } = useSeats();
  const members = useMembers({ poolId, consuming: true });
  const [busy, setBusy] = useState<string | null>(null);
  const inactive = summary.policy.statuses.find(
    (status) => !summary.policy.consumingStatuses.includes(status),
  );
  if (members.data === undefined || inactive === undefined) return null;
  return (
    <div data-part="deactivate">
      <p>{t.pickToDeactivate(undefined, format)}</p>
      <ul>
        {members.data.items.map((member) => (
          <li key={member.id}>
            <button
              type="button"
              data-part="deactivate-member"
              aria-disabled={busy !== null}
              onClick={async () => {
                if (busy !== null) return;
                setBusy(member.id);
                try {
                  await client.updateMember(member.id, { status: inactive });
                  await queryClient.invalidateQueries({ queryKey: seatsKeys.all(scope) });
                } finally {
                  setBusy(null);
                }
              }}
            >
              {t.deactivate({ name: member.name }, format)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
