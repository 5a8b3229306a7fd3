import { isSeatsApiError } from '@seats/client';
import type { AccountUsage, ConsumptionReason, PoolUsage } from '@seats/core';
import {
  type ComponentPropsWithoutRef,
  type CSSProperties,
  createContext,
  forwardRef,
  type ReactNode,
  useId,
} from 'react';
import { enMeter } from './meter-messages';
// Each `data-part` name `satisfies Part`: checked against the anatomy, a plain string in the bundle.
import type { SeatMeterPart as Part } from './seat-meter-anatomy';
import { useRequiredContext, useSeats } from './seats-context';
import { useSeatsSummary } from './use-seats-summary';

/** What one bar measures: a licence type, or the whole account. */
export type SeatMeterSubject =
  | { kind: 'pool'; usage: PoolUsage }
  | { kind: 'account'; usage: AccountUsage };

const UsageContext = createContext<AccountUsage | null>(null);
const SubjectContext = createContext<{ subject: SeatMeterSubject; labelId: string } | null>(null);

function useUsageContext(user: string): AccountUsage {
  return useRequiredContext(UsageContext, user, 'SeatMeterRoot');
}

function useSubject(user: string) {
  return useRequiredContext(SubjectContext, user, 'SeatMeterPool');
}

/**
 * What a failed summary means for the meter: an account the host has not set up, a caller not
 * signed in, or a failure worth a retry.
 */
function failureState(error: Error | null): 'not-set-up' | 'signed-out' | 'error' {
  if (isSeatsApiError(error, 'account_not_found')) return 'not-set-up';
  if (isSeatsApiError(error, 'unauthenticated')) return 'signed-out';
  return 'error';
}

export interface SeatMeterRootProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * The usage to show, e.g. from a server component or a test; the summary is then not fetched.
   * @default the summary's usage, fetched
   */
  usage?: AccountUsage | undefined;
  /** Rendered while the summary loads. @default a skeleton */
  loadingFallback?: ReactNode;
  children?: ReactNode;
}

const useMeterMessages = () => useSeats().messagesWith(enMeter);

/**
 * Shares the usage (given, or from the fetched summary) with the meter's parts; shows a skeleton
 * while loading and an error with a retry button. For a custom layout of `SeatMeterPool`, ...
 */
export const SeatMeterRoot = forwardRef<HTMLDivElement, SeatMeterRootProps>(function SeatMeterRoot(
  { usage: givenUsage, loadingFallback, children, ...props },
  ref,
) {
  const { format, dir } = useSeats();
  const t = useMeterMessages();
  const summary = useSeatsSummary({ enabled: givenUsage === undefined });
  const titleId = useId();
  const data = summary.data;
  const usage = givenUsage ?? (data?.access === 'full' ? data.usage : undefined);
  const state =
    usage === undefined
      ? data?.access === 'limited'
        ? 'no-access'
        : summary.isError
          ? failureState(summary.error)
          : 'loading'
      : usage.viewer.viewLicences
        ? usage.state
        : 'no-access';
  return (
    // A fieldset groups form controls; the meter is a labelled group of readouts.
    // biome-ignore lint/a11y/useSemanticElements: see above
    <div
      dir={dir}
      role="group"
      aria-labelledby={titleId}
      aria-busy={state === 'loading' || undefined}
      data-seats="meter"
      data-part={'root' satisfies Part}
      data-state={state}
      {...props}
      ref={ref}
    >
      <span id={titleId} data-part={'title' satisfies Part}>
        {t.meterLabel(undefined, format)}
      </span>
      {state === 'not-set-up' && (
        <p role="status" data-part={'not-set-up' satisfies Part}>
          {t.notSetUp(undefined, format)}
        </p>
      )}
      {state === 'signed-out' && (
        <p role="status" data-part={'signed-out' satisfies Part}>
          {t.signedOut(undefined, format)}
        </p>
      )}
      {state === 'error' && (
        <>
          <p role="alert" data-part={'error' satisfies Part}>
            {t.loadError(undefined, format)}
          </p>
          <button
            type="button"
            data-part={'retry' satisfies Part}
            onClick={() => void summary.refetch()}
          >
            {t.retry(undefined, format)}
          </button>
        </>
      )}
      {state === 'loading' &&
        (loadingFallback ?? (
          <div data-part={'skeleton' satisfies Part}>
            <span data-part={'skeleton-text' satisfies Part}>{t.loading(undefined, format)}</span>
            <div data-part={'skeleton-bar' satisfies Part} />
          </div>
        ))}
      {state === 'no-access' && (
        <p data-part={'no-access' satisfies Part}>{t.noAccess(undefined, format)}</p>
      )}
      {usage !== undefined && state === usage.state && (
        <UsageContext.Provider value={usage}>{children}</UsageContext.Provider>
      )}
    </div>
  );
});

export interface SeatMeterPoolProps extends ComponentPropsWithoutRef<'div'> {
  /** The licence type to show; leave out for the account as a whole. */
  poolId?: string;
  children?: ReactNode;
}

