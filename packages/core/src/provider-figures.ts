import type { PeriodEnd } from './advance-account';
import type { Instant, Pool } from './domain';
import type { Money } from './money';
import type { AllowancePlan } from './plan-allowance-change';
import type { SeatPolicy } from './policy';

/**
 * How a provider that holds the subscription prorates a quantity change: `create-prorations` puts
 * the prorated difference on the next invoice, `always-invoice` invoices it at once, `none` changes
 * only the following invoices (Stripe's `proration_behavior`).
 */
export type ProrationBehavior = 'create-prorations' | 'always-invoice' | 'none';

/** One line of a provider's preview, in the provider's words. */
export interface ProviderFigureLine {
  description: string;
  /** Minor units; negative for a credit. */
  amount: number;
  poolId: string | null;
}

/**
 * What the provider holding the subscription says a quantity change costs: what it takes now, and
 * its next invoice before and after the change.
 */
export interface ProviderFigures {
  dueNow: Money;
  nextInvoice: { before: Money; after: Money };
  lines: ProviderFigureLine[];
}

/** The provider's figures as a quote keeps them, with the quantity and behaviour they were asked for. */
export interface QuotedProviderFigures extends ProviderFigures {
  quantity: number;
  prorationBehavior: ProrationBehavior;
  /** The instant the provider prorated from (the quote's); the change is prorated from it too. */
  prorationDate?: Instant | undefined;
}

/**
 * The pool's quantity on the provider's subscription once the change applies: the licences of the
 * current period for a change that applies now (the subscription keeps licences of a scheduled
 * removal until the period's end, so a purchase that gives them back changes nothing there), and
 * the next period's for a removal at the period's end or a restore, which only the next invoice
 * shows.
 */
export function subscriptionQuantityOf(pool: Pool, plan: AllowancePlan): number {
  if (plan.kind === 'restore' || plan.result === 'scheduled') return plan.to;
  return pool.purchased + plan.added - plan.removed;
}

/**
 * The proration behaviour of a quantity change: a purchase charged now is invoiced at once, one
 * charged on the next invoice goes there prorated, and without proration (or for a removal at the
 * period's end or a restore, which change only the following invoices) nothing is prorated.
 */
export function prorationBehaviorOf(policy: SeatPolicy, plan: AllowancePlan): ProrationBehavior {
  if (plan.kind === 'restore' || plan.result === 'scheduled') return 'none';
  if (policy.proration.unit === 'none') return 'none';
  if (plan.kind === 'increase' && policy.charge === 'now') return 'always-invoice';
  return 'create-prorations';
}

/**
 * The plan as shown when the provider holds the subscription: its own price lines left out, the
 * amount due now and the next invoice's change taken from the provider's figures. Bounds,
 * confirmations and the result stay the kit's.
 */
export function withProviderFigures(
  plan: AllowancePlan,
  figures: ProviderFigures,
  asked: { quantity: number; prorationBehavior: ProrationBehavior; prorationDate: Instant },
): AllowancePlan {
  return {
    ...plan,
    lines: plan.lines.filter((line) => line.kind === 'restore' || line.kind === 'commitment'),
    dueNow: figures.dueNow,
    nextInvoiceChange: {
      amount: figures.nextInvoice.after.amount - figures.nextInvoice.before.amount,
      currency: figures.nextInvoice.after.currency,
    },
    provider: {
      dueNow: figures.dueNow,
      nextInvoice: figures.nextInvoice,
      lines: figures.lines,
      quantity: asked.quantity,
      prorationBehavior: asked.prorationBehavior,
      prorationDate: asked.prorationDate,
    },
  };
}

/**
 * What the provider is told when a change applies: decided under the account's lock when the
 * change goes to the provider (commit, or signature), from the pool as it is then, and kept with
 * the change so that a retry or recovery sends exactly the same.
 */
export interface SubscriptionUpdate {
  quantity: number;
  prorationBehavior: ProrationBehavior;
  /** The instant prorations are computed from: the quote's, so the change costs what it showed; `null` without proration. */
  prorationDate: Instant | null;
}

/**
 * The subscription update for a change applied to `pool` as it is now (under the account's lock),
 * prorated from the quote's instant (`now` for a plan quoted without the provider).
 */
export function subscriptionUpdateOf(
  pool: Pool,
  policy: SeatPolicy,
  plan: AllowancePlan,
  now: Instant,
): SubscriptionUpdate {
  const prorationBehavior = prorationBehaviorOf(policy, plan);
  return {
    quantity: subscriptionQuantityOf(pool, plan),
    prorationBehavior,
    prorationDate: prorationBehavior === 'none' ? null : (plan.provider?.prorationDate ?? now),
  };
}

/** Who prices a change: the kit (`charges`) or the provider holding the subscription. */
export type BillingMode = 'charges' | 'subscription-quantity';

/**
 * Whether applying the plan goes through the provider: in the charges mode when money moves now,
 * in the subscription-quantity mode when the subscription's quantity changes now (a removal at the
 * period's end and a restore reach it with the period's hand-over instead).
 */
export function billsProvider(plan: AllowancePlan, mode: BillingMode): boolean {
  if (mode === 'charges') return plan.dueNow.amount !== 0;
  return plan.kind !== 'restore' && plan.result !== 'scheduled' && plan.to !== plan.from;
}

/**
 * Whether a period end goes to the provider: in the charges mode when the new period costs
 * something; in the subscription-quantity mode at every period end with pools, since the
 * provider's quantity must follow the kit's whatever the kit's own price (a free pool, a contract
 * paid in advance mid-term).
 */
export function billsPeriodEnd(end: Pick<PeriodEnd, 'charges'>, mode: BillingMode): boolean {
  if (mode === 'charges') return end.charges.some((charge) => charge.amount > 0);
  return end.charges.length > 0;
}
