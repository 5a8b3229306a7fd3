export { analyzeStore } from './analyze-store';
export type {
  Billing,
  BillingLine,
  BillingProvider,
  BillingRequest,
  BillingResult,
  RecurringLine,
  SetQuantityRequest,
  SubscriptionBillingProvider,
  SubscriptionPreviewRequest,
} from './billing-provider';
export { BillingRequiredError, billingRequestOf } from './billing-provider';
export type {
  MemberKey,
  ReconcileOptions,
  SeatsAdmin,
  SeatsAdminOptions,
} from './create-seats-admin';
export { createSeatsAdmin } from './create-seats-admin';
export type { SeatsAdminHandlerOptions } from './create-seats-admin-handler';
export { createSeatsAdminHandler } from './create-seats-admin-handler';
export { createSeatsHandler } from './create-seats-handler';
export type {
  RecoverOptions,
  RecoveryReport,
  SeatsJobs,
  SeatsJobsOptions,
  SettleInput,
  SettlePeriodInput,
  TickOptions,
  TickReport,
} from './create-seats-jobs';
export { createSeatsJobs, periodChargeRequest } from './create-seats-jobs';
export type { DevBilling, RecordedCharge } from './dev-billing';
export { createDevBilling } from './dev-billing';
export { DuplicateMemberError } from './duplicate-member-error';
export type {
  DeliveryLoop,
  DeliveryLoopOptions,
  DeliveryReport,
  EventDeliveryOptions,
  EventJobs,
  EventSubscriber,
  WebhookEndpoint,
} from './event-delivery';
export { EventDeliveryConfigError, runEventDeliveries } from './event-delivery';
export type { EndpointDelivery, EventOutbox, EventRecord, EventStatus } from './event-outbox';
export { lazyStore } from './lazy-store';
export type { SeatsAdminErrorCode } from './seats-admin-error';
export { AdminInputError, SeatsAdminError } from './seats-admin-error';
export type { RecordedSeatsEvent, SeatsEvent, SeatsEventType } from './seats-event';
export type { SeatsHandlerOptions, SeatsIdentity } from './seats-handler-options';
export type {
  AccountState,
  MemberFields,
  MemberFilter,
  MemberGroup,
  MemberWrite,
  NewAccount,
  NewMember,
  PeriodChargeStatus,
  PruneCounts,
  SeatsStore,
  SeatsTransaction,
  StoredChange,
  StoredMember,
  StoredPeriodEnd,
  StoredQuote,
} from './seats-store';
export type { SettledCharge } from './settle-charge';
export { UnknownChangeError } from './settle-charge';
