import type { MemberChangeDecision } from '@seats/core';
import type { ErrorCode, FieldError, Problem } from '@seats/core/contract';

const titles: Record<ErrorCode, string> = {
  unauthenticated: 'Not signed in',
  forbidden: 'Not allowed',
  unknown_role: 'Unknown role',
  not_a_member: 'Not a member',
  not_found: 'Not found',
  account_not_found: 'Account not found',
  method_not_allowed: 'Method not allowed',
  unsupported_media_type: 'Unsupported media type',
  malformed_json: 'Malformed JSON',
  payload_too_large: 'Payload too large',
  validation_failed: 'Invalid request',
  plan_invalid: 'Change not possible',
  no_licence_available: 'No licence available',
  stale_version: 'Stale version',
  conflict: 'Conflict',
  account_exists: 'Account exists',
  pool_in_use: 'Licence type in use',
  quote_expired: 'Quote expired',
  quote_used: 'Quote already used',
  change_in_progress: 'Change in progress',
  idempotency_key_required: 'Idempotency key required',
  idempotency_key_conflict: 'Idempotency key reused',
  confirmation_required: 'Confirmation required',
  password_invalid: 'Wrong password',
  too_many_attempts: 'Too many attempts',
  signature_invalid: 'Invalid signature',
  not_cancellable: 'Not cancellable',
  payment_failed: 'Payment failed',
  internal_error: 'Internal error',
  service_unavailable: 'Service unavailable',
  billing_required: 'Billing not configured',
};

export interface ProblemDetails {
  detail?: string;
  errors?: FieldError[];
  decision?: Extract<MemberChangeDecision, { outcome: 'needs-licence' }>;
  issues?: Problem['issues'];
  headers?: Record<string, string>;
}

/** An answer other than success, thrown inside the handler and turned into a problem document. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly details: ProblemDetails = {},
  ) {
    super(details.detail ?? titles[code]);
    this.name = 'ProblemError';
  }

  toResponse(requestId: string, instance: string): Response {
    const { headers = {}, ...rest } = this.details;
    const body: Problem = {
      type: `https://seats.dev/problems/${this.code.replaceAll('_', '-')}`,
      title: titles[this.code],
      status: this.status,
      instance,
      code: this.code,
      requestId,
      ...rest,
    };
    return new Response(JSON.stringify(body), {
      status: this.status,
      headers: { 'content-type': 'application/problem+json', ...headers },
    });
  }
}
