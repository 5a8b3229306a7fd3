import type { MemberChangeDecision, PlanIssue } from '@seats/core';
import type { FieldError } from '@seats/core/contract';

/**
 * An input the admin API refuses, naming each field (`users.3.role`, `policy`, `currency`) with a
 * code (`unknown_role`, `duplicate`, `invalid_format`...). Nothing was changed.
 */
export class AdminInputError extends Error {
  override name = 'AdminInputError';
  /** The first field at fault. */
  readonly field: string;
  /** The first field's code. */
  readonly code: string;
  constructor(readonly errors: FieldError[]) {
    const first = errors[0] ?? { field: '', code: 'invalid', message: 'Invalid input.' };
    super(
      errors.length > 1
        ? `${first.field}: ${first.message} (and ${errors.length - 1} more)`
        : `${first.field}: ${first.message}`,
    );
    this.field = first.field;
    this.code = first.code;
  }
}

export type SeatsAdminErrorCode =
  | 'account_exists'
  | 'account_not_found'
  | 'member_not_found'
  | 'pool_not_found'
  | 'pool_in_use'
  | 'no_licence_available'
  | 'plan_invalid'
  | 'conflict';

/** Core's reason a purchased quantity cannot be set, naming the input's field. */
export type PurchasedIssue = Omit<PlanIssue, 'field'> & { field: 'purchased' };

/** A well-formed admin request that cannot be done now; nothing was changed. */
export class SeatsAdminError extends Error {
  override name = 'SeatsAdminError';
  constructor(
    readonly code: SeatsAdminErrorCode,
    message: string,
    /** Core's decision, for `no_licence_available`. */
    readonly decision?: Extract<MemberChangeDecision, { outcome: 'needs-licence' }>,
    /** Core's reasons (`below-assigned`, `below-min`, `above-max`), for `plan_invalid`. */
    readonly issues?: PurchasedIssue[],
  ) {
    super(message);
  }
}
