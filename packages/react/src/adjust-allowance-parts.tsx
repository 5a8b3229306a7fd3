import { composeEventHandlers } from '@radix-ui/primitive';
import { Slot } from '@radix-ui/react-slot';
import type { Change, FullSummary } from '@seats/client';
import { describePlanPrice, describeUnitPrice, type PoolUsage } from '@seats/core';
import {
  type ComponentPropsWithoutRef,
  createContext,
  forwardRef,
  type ReactNode,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
// Each `data-part` name `satisfies Part`: checked against the anatomy, a plain string in the bundle.
import type { AdjustAllowancePart as Part } from './adjust-allowance-anatomy';
import { MemberPicker } from './member-picker';
import { useRequiredContext, useSeats } from './seats-context';
import {
  DialogClose,
  DialogContent,
  type DialogContentProps,
  DialogDescription,
  DialogRoot,
  DialogTitle,
  useDialogTrigger,
} from './seats-dialog';
import { type AllowanceDraftController, useAllowanceDraft } from './use-allowance-draft';
import { useControllableState } from './use-controllable-state';
import { useSeatsMessages } from './use-seats-messages';
import { useSeatsSummary } from './use-seats-summary';

interface RootContextValue {
  /** The last change committed through this dialog, for the status line. */
  committed: Change | null;
  summary: FullSummary;
  pool: PoolUsage;
  defaultValue: number | undefined;
  debounceMs: number | undefined;
  paymentMethodHref: string | undefined;
  termsHref: string | undefined;
  onCommitted: (change: Change) => void;
}

/** The draft of the open dialog, with the ids that tie its parts together. */
export interface AdjustAllowanceContextValue extends AllowanceDraftController {
  summary: FullSummary;
  paymentMethodHref: string | undefined;
  termsHref: string | undefined;
  ids: {
    input: string;
    issues: string;
    terms: string;
    password: string;
    passwordError: string;
    error: string;
    submitHint: string;
  };
}

const RootContext = createContext<RootContextValue | null>(null);
const DraftContext = createContext<AdjustAllowanceContextValue | null>(null);
/** Whether the submit hint is on the page: the submit names it as its description only then. */
const SubmitHintContext = createContext<[boolean, (shown: boolean) => void]>([false, () => {}]);

function useRoot(user: string): RootContextValue {
  return useRequiredContext(RootContext, user, 'AdjustAllowanceRoot');
}

/**
 * The draft of the open adjust dialog: what `useAllowanceDraft` returns, for a host's own parts.
 * Throws outside `AdjustAllowanceContent`.
 */
export function useAdjustAllowance(user = 'useAdjustAllowance'): AdjustAllowanceContextValue {
  return useRequiredContext(DraftContext, user, 'AdjustAllowanceContent');
}

export interface AdjustAllowanceRootProps {
  /**
   * The licence type to change.
   * @default the first licence type
   */
  poolId?: string | undefined;
  /** Controlled open state. */
  open?: boolean | undefined;
  /** @default false */
  defaultOpen?: boolean | undefined;
  onOpenChange?: ((open: boolean) => void) | undefined;
  /** A prefilled number: licences to add, or the new total, as the policy's `changeInput` says. */
  defaultValue?: number | undefined;
  /** Called once a change is committed: applied, scheduled, or pending its e-signature. */
  onSuccess?: ((change: Change) => void) | undefined;
  /** Where the host lets the admin update the payment method; offered when a payment fails. */
  paymentMethodHref?: string | undefined;
  /**
   * The terms the admin accepts when the policy asks for them (`confirmation: 'terms'`); linked
   * beside the checkbox, opening in a new tab so the draft stays. The policy carries no address.
   */
  termsHref?: string | undefined;
  /** @default 300 */
  debounceMs?: number | undefined;
  /** Where focus goes when the dialog closes and it has no trigger (opened through `open`). */
  returnFocus?: (() => HTMLElement | null | undefined) | undefined;
  children?: ReactNode;
}

/**
 * The adjust dialog's state: the summary, the licence type and the open state. Renders nothing
 * until the summary is loaded. An applied change closes it.
 */
export function AdjustAllowanceRoot({
  poolId,
  open,
  defaultOpen = false,
  onOpenChange,
  defaultValue,
  onSuccess,
  paymentMethodHref,
  termsHref,
  debounceMs,
  returnFocus,
  children,
}: AdjustAllowanceRootProps) {
  const summary = useSeatsSummary();
  const [isOpen, setOpen] = useControllableState({
    prop: open,
    defaultProp: defaultOpen,
    onChange: onOpenChange,
  });
  const [committed, setCommitted] = useState<Change | null>(null);
  // A limited summary is a role's that may not see licences: it has no allowance to adjust.
  const data = summary.data?.access === 'full' ? summary.data : undefined;
  const pool =
    poolId === undefined
      ? data?.usage.pools[0]
      : data?.usage.pools.find((candidate) => candidate.poolId === poolId);
  if (data === undefined || pool === undefined) return null;
  const value: RootContextValue = {
    committed,
    summary: data,
    pool,
    defaultValue,
    debounceMs,
    paymentMethodHref,
    termsHref,
    onCommitted: (change) => {
      setCommitted(change);
      onSuccess?.(change);
      if (change.status === 'applied') setOpen(false);
    },
  };
  return (
    <DialogRoot open={isOpen} setOpen={setOpen} returnFocus={returnFocus}>
      <RootContext.Provider value={value}>{children}</RootContext.Provider>
    </DialogRoot>
  );
}

export interface AdjustAllowanceTriggerProps extends ComponentPropsWithoutRef<'button'> {
  /** Render the host's own element (its only child) as the trigger. @default false */
  asChild?: boolean;
}

/**
 * Opens the dialog. Shown, explained (disabled, with the roles that may) or absent, as the
 * policy's `permissions.withoutPermission` and the viewer's role say.
 */
export const AdjustAllowanceTrigger = forwardRef<HTMLButtonElement, AdjustAllowanceTriggerProps>(
  function AdjustAllowanceTrigger({ asChild = false, children, onClick, ...props }, ref) {
    const { format, dir } = useSeats();
    const t = useSeatsMessages();
    const { summary, pool } = useRoot('AdjustAllowanceTrigger');
    const explanationId = useId();
    const { open, ...trigger } = useDialogTrigger(ref);
    const label = t.adjustTrigger(
      { input: summary.policy.changeInput, pool: pool.name, term: pool.term },
      format,
    );
    if (pool.adjust === 'shown') {
      const Component = asChild ? Slot : 'button';
      return (
        <Component
          {...(asChild ? {} : { type: 'button' as const })}
          data-seats="adjust-trigger"
          data-part={'trigger' satisfies Part}
          {...trigger}
          {...props}
          onClick={composeEventHandlers(onClick, open)}
        >
          {children ?? label}
        </Component>
      );
    }
    if (pool.adjust !== 'explained') return null;
    const roles = summary.policy.permissions.changeAllowance.map((role) =>
      t.roleName({ role }, format),
    );
    return (
      <span data-seats="adjust-trigger" data-state="explained" dir={dir}>
        <button
          type="button"
          data-part={'trigger' satisfies Part}
          aria-disabled="true"
          aria-describedby={explanationId}
          {...props}
          ref={ref}
        >
          {label}
        </button>{' '}
        <span id={explanationId} data-part={'explanation' satisfies Part}>
          {t.adjustExplained({ roles }, format)}
        </span>
      </span>
    );
  },
);

/** The dialog (in a portal, over an overlay); its draft lives as long as it is open. */
export const AdjustAllowanceContent = forwardRef<HTMLDivElement, DialogContentProps>(
  function AdjustAllowanceContent({ children, onOpenAutoFocus, ...props }, ref) {
    const { dir } = useSeats();
    const root = useRoot('AdjustAllowanceContent');
    return (
      <DialogContent
        overlay={'overlay' satisfies Part}
        dir={dir}
        data-seats="adjust"
        data-part={'content' satisfies Part}
        data-pool={root.pool.poolId}
        {...props}
        ref={ref}
        onOpenAutoFocus={composeEventHandlers(onOpenAutoFocus, (event) => {
          // Focus starts in the number field, not on the stepper or the direction before it.
          const field = (event.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>(
            `[data-part="${'input' satisfies Part}"]`,
          );
          if (field) {
            event.preventDefault();
            field.focus();
          }
        })}
      >
        <DraftProvider root={root}>{children}</DraftProvider>
      </DialogContent>
    );
  },
);

function DraftProvider({ root, children }: { root: RootContextValue; children: ReactNode }) {
  const controller = useAllowanceDraft({
    pool: root.pool,
    changeInput: root.summary.policy.changeInput,
    defaultValue: root.defaultValue,
    debounceMs: root.debounceMs,
    onCommitted: root.onCommitted,
  });
  const ids = {
    input: useId(),
    issues: useId(),
    terms: useId(),
    password: useId(),
    passwordError: useId(),
    error: useId(),
    submitHint: useId(),
  };
  const value = {
    ...controller,
    summary: root.summary,
    paymentMethodHref: root.paymentMethodHref,
    termsHref: root.termsHref,
    ids,
  };
  const hint = useState(false);
  return (
    <DraftContext.Provider value={value}>
      <SubmitHintContext.Provider value={hint}>{children}</SubmitHintContext.Provider>
    </DraftContext.Provider>
  );
}

/** The dialog's title: the licence type being changed. */
export const AdjustAllowanceTitle = forwardRef<HTMLHeadingElement, ComponentPropsWithoutRef<'h2'>>(
  function AdjustAllowanceTitle({ children, ...props }, ref) {
    const { format } = useSeats();
    const t = useSeatsMessages();
    const { pool } = useRoot('AdjustAllowanceTitle');
    return (
      <DialogTitle data-part={'title' satisfies Part} {...props} ref={ref}>
        {children ?? t.adjustTitle({ pool: pool.name }, format)}
      </DialogTitle>
    );
  },
);

/** What to enter, and how many licences there are today. */
export const AdjustAllowanceDescription = forwardRef<
  HTMLParagraphElement,
  ComponentPropsWithoutRef<'p'>
>(function AdjustAllowanceDescription({ children, ...props }, ref) {
  const { format } = useSeats();
  const t = useSeatsMessages();
  const { draft, pool } = useAdjustAllowance('AdjustAllowanceDescription');
  return (
    <DialogDescription data-part={'description' satisfies Part} {...props} ref={ref}>
      {children ?? t.adjustDescription({ input: draft.input, current: pool.nextPeriod }, format)}
    </DialogDescription>
  );
});

/** The form the entry parts sit in; submits the quote. Gives way to the result once committed. */
export const AdjustAllowanceForm = forwardRef<HTMLFormElement, ComponentPropsWithoutRef<'form'>>(
  function AdjustAllowanceForm({ onSubmit, ...props }, ref) {
    const controller = useAdjustAllowance('AdjustAllowanceForm');
    if (controller.result !== null) return null;
    return (
      <form
        data-part={'form' satisfies Part}
        noValidate
        {...props}
        ref={ref}
        onSubmit={composeEventHandlers(onSubmit, (event) => {
          event.preventDefault();
          void controller.submit();
        })}
      />
    );
  },
);

/** Add or remove, for a delta policy that allows both; nothing otherwise. */
export const AdjustAllowanceDirection = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(
  function AdjustAllowanceDirection(props, ref) {
    const { format } = useSeats();
    const t = useSeatsMessages();
    const { draft, choose, ids } = useAdjustAllowance('AdjustAllowanceDirection');
    if (draft.directions.length === 0) return null;
    return (
      <div
        role="radiogroup"
        aria-label={t.directionLabel(undefined, format)}
        data-part={'direction' satisfies Part}
        {...props}
        ref={ref}
      >
        {draft.directions.map((option) => (
          <label
            key={option}
            data-part={'direction-option' satisfies Part}
            data-state={option === draft.direction ? 'checked' : 'unchecked'}
          >
            <input
              type="radio"
              name={`${ids.input}-direction`}
              value={option}
              checked={option === draft.direction}
              onChange={() => choose(option)}
            />{' '}
            {t.direction({ direction: option }, format)}
          </label>
        ))}
      </div>
    );
  },
);

/**
 * The number: licences to add or remove, or the new total with a stepper (arrow keys step too).
 * Children render after the stepper, e.g. `AdjustAllowanceRestore`.
 */
export const AdjustAllowanceQuantity = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(
  function AdjustAllowanceQuantity({ children, ...props }, ref) {
    const { format } = useSeats();
    const t = useSeatsMessages();
    const { draft, entry, enter, step, ids, pool, summary } =
      useAdjustAllowance('AdjustAllowanceQuantity');
    const hasIssues = draft.issues.length > 0;
    return (
      <div data-part={'field' satisfies Part} {...props} ref={ref}>
        <label htmlFor={ids.input} data-part={'input-label' satisfies Part}>
          {t.inputLabel({ input: draft.input, direction: draft.direction }, format)}
        </label>
        <div data-part={'stepper' satisfies Part}>
          {draft.steps !== null && (
            <button
              type="button"
              data-part={'decrement' satisfies Part}
              aria-label={t.decrement(undefined, format)}
              aria-controls={ids.input}
              onClick={() => step('decrement')}
            >
              −
            </button>
          )}
          <input
            id={ids.input}
            data-part={'input' satisfies Part}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={entry.value}
            aria-invalid={hasIssues}
            aria-describedby={hasIssues ? ids.issues : undefined}
            onChange={(event) => enter(event.target.value)}
            onKeyDown={(event) => {
              if (draft.steps === null) return;
              if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
              event.preventDefault();
              step(event.key === 'ArrowUp' ? 'increment' : 'decrement');
            }}
          />
          {draft.steps !== null && (
            <button
              type="button"
              data-part={'increment' satisfies Part}
              aria-label={t.increment(undefined, format)}
              aria-controls={ids.input}
              onClick={() => step('increment')}
            >
              +
            </button>
          )}
        </div>
        <p data-part={'unit-price' satisfies Part}>
          {t.unitPrice(
            {
              ...describeUnitPrice(pool, summary.account, summary.policy),
              currency: summary.account.currency,
            },
            format,
          )}
        </p>
        {children}
      </div>
    );
  },
);

/** Gives back the licences scheduled for removal; nothing when none can be. */
export const AdjustAllowanceRestore = forwardRef<
  HTMLButtonElement,
  ComponentPropsWithoutRef<'button'>
>(function AdjustAllowanceRestore({ onClick, children, ...props }, ref) {
  const { format } = useSeats();
  const t = useSeatsMessages();
  const { draft, restore } = useAdjustAllowance('AdjustAllowanceRestore');
  if (draft.restore === null) return null;
  return (
    <button
      type="button"
      data-part={'restore' satisfies Part}
      {...props}
      ref={ref}
      onClick={composeEventHandlers(onClick, restore)}
    >
      {children ?? t.restoreScheduled({ count: draft.restore.count }, format)}
    </button>
  );
});

/**
 * The live quote: the issues with the number (and whom to deactivate below what is assigned),
 * the priced plan (the last one, dimmed, while the next is calculated), or a failure with a retry.
 */
export const AdjustAllowanceQuote = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(
  function AdjustAllowanceQuote(props, ref) {
    const { format } = useSeats();
    const t = useSeatsMessages();
    const { draft, quoteProblem, retryQuote, shownPlan, pool, ids } =
      useAdjustAllowance('AdjustAllowanceQuote');
    const isLoading = draft.state === 'loading';
    return (
      <div
        aria-live="polite"
        aria-busy={isLoading}
        data-part={'quote' satisfies Part}
        data-state={draft.state}
        {...props}
        ref={ref}
      >
        {draft.issues.length > 0 && (
          <ul id={ids.issues} data-part={'issues' satisfies Part}>
            {draft.issues.map((issue) => (
              <li key={issue.code} data-part={'issue' satisfies Part} data-code={issue.code}>
                {t.planIssue({ issue }, format)}
              </li>
            ))}
          </ul>
        )}
        {draft.issues.some((issue) => issue.code === 'below-assigned') && (
          <MemberPicker
            poolId={pool.poolId}
            purpose="decrease"
            prompt={t.pickToDeactivate(undefined, format)}
          />
        )}
        {isLoading && shownPlan === null && (
          <p data-part={'quote-loading' satisfies Part}>{t.quoteLoading(undefined, format)}</p>
        )}
        {quoteProblem !== null && (
          <p data-part={'quote-error' satisfies Part}>
            {quoteProblem.kind === 'network'
              ? t.networkError(undefined, format)
              : t.genericError({ message: quoteProblem.message }, format)}{' '}
            <button type="button" data-part={'quote-retry' satisfies Part} onClick={retryQuote}>
              {t.retry(undefined, format)}
            </button>
          </p>
        )}
        {shownPlan !== null && <AdjustAllowancePlan />}
      </div>
    );
  },
);

/**
 * The quoted plan as a price summary: what is due today and for which days, the next invoice
 * from what to what, each in one column of amounts that adds up to its total; and when it applies.
 */
export const AdjustAllowancePlan = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(
  function AdjustAllowancePlan(props, ref) {
    const { format } = useSeats();
    const t = useSeatsMessages();
    const { shownPlan: plan, summary } = useAdjustAllowance('AdjustAllowancePlan');
    if (plan === null) return null;
    const price = describePlanPrice({ plan, period: summary.account.billingPeriod });
    const { currency, dueNow, nextInvoice, commitment } = price;
    const money = (amount: number) => format.money({ amount, currency });
    const rows = (list: typeof dueNow.rows) => (
      <ul data-part={'lines' satisfies Part}>
        {list.map((row, index) => (
          // Rows have no id; their order is the plan's and fixed for one quote.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index} data-part={'line' satisfies Part} data-kind={row.kind}>
            <span data-part={'line-label' satisfies Part}>
              {t.priceLine({ row, currency }, format)}
            </span>
            <span data-part={'amount' satisfies Part}>{money(row.amount)}</span>
          </li>
        ))}
      </ul>
    );
    return (
      <div
        data-part={'plan' satisfies Part}
        data-kind={plan.kind}
        data-result={plan.result}
        {...props}
        ref={ref}
      >
        <section data-part={'due-now' satisfies Part}>
          <h3 data-part={'price-heading' satisfies Part}>
            {t.dueNow({ from: dueNow.from, until: dueNow.until }, format)}
          </h3>
          {rows(dueNow.rows)}
          <p data-part={'total' satisfies Part}>
            <span>{t.dueNowTotal(undefined, format)}</span>
            <span data-part={'amount' satisfies Part}>{money(dueNow.total)}</span>
          </p>
        </section>
        <section data-part={'next-invoice' satisfies Part}>
          <h3 data-part={'price-heading' satisfies Part}>
            {t.nextInvoice(
              {
                at: nextInvoice.at,
                before: nextInvoice.before === null ? null : money(nextInvoice.before),
                after: nextInvoice.after === null ? null : money(nextInvoice.after),
              },
              format,
            )}
          </h3>
          {rows(nextInvoice.rows)}
          <p data-part={'total' satisfies Part}>
            <span>{t.nextInvoiceChange(undefined, format)}</span>
            <span data-part={'amount' satisfies Part}>{money(nextInvoice.change)}</span>
          </p>
        </section>
        {commitment !== null && (
          <p data-part={'commitment' satisfies Part}>
            {t.commitment({ until: commitment.until, amount: money(commitment.amount) }, format)}
          </p>
        )}
        <p data-part={'effective' satisfies Part}>{t.effective({ plan }, format)}</p>
      </div>
    );
  },
);

/** The terms, the password and the e-signature notice the quoted plan asks for. */
export const AdjustAllowanceConfirmations = forwardRef<
  HTMLDivElement,
  ComponentPropsWithoutRef<'div'>
>(function AdjustAllowanceConfirmations(props, ref) {
  const { format } = useSeats();
  const t = useSeatsMessages();
  const { draft, entry, acceptTerms, enterPassword, commitProblem, ids, termsHref } =
    useAdjustAllowance('AdjustAllowanceConfirmations');
  const passwordRef = useRef<HTMLInputElement | null>(null);
  const isPasswordInvalid = commitProblem?.kind === 'password-invalid';
  useEffect(() => {
    // The server refused the password: the admin types it again where it goes.
    if (isPasswordInvalid) passwordRef.current?.focus();
  }, [isPasswordInvalid]);
  const plan = draft.state === 'ready' ? draft.plan : null;
  if (plan === null || plan.confirmations.length === 0) return null;
  return (
    <div data-part={'confirmations' satisfies Part} {...props} ref={ref}>
      {draft.asks.includes('terms') && (
        <div data-part={'terms' satisfies Part}>
          <input
            id={ids.terms}
            type="checkbox"
            checked={entry.termsAccepted}
            onChange={(event) => acceptTerms(event.target.checked)}
          />{' '}
          <label htmlFor={ids.terms}>{t.termsLabel(undefined, format)}</label>
          {termsHref !== undefined && (
            <>
              {' '}
              <a
                href={termsHref}
                target="_blank"
                rel="noopener noreferrer"
                data-part={'terms-link' satisfies Part}
              >
                {t.termsLink(undefined, format)}
              </a>
            </>
          )}
        </div>
      )}
      {draft.asks.includes('password') && (
        <div data-part={'password' satisfies Part}>
          <label htmlFor={ids.password}>{t.passwordLabel(undefined, format)}</label>
          <input
            id={ids.password}
            type="password"
            autoComplete="current-password"
            value={entry.password}
            aria-invalid={isPasswordInvalid}
            aria-describedby={isPasswordInvalid ? ids.passwordError : undefined}
            ref={passwordRef}
            onChange={(event) => enterPassword(event.target.value)}
          />
          {isPasswordInvalid && (
            <p role="alert" id={ids.passwordError} data-part={'password-error' satisfies Part}>
              {t.passwordInvalid(undefined, format)}
            </p>
          )}
        </div>
      )}
      {plan.confirmations.includes('e-signature') && (
        <p data-part={'signature' satisfies Part}>{t.signatureNotice(undefined, format)}</p>
      )}
    </div>
  );
});

/** What changed when a stale or expired quote was quoted again. */
export const AdjustAllowanceRequoted = forwardRef<
  HTMLParagraphElement,
  ComponentPropsWithoutRef<'p'>
>(function AdjustAllowanceRequoted(props, ref) {
  const { format } = useSeats();
  const t = useSeatsMessages();
  const { requoted } = useAdjustAllowance('AdjustAllowanceRequoted');
  if (requoted === null) return null;
  return (
    <p role="status" data-part={'requoted' satisfies Part} {...props} ref={ref}>
      {t.requoted(requoted, format)}
    </p>
  );
});

/** Why the commit failed, with the way to update the payment method after a failed payment. */
export const AdjustAllowanceError = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(
  function AdjustAllowanceError(props, ref) {
    const { format } = useSeats();
    const t = useSeatsMessages();
    const {
      commitProblem: problem,
      commitCode,
      paymentMethodHref,
      ids,
    } = useAdjustAllowance('AdjustAllowanceError');
    // A refused password is told under its field (AdjustAllowanceConfirmations).
    if (problem === null || problem.kind === 'password-invalid') return null;
    return (
      <div
        role="alert"
        id={ids.error}
        data-part={'error' satisfies Part}
        data-code={commitCode ?? undefined}
        {...props}
        ref={ref}
      >
        <p>
          {problem.kind === 'payment-failed'
            ? t.paymentFailed(undefined, format)
            : problem.kind === 'network'
              ? t.networkError(undefined, format)
              : t.genericError({ message: problem.message }, format)}
        </p>
        {problem.kind === 'payment-failed' && problem.reason !== null && (
          <p data-part={'decline-reason' satisfies Part}>
            {t.declineReason({ reason: problem.reason }, format)}
          </p>
        )}
        {problem.kind === 'payment-failed' && paymentMethodHref !== undefined && (
          <a href={paymentMethodHref} data-part={'payment-method' satisfies Part}>
            {t.updatePaymentMethod(undefined, format)}
          </a>
        )}
      </div>
    );
  },
);

/** Closes the dialog without a change. */
export const AdjustAllowanceCancel = forwardRef<
  HTMLButtonElement,
  ComponentPropsWithoutRef<'button'>
>(function AdjustAllowanceCancel({ children, ...props }, ref) {
  const { format } = useSeats();
  const t = useSeatsMessages();
  return (
    <DialogClose data-part={'cancel' satisfies Part} {...props} ref={ref}>
      {children ?? t.cancel(undefined, format)}
    </DialogClose>
  );
});

/** Says which confirmations the submit waits for (`draft.missing`); nothing when none is missing. */
export const AdjustAllowanceSubmitHint = forwardRef<
  HTMLParagraphElement,
  ComponentPropsWithoutRef<'p'>
>(function AdjustAllowanceSubmitHint(props, ref) {
  const { format } = useSeats();
  const t = useSeatsMessages();
  const { draft, ids } = useAdjustAllowance('AdjustAllowanceSubmitHint');
  const setShown = useContext(SubmitHintContext)[1];
  const shown = draft.missing.length > 0;
  useEffect(() => {
    if (!shown) return;
    setShown(true);
    return () => setShown(false);
  }, [shown, setShown]);
  if (!shown) return null;
  return (
    <p id={ids.submitHint} data-part={'submit-hint' satisfies Part} {...props} ref={ref}>
      {t.submitHint({ missing: draft.missing }, format)}
    </p>
  );
});

/**
 * Commits the quote; `aria-disabled` until the draft can be submitted, and described by
 * `AdjustAllowanceSubmitHint` while confirmations are missing.
 */
export const AdjustAllowanceSubmit = forwardRef<
  HTMLButtonElement,
  ComponentPropsWithoutRef<'button'>
>(function AdjustAllowanceSubmit({ children, ...props }, ref) {
  const { format } = useSeats();
  const t = useSeatsMessages();
  const { draft, isSubmitting, ids } = useAdjustAllowance('AdjustAllowanceSubmit');
  const [hintShown] = useContext(SubmitHintContext);
  return (
    <button
      type="submit"
      aria-disabled={!draft.canSubmit || isSubmitting}
      aria-describedby={hintShown ? ids.submitHint : undefined}
      data-part={'submit' satisfies Part}
      data-state={isSubmitting ? 'pending' : draft.canSubmit ? 'ready' : 'disabled'}
      {...props}
      ref={ref}
    >
      {children ??
        (isSubmitting ? t.submitting(undefined, format) : t.submit({ plan: draft.plan }, format))}
    </button>
  );
});

/** A committed change that is not applied yet: scheduled, or waiting for its e-signature. */
export const AdjustAllowanceResult = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(
  function AdjustAllowanceResult(props, ref) {
    const { format } = useSeats();
    const t = useSeatsMessages();
    const { result } = useAdjustAllowance('AdjustAllowanceResult');
    if (result === null) return null;
    return (
      <div data-part={'result' satisfies Part} data-state={result.status} {...props} ref={ref}>
        <DialogDescription data-part={'description' satisfies Part} role="status">
          {t.success({ result: result.plan.result, plan: result.plan }, format)}
        </DialogDescription>
        {result.status === 'pending-signature' && (
          <p data-part={'signature' satisfies Part}>{t.signatureNotice(undefined, format)}</p>
        )}
        <div data-part={'actions' satisfies Part}>
          <DialogClose data-part={'close' satisfies Part}>{t.close(undefined, format)}</DialogClose>
        </div>
      </div>
    );
  },
);

/**
 * Says what the last committed change did ("Now 12 licences · $98.00 charged"), announced as a
 * status; it stays in the page once the dialog closes.
 */
export const AdjustAllowanceStatus = forwardRef<
  HTMLParagraphElement,
  ComponentPropsWithoutRef<'p'>
>(function AdjustAllowanceStatus(props, ref) {
  const { format } = useSeats();
  const t = useSeatsMessages();
  const { committed } = useRoot('AdjustAllowanceStatus');
  return (
    <p role="status" data-part={'status' satisfies Part} {...props} ref={ref}>
      {committed !== null && t.committed({ change: committed }, format)}
    </p>
  );
});
