export type { AddUserGuardProps } from './add-user-guard';
export { AddUserGuard } from './add-user-guard';
export type { AddUserGuardPart } from './add-user-guard-anatomy';
export { addUserGuardAnatomy, memberPickerAnatomy } from './add-user-guard-anatomy';
export type { AddUserGuardRootProps, AddUserGuardTriggerProps } from './add-user-guard-parts';
export {
  AddUserGuardCancel,
  AddUserGuardContent,
  AddUserGuardDescription,
  AddUserGuardPending,
  AddUserGuardRemedies,
  AddUserGuardRoot,
  AddUserGuardTitle,
  AddUserGuardTrigger,
} from './add-user-guard-parts';
export type { AdjustAllowancePart } from './adjust-allowance-anatomy';
export { adjustAllowanceAnatomy } from './adjust-allowance-anatomy';
export type { AdjustAllowanceDialogProps } from './adjust-allowance-dialog';
export { AdjustAllowanceDialog } from './adjust-allowance-dialog';
export type {
  AdjustAllowanceContextValue,
  AdjustAllowanceRootProps,
  AdjustAllowanceTriggerProps,
} from './adjust-allowance-parts';
export {
  AdjustAllowanceCancel,
  AdjustAllowanceConfirmations,
  AdjustAllowanceContent,
  AdjustAllowanceDescription,
  AdjustAllowanceDirection,
  AdjustAllowanceError,
  AdjustAllowanceForm,
  AdjustAllowancePlan,
  AdjustAllowanceQuantity,
  AdjustAllowanceQuote,
  AdjustAllowanceRequoted,
  AdjustAllowanceRestore,
  AdjustAllowanceResult,
  AdjustAllowanceRoot,
  AdjustAllowanceStatus,
  AdjustAllowanceSubmit,
  AdjustAllowanceSubmitHint,
  AdjustAllowanceTitle,
  AdjustAllowanceTrigger,
  useAdjustAllowance,
} from './adjust-allowance-parts';
export { ar } from './ar';
export { de } from './de';
export { es } from './es';
export type { PluralForms, SeatsFormat } from './format';
export { createFormat } from './format';
export { fr } from './fr';
export { ja } from './ja';
export type { MemberPickerProps } from './member-picker';
export { MemberPicker } from './member-picker';
export type {
  ChangeDirection,
  ChangeInput,
  SeatsMessageOverrides,
  SeatsMessages,
} from './messages';
export { en } from './messages';
export { pt } from './pt';
export type {
  SeatMeterPoolProps,
  SeatMeterProps,
  SeatMeterReasonProps,
  SeatMeterRootProps,
  SeatMeterSubject,
} from './seat-meter';
export {
  SeatMeter,
  SeatMeterBar,
  SeatMeterCounts,
  SeatMeterDetails,
  SeatMeterLabel,
  SeatMeterPool,
  SeatMeterReason,
  SeatMeterRenewal,
  SeatMeterRoot,
  SeatMeterStorage,
} from './seat-meter';
export type { SeatMeterPart } from './seat-meter-anatomy';
export { seatMeterAnatomy } from './seat-meter-anatomy';
export type { SeatsContextValue } from './seats-context';
export { useSeats } from './seats-context';
export type { SeatsMutationContext, UpdateMemberVariables } from './seats-mutation-options';
export {
  createMemberMutationOptions,
  deleteMemberMutationOptions,
  updateMemberMutationOptions,
} from './seats-mutation-options';
export type { SeatsProviderProps } from './seats-provider';
export { SeatsProvider } from './seats-provider';
export {
  changesQueryOptions,
  membersQueryOptions,
  quoteQueryOptions,
  seatsKeys,
  summaryQueryOptions,
} from './seats-query-options';
export type {
  AddUserDecision,
  AddUserDecisionResult,
  UseAddUserDecisionOptions,
} from './use-add-user-decision';
export { decideAddUser, defaultNewMember, useAddUserDecision } from './use-add-user-decision';
export type {
  AddUserGuardController,
  AddUserOutcome,
  GuardState,
  UseAddUserGuardOptions,
} from './use-add-user-guard';
export { useAddUserGuard } from './use-add-user-guard';
export type {
  AllowanceCommitProblem,
  AllowanceDraftController,
  AllowanceQuoteProblem,
  UseAllowanceDraftOptions,
} from './use-allowance-draft';
export { useAllowanceDraft } from './use-allowance-draft';
export { useCommitChange } from './use-commit-change';
export type { UseFreeLicenceOptions } from './use-free-licence';
export { useFreeLicence } from './use-free-licence';
export { useCreateMember, useDeleteMember, useUpdateMember } from './use-member-mutations';
export { useMembers } from './use-members';
export type { UseQuoteOptions } from './use-quote';
export { useQuote } from './use-quote';
export { useSeatsMessages } from './use-seats-messages';
export type { UseSeatsSummaryOptions } from './use-seats-summary';
export { useSeatsSummary } from './use-seats-summary';
