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
