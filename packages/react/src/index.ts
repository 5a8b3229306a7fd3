export type { AddUserGuardProps, AddUserOutcome } from './add-user-guard';
export { AddUserGuard } from './add-user-guard';
export type { AdjustAllowanceDialogProps } from './adjust-allowance-dialog';
export { AdjustAllowanceDialog } from './adjust-allowance-dialog';
export { de } from './de';
export { es } from './es';
export type { PluralForms, SeatsFormat } from './format';
export { createFormat } from './format';
export { fr } from './fr';
export { ja } from './ja';
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
export type { SeatsContextValue } from './seats-context';
export { useSeats } from './seats-context';
export type { SeatsProviderProps } from './seats-provider';
export { SeatsProvider } from './seats-provider';
export {
  changesQueryOptions,
  membersQueryOptions,
  quoteQueryOptions,
  seatsKeys,
  summaryQueryOptions,
} from './seats-query-options';
export type { AddUserDecisionResult, UseAddUserDecisionOptions } from './use-add-user-decision';
export { defaultNewMember, useAddUserDecision } from './use-add-user-decision';
export { useCommitChange } from './use-commit-change';
export { useMembers } from './use-members';
export type { UseQuoteOptions } from './use-quote';
export { useQuote } from './use-quote';
export { useSeatsSummary } from './use-seats-summary';