/** One licence type (or the account) whose parts render inside. */
export const SeatMeterPool = forwardRef<HTMLDivElement, SeatMeterPoolProps>(function SeatMeterPool(
  { poolId, children, style, ...props },
  ref,
) {
  const usage = useUsageContext('SeatMeterPool');
  const labelId = useId();
  const pool = poolId === undefined ? undefined : usage.pools.find((p) => p.poolId === poolId);
  if (poolId !== undefined && pool === undefined) return null;
  const subject: SeatMeterSubject =
    pool === undefined ? { kind: 'account', usage } : { kind: 'pool', usage: pool };
  const percent = Math.min(100, subject.usage.percent);
  return (
    <div
      data-part={'pool' satisfies Part}
      data-state={subject.usage.state}
      data-term={pool?.term}
      data-pool={pool?.poolId}
      {...props}
      ref={ref}
      style={{ '--seats-percent': `${percent}%`, ...style } as CSSProperties}
    >
      <SubjectContext.Provider value={{ subject, labelId }}>{children}</SubjectContext.Provider>
    </div>
  );
});

/** The name of the licence type and its term. */
export const SeatMeterLabel = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(
  function SeatMeterLabel(props, ref) {
    const { format } = useSeats();
    const t = useMeterMessages();
    const { subject, labelId } = useSubject('SeatMeterLabel');
    return (
      // The bar is labelled by this id: a consumer's `id` would cut that link, so it stays last.
      <div data-part={'label' satisfies Part} {...props} ref={ref} id={labelId}>
        {subject.kind === 'pool' ? (
          <>
            <span data-part={'name' satisfies Part}>{subject.usage.name}</span>{' '}
            <span data-part={'term' satisfies Part}>
              ({t.poolTerm({ term: subject.usage.term }, format)})
            </span>
          </>
        ) : (
          t.accountLabel(undefined, format)
        )}
      </div>
    );
  },
);

/** The bar: `role="meter"` with its values and a spoken value text. */
export const SeatMeterBar = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(
  function SeatMeterBar(props, ref) {
    const { format } = useSeats();
    const t = useMeterMessages();
    const { subject, labelId } = useSubject('SeatMeterBar');
    const { used, purchased, available, state } = subject.usage;
    return (
      // A native <meter> cannot hold the styled indicator part, and its look cannot be themed with tokens.
      // biome-ignore lint/a11y/useSemanticElements: see above
      <div
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={purchased}
        aria-valuenow={Math.min(used, purchased)}
        aria-valuetext={t.valueText({ used, purchased, available }, format)}
        data-part={'bar' satisfies Part}
        data-state={state}
        {...props}
        ref={ref}
      >
        <div data-part={'indicator' satisfies Part} />
      </div>
    );
  },
);

/** Used of purchased, available, and the state when it is not `ok`. */
export const SeatMeterCounts = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'>>(
  function SeatMeterCounts(props, ref) {
    const { format } = useSeats();
    const t = useMeterMessages();
    const { subject } = useSubject('SeatMeterCounts');
    const { used, purchased, available, over, state, scheduledRemoval, renewsAt } = subject.usage;
    // Used, free and leaving add up to what is purchased: no figure a reader must work out.
    return (
      <p data-part={'counts' satisfies Part} {...props} ref={ref}>
        <span data-part={'used' satisfies Part}>{t.usage({ used, purchased }, format)}</span>{' '}
        <span data-part={'available' satisfies Part}>
          {t.available({ count: available }, format)}
        </span>
        {scheduledRemoval > 0 && (
          <>
            {' '}
            <span data-part={'scheduled-removal' satisfies Part}>
              {t.scheduledRemoval({ count: scheduledRemoval, date: renewsAt }, format)}
            </span>
          </>
        )}
        {state !== 'ok' && (
          <>
            {' '}
            <span data-part={'state' satisfies Part} data-state={state}>
              {over > 0 ? t.over({ count: over }, format) : t.state({ state }, format)}
            </span>
          </>
        )}
      </p>
    );
  },
);

/** Pending signatures, the renewal, and what may change when (scheduled removals are in the counts). */
export const SeatMeterDetails = forwardRef<HTMLUListElement, ComponentPropsWithoutRef<'ul'>>(
  function SeatMeterDetails(props, ref) {
    const { format } = useSeats();
    const t = useMeterMessages();
    const { subject } = useSubject('SeatMeterDetails');
    const usage = subject.usage;
    const items: Array<[string, string]> = [];
    if (usage.pendingSignature > 0) {
      items.push([
        'pending-signature' satisfies Part,
        t.pendingSignature({ count: usage.pendingSignature }, format),
      ]);
    }
    if (subject.kind === 'pool') {
      items.push([
        'pool-renewal' satisfies Part,
        t.renews({ date: subject.usage.renewsAt }, format),
      ]);
      for (const change of ['increase', 'decrease'] as const) {
        const text = t.changeInfo({ change, availability: subject.usage[change] }, format);
        if (text !== '') items.push([change, text]);
      }
    }
    if (items.length === 0) return null;
    return (
      <ul data-part={'details' satisfies Part} {...props} ref={ref}>
        {items.map(([part, text]) => (
          <li key={part} data-part={part}>
            {text}
          </li>
        ))}
      </ul>
    );
  },
);

