import type {
  AllowancePlan,
  BillingMode,
  Instant,
  Money,
  PeriodFraction,
  PriceLine,
  ProrationBehavior,
  ProviderFigures,
} from '@seats/core';

/**
 * One line of what a change costs or gives back now, as core priced it. Amounts are integer minor
 * units of the request's currency; a credit line's amount is negative.
 */
export interface BillingLine {
  poolId: string;
  /**
   * `prorated-charge` and `prorated-credit`: licences for the part of the current period still to
   * run (`fraction`); `term-charge`: whole periods to the end of a contract paid in advance
   * (`period`); `recurring-charge`: a pool's licences for a billing period that began, taken by
   * the period-end job (`period`; for daily licences `quantity` times the days at `unitPrice`).
   */
  kind: 'prorated-charge' | 'prorated-credit' | 'term-charge' | 'recurring-charge';
  quantity: number;
  /**
   * The price of one licence per period (per term when the policy prorates over the contract; per
   * day for a daily licence type, whose `amount` is then `quantity x unitPrice x
   * fraction.remaining` days).
   */
  unitPrice: number;
  amount: number;
  fraction: PeriodFraction | null;
  period: { from: Instant; until: Instant } | null;
}

/** How each following invoice changes with the change, per period, day or contract term. */
export interface RecurringLine {
  poolId: string;
  quantity: number;
  unitPrice: number;
  per: 'period' | 'day' | 'term';
  amount: number;
}

export interface BillingRequest {
  accountId: string;
  /**
   * The change the money is for; for a period's recurring charge, which has no change, the same
   * as `idempotencyKey`.
   */
  changeId: string;
  /**
   * A provider must act at most once per key and answer a key asked again as it answered first:
   * the kit asks again after a crash, a lost connection or a retried request. It is the change's
   * id, or for a period's recurring charge `period_<account id>_<period start>`.
   */
  idempotencyKey: string;
  /** What to take (`charge`) or give back (`credit`), positive, the sum of `lines` (as positive). */
  amount: Money;
  lines: BillingLine[];
  /** How each following invoice changes; informative in the charges mode. */
  recurring: RecurringLine[];
  description: string;
}

/**
 * A provider's answer. `pending`: the outcome arrives later (3-D Secure, an invoice to be paid);
 * the change stays `charging` until `jobs.settle()` records it.
 */
export type BillingResult =
  | { status: 'succeeded'; reference: string }
  | { status: 'pending'; reference: string }
  | { status: 'declined'; reason: string };

/**
 * How the kit takes and gives back money, implemented over Stripe or the host's own billing. The
 * kit prices every change (the charges mode); the provider takes what is due now for an increase,
 * and gives back what a removal credits. Calls happen outside any database transaction, keyed by
 * the change's id; a provider that throws leaves the change `charging` for recovery.
 */
export interface BillingProvider {
  /** The charges mode. @default 'charges' */
  readonly mode?: 'charges';
  /** Set by the development provider only: every response of the handler then says so. */
  readonly development?: boolean;
  charge(request: BillingRequest): Promise<BillingResult>;
  /** Gives back what a removal credits now, as a refund or a credit on the next invoice. */
  credit(request: BillingRequest): Promise<BillingResult>;
}

/** What a quantity change would cost, asked of the provider holding the subscription. */
export interface SubscriptionPreviewRequest {
  accountId: string;
  poolId: string;
  /** The pool's licences on the subscription after the change. */
  quantity: number;
  /** Core's `prorationBehaviorOf(policy, plan)`. */
  prorationBehavior: ProrationBehavior;
  /** When the kit asks; a provider previews prorations as of this instant. */
  now: Instant;
}

export interface SetQuantityRequest extends SubscriptionPreviewRequest {
  changeId: string;
  /**
   * The instant the provider prorates from: the quote's, so the change costs what the quote
   * showed even when it is signed days later (Stripe's `proration_date`); `null` without proration
   * (`prorationBehavior: 'none'`).
   */
  prorationDate: Instant | null;
  /**
   * The change's id, or for a period's hand-over `period_<account id>_<period start>_<pool id>`;
   * a provider must set the quantity at most once per key and answer a key asked again as it
   * answered first.
   */
  idempotencyKey: string;
}

