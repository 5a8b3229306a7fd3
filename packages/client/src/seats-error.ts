import type { ErrorCode, FieldError, Problem } from '@seats/core/contract';

// A registered symbol recognises the kit's errors even when two copies of the client are loaded (ESM and CJS).
const brand = Symbol.for('@seats/client/error');

/** The base of every error the client throws; an aborted call rejects with the standard `AbortError` instead. */
export class SeatsError extends Error {
  override name = 'SeatsError';
  constructor(message?: string, options?: ErrorOptions) {
    super(message, options);
    Object.defineProperty(this, brand, { value: true });
  }
}

/** A `code` the server sent, or `unexpected_response` when an error response was not a problem document. */
export type SeatsApiErrorCode = ErrorCode | 'unexpected_response';

/** The server answered with an error status: RFC 9457 problem details with a stable `code`. */
export class SeatsApiError extends SeatsError {
  override name = 'SeatsApiError';
  /** The problem's stable `code`; `unexpected_response` when the body was not a problem document (a proxy's 502 page). */
  readonly code: SeatsApiErrorCode;
  /** The HTTP status. */
  readonly status: number;
  /** The id the server logged the request under (the problem's `requestId`, else the `x-request-id` header). */
  readonly requestId: string | null;
  /** The problem document as sent, or `null` when the body was not one. */
  readonly problem: Problem | null;
  /** Field errors of a `validation_failed` problem; empty otherwise. */
  readonly fieldErrors: FieldError[];

  constructor(init: {
    status: number;
    problem: Problem | null;
    requestId?: string | null;
    /** The response's `Retry-After` header, when it sent one. */
    retryAfter?: string | null;
    message?: string;
  }) {
    const { problem, status } = init;
    super(
      init.message ??
        problem?.detail ??
        problem?.title ??
        `The server answered ${status} with an unexpected body.`,
    );
    this.status = status;
    this.problem = problem;
    this.code = problem?.code ?? 'unexpected_response';
    this.requestId = problem?.requestId ?? init.requestId ?? null;
    this.fieldErrors = problem?.errors ?? [];
    // A kind is named after the first code it answers (`stale_version`: `StaleVersionError`)
    // unless it names itself: one table for both, so the bundle carries each name once.
    const code = Object.keys(errorClassByCode).find(
      (key) => errorClassByCode[key as ErrorCode] === new.target,
    );
    if (code !== undefined) {
      this.name = `${code.replace(/(?:^|_)(.)/g, (_, letter: string) => letter.toUpperCase())}Error`;
    }
  }
}

type ApiErrorInit = ConstructorParameters<typeof SeatsApiError>[0];

/** A `Retry-After` header's whole seconds; `null` when it sent none or a date. */
function secondsOf(retryAfter: string | null | undefined): number | null {
  const seconds = retryAfter == null ? Number.NaN : Number(retryAfter);
  return Number.isInteger(seconds) && seconds >= 0 ? seconds : null;
}

/** 401 `unauthenticated`: the host did not recognise the caller. */
export class UnauthenticatedError extends SeatsApiError {}

/** 403 `forbidden`: the caller's role may not do this under the account's policy. */
export class ForbiddenError extends SeatsApiError {}

/**
 * 403 `unknown_role`: the host identified the caller with a role the account's policy does not
 * know; the host's `identify` must answer one of the policy's roles.
 */
export class UnknownRoleError extends SeatsApiError {}

/** 403 `not_a_member`: the host identified the caller with a member id that is no member of the account. */
export class NotAMemberError extends SeatsApiError {}

/**
 * 404 `account_not_found`: the caller's account is not set up for licences (the host has not
 * provisioned it); not a network failure, so retrying does not help.
 */
export class AccountNotFoundError extends SeatsApiError {}

/** 404 `not_found`: no such member or change in the caller's account. */
export class NotFoundError extends SeatsApiError {}

/**
 * The request itself was wrong: `validation_failed` (see `fieldErrors`), `malformed_json`,
 * `unsupported_media_type`, `payload_too_large`, `method_not_allowed`, `idempotency_key_required`.
 */
export class InvalidRequestError extends SeatsApiError {
  override name = 'InvalidRequestError';
}

/** 422 `plan_invalid`: the allowance change breaks the policy; `issues` says which rule and why. */
export class PlanInvalidError extends SeatsApiError {
  readonly issues: NonNullable<Problem['issues']>;
  constructor(init: ApiErrorInit) {
    super(init);
    this.issues = init.problem?.issues ?? [];
  }
}

/** The core decision behind a `no_licence_available` answer, with the remedies the caller may use. */
export type NeedsLicenceDecision = NonNullable<Problem['decision']>;

/** 409 `no_licence_available`: the member needs a licence and none is free; `decision` lists the remedies. */
export class NoLicenceAvailableError extends SeatsApiError {
  readonly decision: NeedsLicenceDecision | null;
  constructor(init: ApiErrorInit) {
    super(init);
    this.decision = init.problem?.decision ?? null;
  }
}

/** 409 `stale_version`: the quote was made against an older summary; quote again. */
export class StaleVersionError extends SeatsApiError {}

/**
 * 409 `conflict`: the write lost a race with other writes to the same records more times than the
 * server retries it; nothing changed. Sending the same request again usually succeeds.
 */
export class ConflictError extends SeatsApiError {}

/** 409 `quote_expired`: the quote outlived the policy's `quoteTtlSeconds`; quote again. */
export class QuoteExpiredError extends SeatsApiError {}

/** 409 `quote_used`: the quote was already committed under another idempotency key. */
export class QuoteUsedError extends SeatsApiError {}

/**
 * 409 `change_in_progress`: another change of the same licence type is still with the payment
 * provider (subscription-quantity billing); quote again once it has settled.
 */
