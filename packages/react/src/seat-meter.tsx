import type { AccountUsage, ConsumptionReason, PoolUsage } from '@seats/core';
import {
  type ComponentPropsWithoutRef,
  type CSSProperties,
  createContext,
  forwardRef,
  type ReactNode,
  useContext,
  useId,
} from 'react';
import { useSeats } from './seats-context';
import { useSeatsSummary } from './use-seats-summary';

/** What one bar measures: a licence type, or the whole account. */
export type SeatMeterSubject =
  | { kind: 'pool'; usage: PoolUsage }
  | { kind: 'account'; usage: AccountUsage };

const UsageContext = createContext<AccountUsage | null>(null);
const SubjectContext = createContext<{ subject: SeatMeterSubject; labelId: string } | null>(null);

function useUsageContext(part: string): AccountUsage {
  const usage = useContext(UsageContext);
  if (usage === null) throw new Error(`\`${part}\` must be used within \`SeatMeterRoot\``);
  return usage;
}

function useSubject(part: string) {
  const subject = useContext(SubjectContext);
  if (subject === null) throw new Error(`\`${part}\` must be used within \`SeatMeterPool\``);
  return subject;
}

export interface SeatMeterRootProps extends ComponentPropsWithoutRef<'div'> {
  /** Rendered while the summary loads. @default a skeleton */
  loadingFallback?: ReactNode;
  children?: ReactNode;
}

/**
 * Loads the summary and shares it with the meter's parts; shows a skeleton while loading and an
 * error with a retry button. For a custom layout of `SeatMeterPool`, `SeatMeterBar`, ...
 */
export const SeatMeterRoot = forwardRef<HTMLDivElement, SeatMeterRootProps>(function SeatMeterRoot(
  { loadingFallback, children, ...props },
  ref,
) {
  const { messages, format, dir } = useSeats();
  const summary = useSeatsSummary();
  const titleId = useId();
  const t = messages;
  const common = {
    ...props,
    ref,
    dir,
    'data-seats': 'meter',
    role: 'group',
    'data-part': 'root',
    'aria-labelledby': titleId,
  };
  const title = (
    <span id={titleId} data-part="title">
      {t.meterLabel(undefined, format)}
    </span>
  );
  if (summary.data === undefined) {
    if (summary.isError) {
      return (
        <div {...common} data-state="error">
          {title}
          <p role="alert" data-part="error">
            {t.loadError(undefined, format)}
          </p>
          <button type="button" data-part="retry" onClick={() => void summary.refetch()}>
            {t.retry(undefined, format)}
          </button>
        </div>
      );
    }
    return (
      <div {...common} data-state="loading" aria-busy="true">
        {title}
        {loadingFallback ?? (
          <div data-part="skeleton">
            <span data-part="skeleton-text">{t.loading(undefined, format)}</span>
            <div data-part="skeleton-bar" />
          </div>
        )}
      </div>
    );
  }
  const usage = summary.data.usage;
  if (!usage.viewer.viewLicences) {
    return (
      <div {...common} data-state="no-access">
        {title}
        <p data-part="no-access">{t.noAccess(undefined, format)}</p>
      </div>
    );
  }
  return (
    <div {...common} data-state={usage.state}>
      {title}
      <UsageContext.Provider value={usage}>{children}</UsageContext.Provider>
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
      {...props}
      ref={ref}
      data-part="pool"
      data-state={subject.usage.state}
      data-term={pool?.term}
      data-pool={pool?.poolId}
      style={{ '--seats-percent': `${percent}%`, ...style } as CSSProperties}
    >
      <SubjectContext.Provider value={{ subject, labelId }}>{children}</SubjectContext.Provider>
    </div>
  );
});

/** The name of the licence type and its term. */
export function SeatMeterLabel(props: ComponentPropsWithoutRef<'div'>) {
  const { messages: t, format } = useSeats();
  const { subject, labelId } = useSubject('SeatMeterLabel');
  return (
    <div {...props} id={labelId} data-part="label">
      {subject.kind === 'pool' ? (
        <>
          <span data-part="name">{subject.usage.name}</span>{' '}
          <span data-part="term">({t.poolTerm({ term: subject.usage.term }, format)})</span>
        </>
      ) : (
        t.accountLabel(undefined, format)
      )}
    </div>
  );
}