/**
 * How the kit sets licence quantities on a subscription the provider holds (Stripe Billing, or
 * the host's own): the subscription-quantity mode. The provider prorates and invoices; the kit
 * plans the change by the policy (bounds, who may, scheduled removals, confirmations), shows the
 * provider's `preview` in the quote instead of its own prices, and on commit calls `setQuantity`
 * outside any database transaction, keyed by the change's id, through the same recorded states as
 * the charges mode (`charging`, then `applied` or `failed`; a `pending` answer waits for
 * `jobs.settle()`). The period-end job charges nothing in this mode: it hands each pool's quantity
 * for the new period to the provider (`prorationBehavior: 'none'`), so scheduled removals reach
 * the subscription, and the provider invoices.
 */
export interface SubscriptionBillingProvider {
  readonly mode: 'subscription-quantity';
  readonly development?: boolean;
  preview(request: SubscriptionPreviewRequest): Promise<ProviderFigures>;
  setQuantity(request: SetQuantityRequest): Promise<BillingResult>;
}

/** Either mode: the kit prices (`BillingProvider`) or the provider does (`SubscriptionBillingProvider`). */
export type Billing = BillingProvider | SubscriptionBillingProvider;

export function billingModeOf(billing: Billing): BillingMode {
  return billing.mode ?? 'charges';
}

export function isSubscriptionBilling(billing: Billing): billing is SubscriptionBillingProvider {
  return billing.mode === 'subscription-quantity';
}

/** The request for what `plan` costs or gives back now. */
export function billingRequestOf(
  accountId: string,
  changeId: string,
  plan: AllowancePlan,
): BillingRequest {
  const lines: BillingLine[] = [];
  const recurring: RecurringLine[] = [];
  // Lines priced now go on the next invoice instead when the policy charges later.
  const now = plan.dueNow.amount !== 0;
  for (const line of plan.lines) lineOf(plan.poolId, line, now ? lines : [], recurring);
  const credit = plan.dueNow.amount < 0;
  return {
    accountId,
    changeId,
    idempotencyKey: changeId,
    amount: { amount: Math.abs(plan.dueNow.amount), currency: plan.dueNow.currency },
    lines,
    recurring,
    description: credit
      ? `Credit for ${plan.removed} licence(s) of pool ${plan.poolId}`
      : `${plan.added} licence(s) for pool ${plan.poolId}`,
  };
}

function lineOf(
  poolId: string,
  line: PriceLine,
  lines: BillingLine[],
  recurring: RecurringLine[],
): void {
  switch (line.kind) {
    case 'prorated-charge':
    case 'prorated-credit':
      lines.push({
        poolId,
        kind: line.kind,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        amount: line.amount,
        fraction: line.fraction,
        period: null,
      });
      return;
    case 'term-charge':
      lines.push({
        poolId,
        kind: line.kind,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        amount: line.amount,
        fraction: null,
        period: { from: line.from, until: line.until },
      });
      return;
    case 'recurring-change':
      recurring.push({
        poolId,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        per: line.per,
        amount: line.amount,
      });
      return;
    case 'commitment':
    case 'restore':
      return;
  }
}

/**
 * Whether the kit may fall back to the development provider: only when `NODE_ENV` is
 * `development` or `test`.
 */
export function developmentAllowed(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env?.NODE_ENV;
  return env === 'development' || env === 'test';
}

/**
 * No `billing` was given outside development and tests: thrown by `createSeatsJobs`; logged by the
 * handler at its first request, which like every other it answers 500 `billing_required`.
 */
export class BillingRequiredError extends Error {
  override name = 'BillingRequiredError';
  constructor(where: string) {
    super(
      `${where}: pass a \`billing\` provider. Outside NODE_ENV=development or test there is no default, so that no purchase is approved without being charged; use createDevBilling() explicitly for demos.`,
    );
  }
}
