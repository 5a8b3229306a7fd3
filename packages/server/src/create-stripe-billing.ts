import type Stripe from 'stripe';
import type {
  BillingLine,
  BillingProvider,
  BillingRequest,
  BillingResult,
} from './billing-provider';
import type { SeatsJobs } from './create-seats-jobs';
import type { UnknownChangeError } from './settle-charge';

export interface StripeBillingOptions {
  /** The host's Stripe client: `new Stripe(secretKey)`. */
  stripe: Stripe;
  /** The Stripe customer (`cus_…`) who pays for an account's licences. */
  customerFor(accountId: string): Promise<string>;
  /**
   * The payment method charged off-session.
   * @default the customer's `invoice_settings.default_payment_method`, else its `default_source`
   */
  paymentMethodFor?(customerId: string, accountId: string): Promise<string | null>;
  /**
   * The PaymentIntent (`pi_…`) a credit is refunded against, when the host knows which one paid for
   * the licences removed. `null` (the default) gives the credit as customer balance instead.
   * @default () => null
   */
  refundTarget?(request: BillingRequest): Promise<string | null>;
  /** Prefixed to the request's description on the PaymentIntent. @default '' */
  statementPrefix?: string;
}

/** Metadata keys the adapter writes on every PaymentIntent, refund and balance transaction. */
export const stripeMetadataKeys = {
  accountId: 'seats_account_id',
  changeId: 'seats_change_id',
  idempotencyKey: 'seats_idempotency_key',
  /** `change` for a purchase or removal, `period` for a period's recurring charge. */
  kind: 'seats_kind',
  /** Set when `kind` is `period`: the period's start, as `jobs.settlePeriod()` takes it. */
  periodStart: 'seats_period_start',
  lines: 'seats_lines',
} as const;

/**
 * A `BillingProvider` over Stripe in the charges mode: the kit prices every change, Stripe takes
 * the money.
 *
 * A charge is one PaymentIntent, created and confirmed off-session on the customer's default
 * payment method, rather than an invoice: seat purchases happen while the customer's card is
 * already on file, a PaymentIntent is a single request covered by a single idempotency key (the
 * kit's) and answers at once (`succeeded`, `requires_action`, or a card error), whereas an invoice
 * takes four requests (items, invoice, finalize, pay), each needing its own key, and a crash
 * between them leaves a draft to clean up. Hosts that want a receipt use Stripe's receipt emails.
 *
 * A credit is a Refund against the PaymentIntent `refundTarget` names, else a negative customer
 * balance transaction: the kit's removal request does not say which earlier payment it undoes,
 * and a balance credit is applied by Stripe to the customer's next invoice (when the host invoices
 * with Stripe Billing) without guessing.
 *
 * Stripe keeps an idempotency key for 24 hours: the kit's recovery asks again within minutes, but a
 * change left `charging` for longer must be checked in the Dashboard before it is retried. A key
 * asked again with other parameters (the default payment method changed meanwhile) is answered
 * with the PaymentIntent first created under it, found among the customer's latest 100.
 */
