import type { Instant } from './domain';
import type { SeatPolicy } from './policy';

/** Wrong passwords of one member of one account, counted from the first in the window. */
export interface PasswordFailures {
  count: number;
  since: Instant;
}

export type PasswordAttemptDecision =
  | { status: 'open' }
  | { status: 'locked'; until: Instant; retryAfterSeconds: number };

/** @default { max: 5, lockoutSeconds: 900 } */
export function passwordAttemptLimit(policy: SeatPolicy): { max: number; lockoutSeconds: number } {
  return policy.passwordAttempts ?? { max: 5, lockoutSeconds: 900 };
}

/**
 * Whether a member may try a password now: after `max` wrong ones within `lockoutSeconds` of the
 * first, no more until that window has passed.
 */
export function decidePasswordAttempt(
  policy: SeatPolicy,
  failures: PasswordFailures | null,
  now: Instant,
): PasswordAttemptDecision {
  const { max, lockoutSeconds } = passwordAttemptLimit(policy);
  if (failures === null || failures.count < max) return { status: 'open' };
  const until = Date.parse(failures.since) + lockoutSeconds * 1_000;
  const left = until - Date.parse(now);
  if (left <= 0) return { status: 'open' };
  return {
    status: 'locked',
    until: new Date(until).toISOString(),
    retryAfterSeconds: Math.ceil(left / 1_000),
  };
}

/** The failures once one more wrong password is entered at `now`; a passed window starts again. */
export function addPasswordFailure(
  policy: SeatPolicy,
  failures: PasswordFailures | null,
  now: Instant,
): PasswordFailures {
  const { lockoutSeconds } = passwordAttemptLimit(policy);
  if (failures === null || Date.parse(now) >= Date.parse(failures.since) + lockoutSeconds * 1_000) {
    return { count: 1, since: now };
  }
  return { count: failures.count + 1, since: failures.since };
}

/** When a pending e-signature purchase, requested at `requestedAt`, expires. @default 7 days */
export function signatureExpiresAt(policy: SeatPolicy, requestedAt: Instant): Instant {
  const seconds = policy.signatureTtlSeconds ?? 7 * 24 * 3_600;
  return new Date(Date.parse(requestedAt) + seconds * 1_000).toISOString();
}