export class ChangeInProgressError extends SeatsApiError {}

/** 409 `idempotency_key_conflict`: the key was used before with a different request. */
export class IdempotencyKeyConflictError extends SeatsApiError {}

/** 422 `confirmation_required`: the policy needs a confirmation (terms, password) the request lacks. */
export class ConfirmationRequiredError extends SeatsApiError {}

/** 422 `password_invalid`: the password confirming the purchase is wrong. */
export class PasswordInvalidError extends SeatsApiError {}

/**
 * 429 `too_many_attempts`: too many wrong passwords; `retryAfterSeconds` says when to try again.
 */
export class TooManyAttemptsError extends SeatsApiError {
  /** Seconds until a password may be tried again, from the `Retry-After` header. */
  readonly retryAfterSeconds: number | null;
  constructor(init: ApiErrorInit) {
    super(init);
    this.retryAfterSeconds = secondsOf(init.retryAfter);
  }
}

/** 422 `signature_invalid`: the e-signature token is wrong. */
export class SignatureInvalidError extends SeatsApiError {}

/** 409 `not_cancellable`: the change is not a scheduled removal that can still be restored. */
export class NotCancellableError extends SeatsApiError {}

/** 402 `payment_failed`: the charge was declined and nothing changed; the payment method needs updating. */
export class PaymentFailedError extends SeatsApiError {}

/**
 * 5xx `internal_error`, 500 `billing_required` (a server started without its billing provider), or
 * any 5xx without a problem document: the server failed; nothing is known to have changed.
 */
export class InternalServerError extends SeatsApiError {
  override name = 'InternalServerError';
}

/**
 * 503 `service_unavailable`: the server cannot reach its database for now; nothing is known to have
 * changed. Retry after `retryAfterSeconds` (from the `Retry-After` header), under the same
 * idempotency key for a commit.
 */
export class ServiceUnavailableError extends SeatsApiError {
  /** Seconds to wait before retrying, from the `Retry-After` header; `null` when it sent none. */
  readonly retryAfterSeconds: number | null;
  constructor(init: ApiErrorInit) {
    super(init);
    this.retryAfterSeconds = secondsOf(init.retryAfter);
  }
}

/** `fetch` itself failed (offline, DNS, connection reset) and the call was not aborted. */
export class SeatsNetworkError extends SeatsError {
  override name = 'SeatsNetworkError';
}

/** A successful response did not match the contract's schema: client and server disagree on the version. */
export class SeatsValidationError extends SeatsError {
  override name = 'SeatsValidationError';
  /** The HTTP status of the response. */
  readonly status: number;
  /** What did not match, as `path: message` lines. */
  readonly issues: string[];
  /** The body as received (parsed JSON, or the text when it was not JSON). */
  readonly body: unknown;
  constructor(init: { status: number; issues: string[]; body: unknown; message?: string }) {
    super(
      init.message ?? `The response did not match the Seats contract: ${init.issues.join('; ')}`,
    );
    this.status = init.status;
    this.issues = init.issues;
    this.body = init.body;
  }
}

type ApiErrorClass = new (init: ApiErrorInit) => SeatsApiError;

/** The error class for each problem code. */
export const errorClassByCode: Record<ErrorCode, ApiErrorClass> = {
  unauthenticated: UnauthenticatedError,
  forbidden: ForbiddenError,
  unknown_role: UnknownRoleError,
  not_a_member: NotAMemberError,
  not_found: NotFoundError,
  account_not_found: AccountNotFoundError,
  method_not_allowed: InvalidRequestError,
  unsupported_media_type: InvalidRequestError,
  malformed_json: InvalidRequestError,
  payload_too_large: InvalidRequestError,
  validation_failed: InvalidRequestError,
  idempotency_key_required: InvalidRequestError,
  plan_invalid: PlanInvalidError,
  no_licence_available: NoLicenceAvailableError,
  stale_version: StaleVersionError,
  conflict: ConflictError,
  // Answered by the admin API only.
  account_exists: ConflictError,
  pool_in_use: ConflictError,
  quote_expired: QuoteExpiredError,
  quote_used: QuoteUsedError,
  change_in_progress: ChangeInProgressError,
  idempotency_key_conflict: IdempotencyKeyConflictError,
  confirmation_required: ConfirmationRequiredError,
  password_invalid: PasswordInvalidError,
  too_many_attempts: TooManyAttemptsError,
  signature_invalid: SignatureInvalidError,
  not_cancellable: NotCancellableError,
  payment_failed: PaymentFailedError,
  internal_error: InternalServerError,
  service_unavailable: ServiceUnavailableError,
  billing_required: InternalServerError,
};

/** The typed error for an error response: by the problem's `code`, else by status. */
export function apiErrorFrom(init: ApiErrorInit): SeatsApiError {
  if (init.problem !== null) return new errorClassByCode[init.problem.code](init);
  if (init.status === 503) return new ServiceUnavailableError(init);
  return init.status >= 500 ? new InternalServerError(init) : new SeatsApiError(init);
}

/** Whether `error` was thrown by the client (network, validation or API error). */
export function isSeatsError(error: unknown): error is SeatsError {
  return (
    error instanceof SeatsError || (typeof error === 'object' && error !== null && brand in error)
  );
}

/**
 * Whether `error` is an error answer of the API, optionally with the given `code`.
 * @example if (isSeatsApiError(error, 'stale_version')) requote();
 */
export function isSeatsApiError<Code extends SeatsApiErrorCode = SeatsApiErrorCode>(
  error: unknown,
  code?: Code,
): error is SeatsApiError & { code: Code } {
  return (
    isSeatsError(error) &&
    'code' in error &&
    'status' in error &&
    (code === undefined || error.code === code)
  );
}