export function createStripeBilling(options: StripeBillingOptions): BillingProvider {
  const { stripe } = options;

  async function paymentMethodOf(customerId: string, accountId: string): Promise<string | null> {
    if (options.paymentMethodFor !== undefined)
      return options.paymentMethodFor(customerId, accountId);
    const customer = await stripe.customers.retrieve(customerId);
    if ('deleted' in customer && customer.deleted === true) return null;
    const live = customer as Stripe.Customer;
    return (
      idOf(live.invoice_settings?.default_payment_method ?? null) ??
      idOf(live.default_source ?? null)
    );
  }

  async function intentWithKey(
    customer: string,
    key: string,
  ): Promise<Stripe.PaymentIntent | null> {
    const latest = await stripe.paymentIntents.list({ customer, limit: 100 });
    return (
      latest.data.find((intent) => intent.metadata[stripeMetadataKeys.idempotencyKey] === key) ??
      null
    );
  }

  return {
    async charge(request) {
      const customer = await options.customerFor(request.accountId);
      const paymentMethod = await paymentMethodOf(customer, request.accountId);
      if (paymentMethod === null)
        return { status: 'declined', reason: 'The customer has no default payment method.' };
      try {
        const intent = await stripe.paymentIntents.create(
          {
            amount: request.amount.amount,
            currency: request.amount.currency.toLowerCase(),
            customer,
            payment_method: paymentMethod,
            off_session: true,
            confirm: true,
            description: `${options.statementPrefix ?? ''}${request.description}`,
            metadata: metadataOf(request),
          },
          { idempotencyKey: request.idempotencyKey },
        );
        return resultOf(intent);
      } catch (error) {
        if (stripeErrorType(error) === 'StripeIdempotencyError') {
          // The key was used with other parameters (the default payment method changed between
          // the first attempt and this one): answer what the first attempt created.
          const first = await intentWithKey(customer, request.idempotencyKey);
          if (first !== null) return resultOf(first);
          throw error;
        }
        if (isCardError(error)) {
          const intent = error.payment_intent;
          return {
            status: 'declined',
            reason: intent?.last_payment_error?.message ?? error.message,
          };
        }
        throw error;
      }
    },
    async credit(request) {
      const target = (await options.refundTarget?.(request)) ?? null;
      if (target !== null) {
        const refund = await stripe.refunds.create(
          { payment_intent: target, amount: request.amount.amount, metadata: metadataOf(request) },
          { idempotencyKey: request.idempotencyKey },
        );
        if (refund.status === 'failed' || refund.status === 'canceled')
          return { status: 'declined', reason: `The refund ${refund.id} ${refund.status}.` };
        return refund.status === 'succeeded'
          ? { status: 'succeeded', reference: refund.id }
          : { status: 'pending', reference: refund.id };
      }
      const customer = await options.customerFor(request.accountId);
      const transaction = await stripe.customers.createBalanceTransaction(
        customer,
        {
          // Negative: a credit the customer's next invoice consumes.
          amount: -request.amount.amount,
          currency: request.amount.currency.toLowerCase(),
          description: request.description,
          metadata: metadataOf(request),
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return { status: 'succeeded', reference: transaction.id };
    },
  };
}

function idOf(value: string | { id: string } | null): string | null {
  if (value === null) return null;
  return typeof value === 'string' ? value : value.id;
}

// By the error's `type`, not `instanceof`: the host's `stripe` may be another copy of the module.
function stripeErrorType(error: unknown): unknown {
  return typeof error === 'object' && error !== null
    ? (error as { type?: unknown }).type
    : undefined;
}

function isCardError(error: unknown): error is Stripe.errors.StripeCardError {
  return stripeErrorType(error) === 'StripeCardError';
}

function resultOf(intent: Stripe.PaymentIntent): BillingResult {
  switch (intent.status) {
    case 'succeeded':
      return { status: 'succeeded', reference: intent.id };
    case 'requires_payment_method':
    case 'canceled':
      return {
        status: 'declined',
        reason: intent.last_payment_error?.message ?? `The payment ${intent.id} was not completed.`,
      };
    default:
      // requires_action (3-D Secure), processing (bank debits), requires_capture: Stripe's
      // `payment_intent.succeeded` or `payment_intent.payment_failed` webhook settles it.
      return { status: 'pending', reference: intent.id };
  }
}

function periodStartOf(request: BillingRequest): string | null {
  const prefix = `period_${request.accountId}_`;
  return request.idempotencyKey.startsWith(prefix)
    ? request.idempotencyKey.slice(prefix.length)
    : null;
}

function metadataOf(request: BillingRequest): Record<string, string> {
  const periodStart = periodStartOf(request);
  const metadata: Record<string, string> = {
    [stripeMetadataKeys.accountId]: request.accountId,
    [stripeMetadataKeys.changeId]: request.changeId,
    [stripeMetadataKeys.idempotencyKey]: request.idempotencyKey,
    [stripeMetadataKeys.kind]: periodStart === null ? 'change' : 'period',
    // Stripe allows 500 characters per metadata value.
    [stripeMetadataKeys.lines]: request.lines.map(lineSummary).join('; ').slice(0, 500),
  };
  if (periodStart !== null) metadata[stripeMetadataKeys.periodStart] = periodStart;
  return metadata;
}

function lineSummary(line: BillingLine): string {
  const share =
    line.fraction !== null
      ? ` ${line.fraction.remaining}/${line.fraction.total}`
      : line.period !== null
        ? ` ${line.period.from.slice(0, 10)}..${line.period.until.slice(0, 10)}`
        : '';
  return `${line.poolId} ${line.kind} ${line.quantity}x${line.unitPrice}${share}=${line.amount}`;
}

/** What `settleFromStripeEvent` did with an event. */
export type StripeEventSettlement =
  | { settled: 'change'; accountId: string; changeId: string; result: SettledResult }
  | { settled: 'period'; accountId: string; periodStart: string; result: SettledResult }
  /** Not a PaymentIntent outcome, or a PaymentIntent the kit did not create. */
  | { settled: 'ignored' }
  /**
   * Created by the kit, for a change this database does not hold (another environment sharing the
   * Stripe account, an account deleted since): acknowledged, so that Stripe stops sending it.
   */
  | { settled: 'unknown'; accountId: string; changeId: string };

type SettledResult = Exclude<BillingResult, { status: 'pending' }>;

/**
 * Records the outcome of a PaymentIntent the adapter created and answered `pending`:
 * `payment_intent.succeeded` applies the change (`jobs.settle()`) or marks the period charged
 * (`jobs.settlePeriod()`); `payment_intent.payment_failed` and `payment_intent.canceled` undo the
 * change or mark the period's charge failed. The kit's metadata on the PaymentIntent says which.
 * `refund.updated` and `refund.failed` settle a credit whose refund answered pending: succeeded,
 * or failed (the removal undone). Safe to receive more than once and for charges that already
 * settled.
 */
export async function settleFromStripeEvent(
  jobs: Pick<SeatsJobs, 'settle' | 'settlePeriod'>,
  event: Stripe.Event,
): Promise<StripeEventSettlement> {
  if (event.type === 'refund.updated' || event.type === 'refund.failed') {
    const refund = event.data.object;
    const accountId = refund.metadata?.[stripeMetadataKeys.accountId];
    const changeId = refund.metadata?.[stripeMetadataKeys.changeId];
    if (accountId === undefined || changeId === undefined) return { settled: 'ignored' };
    const result: SettledResult | null =
      refund.status === 'succeeded'
        ? { status: 'succeeded', reference: refund.id }
        : refund.status === 'failed' || refund.status === 'canceled'
          ? {
              status: 'declined',
              reason: `The refund ${refund.id} ${refund.status}${refund.failure_reason === undefined ? '' : ` (${refund.failure_reason})`}.`,
            }
          : null;
    if (result === null) return { settled: 'ignored' };
    return settleChange(jobs, accountId, changeId, result);
  }
  if (
    event.type !== 'payment_intent.succeeded' &&
    event.type !== 'payment_intent.payment_failed' &&
    event.type !== 'payment_intent.canceled'
  )
    return { settled: 'ignored' };
  const intent = event.data.object;
  const metadata = intent.metadata ?? {};
  const accountId = metadata[stripeMetadataKeys.accountId];
  const changeId = metadata[stripeMetadataKeys.changeId];
  if (accountId === undefined || changeId === undefined) return { settled: 'ignored' };
  const result: SettledResult =
    event.type === 'payment_intent.succeeded'
      ? { status: 'succeeded', reference: intent.id }
      : {
          status: 'declined',
          reason:
            intent.last_payment_error?.message ??
            (event.type === 'payment_intent.canceled'
              ? 'The payment was canceled.'
              : 'The payment failed.'),
        };
  const periodStart = metadata[stripeMetadataKeys.periodStart];
  if (metadata[stripeMetadataKeys.kind] === 'period' && periodStart !== undefined) {
    await jobs.settlePeriod({ accountId, periodStart, result });
    return { settled: 'period', accountId, periodStart, result };
  }
  return settleChange(jobs, accountId, changeId, result);
}

async function settleChange(
  jobs: Pick<SeatsJobs, 'settle'>,
  accountId: string,
  changeId: string,
  result: SettledResult,
): Promise<StripeEventSettlement> {
  try {
    await jobs.settle({ accountId, changeId, result });
  } catch (error) {
    // By name: a CommonJS build holds a copy of the class per entry.
    if (isUnknownChange(error)) {
      console.warn(`[seats] Stripe event for an unknown change: ${error.message}`);
      return { settled: 'unknown', accountId, changeId };
    }
    throw error;
  }
  return { settled: 'change', accountId, changeId, result };
}

function isUnknownChange(error: unknown): error is UnknownChangeError {
  return error instanceof Error && error.name === 'UnknownChangeError';
}

export interface StripeWebhookHandlerOptions {
  stripe: Stripe;
  jobs: Pick<SeatsJobs, 'settle' | 'settlePeriod'>;
  /** The endpoint's signing secret (`whsec_…`) from the Dashboard or `stripe listen`. */
  secret: string;
}

/**
 * A fetch handler for Stripe's webhook endpoint: verifies the `Stripe-Signature` header over the
 * raw body (400 when it does not match), then `settleFromStripeEvent`. Answers 200 for events it
 * ignores and for changes this database does not hold, 500 when recording failed, so that Stripe
 * sends the event again.
 */
export function createStripeWebhookHandler(
  options: StripeWebhookHandlerOptions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const signature = request.headers.get('stripe-signature');
    if (request.method !== 'POST' || signature === null)
      return Response.json({ error: 'A signed POST from Stripe is expected.' }, { status: 400 });
    const body = await request.text();
    let event: Stripe.Event;
    try {
      event = await options.stripe.webhooks.constructEventAsync(body, signature, options.secret);
    } catch (error) {
      return Response.json(
        { error: error instanceof Error ? error.message : 'Invalid signature.' },
        { status: 400 },
      );
    }
    try {
      const settled = await settleFromStripeEvent(options.jobs, event);
      return Response.json({ received: true, settled: settled.settled });
    } catch (error) {
      console.warn(
        `[seats] Stripe event ${event.id} not recorded: ${error instanceof Error ? error.message : String(error)}`,
      );
      return Response.json({ error: 'Not recorded; send again.' }, { status: 500 });
    }
  };
}
