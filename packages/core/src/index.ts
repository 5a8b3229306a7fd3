export type {
  AdvanceAccountInput,
  AdvanceAccountResult,
  ChangeOutcome,
  OpenChange,
  PeriodEnd,
  RecurringCharge,
} from './advance-account';
export { advanceAccount, coveredByContract } from './advance-account';
export type {
  AllowanceDraft,
  AllowanceDraftEntry,
  AllowanceDraftEntryOptions,
  AllowanceDraftInput,
  AllowanceDraftState,
  ConfirmationsGiven,
  DraftDirection,
  DraftQuote,
  GivenConfirmation,
} from './allowance-draft';
export {
  chooseDraftDirection,
  describeAllowanceDraft,
  enterDraftValue,
  initialAllowanceDraftEntry,
  missingConfirmations,
} from './allowance-draft';
export type { AllowanceChangeCheck, AllowanceChangeCheckResult } from './check-allowance-change';
export { checkAllowanceBounds, checkAllowanceChange } from './check-allowance-change';
export type {
  ConsumptionDecision,
  ConsumptionReason,
  GroupConsumption,
  MemberGroup,
} from './consumes-licence';
export {
  consumedPoolIds,
  countConsumingMembers,
  countHoldingMembers,
  decideConsumption,
  decideGroupConsumption,
  statusConsumesLicence,
} from './consumes-licence';
export type {
  MemberChangeDecision,
  MemberChangeInput,
  MemberFieldIssue,
  Remedy,
} from './decide-member-change';
export { decideMemberChange, memberAssignmentIssues } from './decide-member-change';
export { decreaseLockedUntil, decreasesAtRenewal } from './decrease-locked-until';
export type { AddUserAvailability, DescribeAddUserInput } from './describe-add-user';
export { addUserAvailabilityAt, defaultNewMember, describeAddUser } from './describe-add-user';
export type {
  DescribePlanPriceInput,
  PlanPrice,
  PlanPriceRow,
  PriceUnit,
} from './describe-plan-price';
export { describePlanPrice, describeUnitPrice, periodUnit, termUnit } from './describe-plan-price';
export type {
  AccountUsage,
  AdjustVisibility,
  ChangeAvailability,
  DescribeUsageInput,
  PoolState,
  PoolUsage,
} from './describe-usage';
export { describePool, describeUsage } from './describe-usage';
export type {
  Account,
  BillingPeriod,
  Contract,
  ContractRenewal,
  ContractTerm,
  Instant,
  Member,
  MemberAssignment,
  Pool,
  PoolTerm,
} from './domain';
export { explainConsumption, explainMemberIssue, explainPlanIssue } from './explain';
export type { FreeLicenceAction } from './free-licence-action';
export { freeLicenceAction, isFreeLicenceCandidate } from './free-licence-action';
export type { Money, Rounding } from './money';
export { divideRounded, money } from './money';
export {
  currentBillingPeriod,
  nextBillingPeriod,
  previousBillingPeriod,
} from './next-billing-period';
export type { PasswordAttemptDecision, PasswordFailures } from './password-attempts';
export {
  addPasswordFailure,
  decidePasswordAttempt,
  passwordAttemptLimit,
  signatureExpiresAt,
} from './password-attempts';
export type { ViewerPermissions } from './permissions';
export { resolvePermissions } from './permissions';
export type {
  AllowancePlan,
  AllowancePlanDecision,
  AllowanceRequest,
  ChangeResult,
  ContractSpan,
  PlanAllowanceChangeInput,
  PlanIssue,
  PlanIssueCode,
  PriceLine,
} from './plan-allowance-change';
export {
  applyAllowancePlan,
  completeSignature,
  planAllowanceChange,
  planRestore,
  settlePeriodEnd,
} from './plan-allowance-change';
export type {
  AtLimitRemedyKind,
  Confirmation,
  DecreasePolicy,
  IncreasePolicy,
  ProrationUnit,
  SeatPolicy,
  SeatPolicyOptions,
} from './policy';
export { checkPolicy, definePolicy, quoteExpiresAt } from './policy';
export type { PresetName } from './presets';
export {
  dailyProratedWithPassword,
  deltaUpgradeAtLimit,
  presets,
  scheduledRemovalNoPortalPurchase,
  scheduledRemovalWithRestore,
  signedContractLicenceTypes,
  totalWithTermsNoSelfDecrease,
} from './presets';
export type { PriceSpanInput, SpanPart, SpanPrice } from './price-span';
export { priceSpan, stretchFraction } from './price-span';
export type { PeriodFraction } from './proration';
export { prorate, remainingFraction } from './proration';
export type {
  BillingMode,
  ProrationBehavior,
  ProviderFigureLine,
  ProviderFigures,
  QuotedProviderFigures,
  SubscriptionUpdate,
} from './provider-figures';
export {
  billsPeriodEnd,
  billsProvider,
  prorationBehaviorOf,
  subscriptionQuantityOf,
  subscriptionUpdateOf,
  withProviderFigures,
} from './provider-figures';
export type { ContractEnd, NoticeDecision } from './renew-contract';
export {
  addUtcMonths,
  contractRenewal,
  giveNotice,
  noticeDeadline,
  renewContract,
  termMonths,
} from './renew-contract';
export type { RestoredShare } from './share-restored-licences';
export {
  cancellableQuantity,
  type RecordedRemoval,
  removalLeft,
  shareRestoredLicences,
} from './share-restored-licences';
export type { Vocabulary, VocabularyKey } from './vocabulary';
export { fillTemplate, vocabularyKeys } from './vocabulary';
