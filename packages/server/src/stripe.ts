export type {
  StripeBillingOptions,
  StripeEventSettlement,
  StripeWebhookHandlerOptions,
} from './create-stripe-billing';
export {
  createStripeBilling,
  createStripeWebhookHandler,
  settleFromStripeEvent,
  stripeMetadataKeys,
} from './create-stripe-billing';
export type {
  StripeSubscriptionBillingOptions,
  StripeSubscriptionItem,
} from './create-stripe-subscription-billing';
export {
  createStripeSubscriptionBilling,
  stripeProrationBehaviors,
} from './create-stripe-subscription-billing';