/** The bar: `role="meter"` with its values and a spoken value text. */
export const SeatMeterBar = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(
  function SeatMeterBar(props, ref) {
    const { messages: t, format } = useSeats();
    const { subject, labelId } = useSubject('SeatMeterBar');
    const { used, purchased, available, state } = subject.usage;
    return (
      // A native <meter> cannot hold the styled indicator part, and its look cannot be themed with tokens.
      // biome-ignore lint/a11y/useSemanticElements: see above
      <div
        {...props}
        ref={ref}
        role="meter"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={purchased}
        aria-valuenow={Math.min(used, purchased)}
        aria-valuetext={t.valueText({ used, purchased, available }, format)}
        data-part="bar"
        data-state={state}
      >
        <div data-part="indicator" />
      </div>
    );
  },
);

/** Used of purchased, available, and the state when it is not `ok`. */
export function SeatMeterCounts(props: ComponentPropsWithoutRef<'p'>) {
  const { messages: t, format } = useSeats();
  const { subject } = useSubject('SeatMeterCounts');
  const { used, purchased, available, over, state } = subject.usage;
  return (
    <p {...props} data-part="counts">
      <span data-part="used">{t.usage({ used, purchased }, format)}</span>{' '}
      <span data-part="available">{t.available({ count: available }, format)}</span>
      {state !== 'ok' && (
        <>
          {' '}
          <span data-part="state" data-state={state}>
            {over > 0 ? t.over({ count: over }, format) : t.state({ state }, format)}
          </span>
        </>
      )}
    </p>
  );
}

/** Scheduled removals, pending signatures, the next period, the renewal, and what may change when. */
export function SeatMeterDetails(props: ComponentPropsWithoutRef<'ul'>) {
  const { messages: t, format } = useSeats();
  const { subject } = useSubject('SeatMeterDetails');
  const usage = subject.usage;
  const items: Array<[string, string]> = [];
  if (usage.scheduledRemoval > 0) {
    items.push([
      'scheduled-removal',
      t.scheduledRemoval({ count: usage.scheduledRemoval, date: usage.renewsAt }, format),
    ]);
  }
  if (usage.pendingSignature > 0) {
    items.push([
      'pending-signature',
      t.pendingSignature({ count: usage.pendingSignature }, format),
    ]);
  }
  if (usage.nextPeriod !== usage.purchased) {
    items.push(['next-period', t.nextPeriod({ count: usage.nextPeriod }, format)]);
  }
  if (subject.kind === 'pool') {
    items.push(['renewal', t.renews({ date: subject.usage.renewsAt }, format)]);
    for (const change of ['increase', 'decrease'] as const) {
      const text = t.changeInfo({ change, availability: subject.usage[change] }, format);
      if (text !== '') items.push([change, text]);
    }
  }
  if (items.length === 0) return null;
  return (
    <ul {...props} data-part="details">
      {items.map(([part, text]) => (
        <li key={part} data-part={part}>
          {text}
        </li>
      ))}
    </ul>
  );
}

/** The plan and when the period or contract ends. */
export function SeatMeterRenewal(props: ComponentPropsWithoutRef<'p'>) {
  const { messages: t, format } = useSeats();
  const { data } = useSeatsSummary();
  const usage = useUsageContext('SeatMeterRenewal');
  return (
    <p {...props} data-part="renewal">
      {data !== undefined && (
        <span data-part="plan">{t.plan({ plan: data.account.plan }, format)}</span>
      )}{' '}
      <span data-part="renews">
        {usage.contractEndsAt === null
          ? t.renews({ date: usage.renewsAt }, format)
          : t.contractEnds({ date: usage.contractEndsAt }, format)}
      </span>
    </p>
  );
}

/** Storage used against the allowance the licences give (Commusoft); nothing when not measured. */
export function SeatMeterStorage(props: ComponentPropsWithoutRef<'div'>) {
  const { messages: t, format } = useSeats();
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
      {...props}
      data-part="storage"
      data-state={storage.state}
      style={{ '--seats-percent': `${Math.min(100, storage.percent)}%` } as CSSProperties}
    >
      <div id={labelId} data-part="label">
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
        data-part="bar"
        data-state={storage.state}
      >
        <div data-part="indicator" />
      </div>
      <p data-part="counts">{text}</p>
    </div>
  );
}

export interface SeatMeterReasonProps extends ComponentPropsWithoutRef<'span'> {
  /** The member's `reason`, as the members list returns it. */
  reason: ConsumptionReason;
}

/** Why a member counts against the allowance, or why not. */
export function SeatMeterReason({ reason, ...props }: SeatMeterReasonProps) {
  const { messages: t, format } = useSeats();
  return (
    <span {...props} data-part="reason" data-consumes={reason.kind === 'status-consumes'}>
      {t.consumptionReason({ reason }, format)}
    </span>
  );
}

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