/** The plan (when the summary is at hand) and when the period or contract ends. */
export const SeatMeterRenewal = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'>>(
  function SeatMeterRenewal(props, ref) {
    const { format } = useSeats();
    const t = useMeterMessages();
    const usage = useUsageContext('SeatMeterRenewal');
    // Read from the cache only: a meter given its usage asks the server nothing.
    const { data } = useSeatsSummary({ enabled: false });
    return (
      <p data-part={'renewal' satisfies Part} {...props} ref={ref}>
        {data?.access === 'full' && (
          <span data-part={'plan' satisfies Part}>
            {t.plan({ plan: data.account.plan }, format)}
          </span>
        )}{' '}
        <span data-part={'renews' satisfies Part}>
          {usage.contractEndsAt === null
            ? t.renews({ date: usage.renewsAt }, format)
            : t.contractEnds({ date: usage.contractEndsAt }, format)}
        </span>
      </p>
    );
  },
);

/** Storage used against the allowance the licences give (Commusoft); nothing when not measured. */
export const SeatMeterStorage = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(
  function SeatMeterStorage({ style, ...props }, ref) {
    const { format } = useSeats();
    const t = useMeterMessages();
    const usage = useUsageContext('SeatMeterStorage');
    const labelId = useId();
    const storage = usage.storage;
    if (storage === null) return null;
    const text = t.storage(
      { usedBytes: storage.usedBytes, allowanceBytes: storage.allowanceBytes },
      format,
    );
    return (
      <div
        data-part={'storage' satisfies Part}
        data-state={storage.state}
        {...props}
        ref={ref}
        style={
          { '--seats-percent': `${Math.min(100, storage.percent)}%`, ...style } as CSSProperties
        }
      >
        <div id={labelId} data-part={'label' satisfies Part}>
          {t.storageLabel(undefined, format)}
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: a <meter> cannot hold the styled indicator */}
        <div
          role="meter"
          aria-labelledby={labelId}
          aria-valuemin={0}
          aria-valuemax={storage.allowanceBytes}
          aria-valuenow={Math.min(storage.usedBytes, storage.allowanceBytes)}
          aria-valuetext={text}
          data-part={'bar' satisfies Part}
          data-state={storage.state}
        >
          <div data-part={'indicator' satisfies Part} />
        </div>
        <p data-part={'counts' satisfies Part}>{text}</p>
      </div>
    );
  },
);

export interface SeatMeterReasonProps extends ComponentPropsWithoutRef<'span'> {
  /** The member's `reason`, as the members list returns it. */
  reason: ConsumptionReason;
}

/** Why a member counts against the allowance, or why not; `data-consumes` when it does. */
export const SeatMeterReason = forwardRef<HTMLSpanElement, SeatMeterReasonProps>(
  function SeatMeterReason({ reason, ...props }, ref) {
    const { format } = useSeats();
    const t = useMeterMessages();
    return (
      <span
        data-part={'reason' satisfies Part}
        data-consumes={reason.kind === 'status-consumes' ? '' : undefined}
        {...props}
        ref={ref}
      >
        {t.consumptionReason({ reason }, format)}
      </span>
    );
  },
);

export interface SeatMeterProps extends Omit<SeatMeterRootProps, 'children'> {
  /**
   * `compact`: one bar per licence type with its counts; `detailed`: also the account total,
   * plan and renewal, scheduled removals, pending signatures, what may change when, and storage.
   * @default 'detailed'
   */
  variant?: 'compact' | 'detailed';
  /** Show only this licence type. */
  poolId?: string;
}

/** Used / purchased / available per licence type and for the account, as `role="meter"` bars. */
export const SeatMeter = forwardRef<HTMLDivElement, SeatMeterProps>(function SeatMeter(
  { variant = 'detailed', poolId, ...props },
  ref,
) {
  return (
    <SeatMeterRoot {...props} ref={ref} data-variant={variant}>
      <SeatMeterContent variant={variant} poolId={poolId} />
    </SeatMeterRoot>
  );
});

function SeatMeterContent({
  variant,
  poolId,
}: {
  variant: 'compact' | 'detailed';
  poolId?: string | undefined;
}) {
  const usage = useUsageContext('SeatMeter');
  const detailed = variant === 'detailed';
  const pools = poolId === undefined ? usage.pools : usage.pools.filter((p) => p.poolId === poolId);
  return (
    <>
      {detailed && <SeatMeterRenewal />}
      {detailed && poolId === undefined && usage.pools.length > 1 && (
        <SeatMeterPool>
          <SeatMeterLabel />
          <SeatMeterBar />
          <SeatMeterCounts />
        </SeatMeterPool>
      )}
      {pools.map((pool) => (
        <SeatMeterPool key={pool.poolId} poolId={pool.poolId}>
          <SeatMeterLabel />
          <SeatMeterBar />
          <SeatMeterCounts />
          {detailed && <SeatMeterDetails />}
        </SeatMeterPool>
      ))}
      {detailed && poolId === undefined && <SeatMeterStorage />}
    </>
  );
}
