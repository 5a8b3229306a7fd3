import type { AllowancePlan } from '@seats/core';
import type { Billing } from './billing-provider';
import type { DeliveryLoopOptions, EventDeliveryOptions } from './event-delivery';
import type { RecordedSeatsEvent } from './seats-event';
import type { SeatsStore } from './seats-store';

/** Who is calling, as the host's `identify` answers it. */
export interface SeatsIdentity {
  accountId: string;
  /**
   * The caller's own member id, when the caller is a member of the account; an id that is no
   * member of the account answers 403 `not_a_member`.
   */
  memberId: string | null;
  /**
   * The caller's role (rights group), one of the policy's `roles`; any other answers 403
   * `unknown_role`. Roles outside the policy's `viewLicences` get a limited summary.
   */
  role: string;
}

export interface SeatsHandlerOptions {
  store: SeatsStore;
  /**
   * Who is calling; `null` answers 401 `unauthenticated`, an account the store does not hold 404
   * `account_not_found`. Every read and write is scoped to the identity's account.
   */
  identify: (request: Request) => SeatsIdentity | null | Promise<SeatsIdentity | null>;
  /**
   * How purchases are charged and removals credited: the kit prices and the provider takes the money
   * (`BillingProvider`), or the provider holds the subscription and the kit sets its quantities
   * (`SubscriptionBillingProvider`). Required outside `NODE_ENV` development and test: without
   * it there, the handler is still created (a build may import it), but every request answers
   * 500 `billing_required` and the first one logs `BillingRequiredError`'s message. In development
   * it defaults to `createDevBilling()`, and every response carries `x-seats-billing: development`.
   */
  billing?: Billing | undefined;
  /** Checks the password a policy with `confirmation: 'password'` asks for; without it every password is refused. */
  verifyPassword?: (identity: SeatsIdentity, password: string) => boolean | Promise<boolean>;
  /**
   * Sends the e-signature request of a pending purchase (an email with a link carrying `token`).
   * Runs inside the commit: when it throws, nothing is committed.
   */
  requestSignature?: (request: {
    accountId: string;
    changeId: string;
    token: string;
    plan: AllowancePlan;
  }) => void | Promise<void>;
  /** @default () => new Date() */
  clock?: () => Date;
  /**
   * Settles, once on the first request, the changes a crash left `charging` for over a minute (see
   * `createSeatsJobs().recover`). @default true
   */
  recoverOnStart?: boolean;
  /**
   * Called in this process right after each write commits, with the events the outbox recorded
   * with it; best-effort: a process that dies first never calls it, and what it throws (or the
   * promise it returns rejects with) is logged, not retried, and never fails the request. For
   * delivery that survives crashes and outages, use `deliveries`.
   */
  onEvent?: (event: RecordedSeatsEvent) => void;
  /**
   * Delivers the outbox's events at least once to these subscribers and signed webhooks, from a
   * loop in this process (`jobs.deliver()` every `intervalMs`, and right after each commit), started
   * by the first request.
   * Every instance may run it. Without it, events are still recorded: deliver them from a worker
   * with `createSeatsJobs({ deliveries }).deliver()`.
   */
  deliveries?: EventDeliveryOptions & DeliveryLoopOptions;
  /** Where the handler is mounted, e.g. `/api/seats`; routes live at `${basePath}/v1/...`. @default '' */
  basePath?: string;
  /** @default 65536 */
  maxBodyBytes?: number;
  /**
   * How many pages of members or changes the handler builds at once; more wait their turn. A burst
   * of pages (an export walking every one, many admins at once) then keeps only a few ahead of the
   * summary and of member writes, which stay quick: with 15 clients paging 200 members at a time,
   * the summary on PostgreSQL answered in about 4 ms instead of 15, for the same pages per second.
   * Raise it when the database is far from the handler. @default 3
   */
  listConcurrency?: number;
}
