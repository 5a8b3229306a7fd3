import type { ProrationBehavior, ProviderFigures } from '@seats/core';
import type Stripe from 'stripe';
import type { BillingResult, SubscriptionBillingProvider } from './billing-provider';

/** The Stripe subscription item that holds a pool's licences. */
export interface StripeSubscriptionItem {
  /** `sub_…` */
  subscription: string;
  /** `si_…`, whose `quantity` is the pool's licences. */
  item: string;
}

export interface StripeSubscriptionBillingOptions {
  /** The host's Stripe client: `new Stripe(secretKey)`. */
  stripe: Stripe;
  /** Where a pool's licences live on the account's subscription. */
  subscriptionItemFor(accountId: string, poolId: string): Promise<StripeSubscriptionItem>;
}

/** Stripe's name for each proration behaviour (`proration_behavior`). */
export const stripeProrationBehaviors = {
  'create-prorations': 'create_prorations',
  'always-invoice': 'always_invoice',
  none: 'none',
} as const satisfies Record<ProrationBehavior, string>;

/**
 * A `SubscriptionBillingProvider` over Stripe Billing: the subscription is Stripe's, each pool one
 * of its items, and Stripe prorates and invoices.
 *
 * A preview asks `invoices.createPreview` for the subscription as it is (the next invoice before)
 * and with the item's new quantity: with `always_invoice` that preview is the invoice Stripe
 * creates at once (its `amount_due` is due now) and a third preview without proration gives the
 * next invoice after; otherwise nothing is due now and the preview is the next invoice after.
 *
 * `setQuantity` is one `subscriptionItems.update` with the kit's idempotency key and
 * `payment_behavior: 'error_if_incomplete'`: when the immediate invoice cannot be paid Stripe
 * refuses the update (a card error, answered `declined`), so the quantity never changes unpaid.
 */
export function createStripeSubscriptionBilling(
  options: StripeSubscriptionBillingOptions,
): SubscriptionBillingProvider {
  const { stripe } = options;
  return {
    mode: 'subscription-quantity',
    async preview(request) {
      const { subscription, item } = await options.subscriptionItemFor(
        request.accountId,
        request.poolId,
      );
      const previewWith = (behavior: ProrationBehavior) =>
        stripe.invoices.createPreview({
          subscription,
          subscription_details: {
            items: [{ id: item, quantity: request.quantity }],
            proration_behavior: stripeProrationBehaviors[behavior],
            // Stripe refuses a proration date without proration.
            ...(behavior === 'none'
              ? {}
              : { proration_date: Math.floor(Date.parse(request.now) / 1_000) }),
          },
        });
      const before = await stripe.invoices.createPreview({ subscription });
      const changed = await previewWith(request.prorationBehavior);
      const after =
        request.prorationBehavior === 'always-invoice' ? await previewWith('none') : changed;
      const currency = changed.currency.toUpperCase();
      const figures: ProviderFigures = {
        dueNow: {
          amount: request.prorationBehavior === 'always-invoice' ? changed.amount_due : 0,
          currency,
        },
        nextInvoice: {
          before: { amount: before.total, currency: before.currency.toUpperCase() },
          after: { amount: after.total, currency: after.currency.toUpperCase() },
        },
        lines: changed.lines.data.map((line) => ({
          description: (line.description ?? '').slice(0, 200),
          amount: line.amount,
          poolId:
            line.parent?.subscription_item_details?.subscription_item === item
              ? request.poolId
              : null,
        })),
      };
      return figures;
    },
    async setQuantity(request): Promise<BillingResult> {
      const { item } = await options.subscriptionItemFor(request.accountId, request.poolId);
      try {
        const updated = await stripe.subscriptionItems.update(
          item,
          {
            quantity: request.quantity,
            proration_behavior: stripeProrationBehaviors[request.prorationBehavior],
            // The quote's instant, so the update costs what its preview showed.
            ...(request.prorationDate === null || request.prorationBehavior === 'none'
              ? {}
              : { proration_date: Math.floor(Date.parse(request.prorationDate) / 1_000) }),
            payment_behavior: 'error_if_incomplete',
            metadata: {
              seats_account_id: request.accountId,
              seats_change_id: request.changeId,
              seats_idempotency_key: request.idempotencyKey,
            },
          },
          { idempotencyKey: request.idempotencyKey },
        );
        return { status: 'succeeded', reference: updated.id };
      } catch (error) {
        // By the error's `type`, not `instanceof`: the host's `stripe` may be another copy.
        const type =
          typeof error === 'object' && error !== null
            ? (error as { type?: unknown }).type
            : undefined;
        if (type === 'StripeCardError')
          return { status: 'declined', reason: (error as Error).message };
        throw error;
      }
    },
  };
}
