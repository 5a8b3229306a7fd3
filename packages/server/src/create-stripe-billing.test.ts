import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Change, FullSummary, Quote } from '@seats/core/contract';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from './demo';
import { type BillingRequest, createSeatsHandler, createSeatsJobs, type SeatsStore } from './index';
import { createPgliteStore } from './pglite';
import {
  createStripeBilling,
  createStripeWebhookHandler,
  settleFromStripeEvent,
  stripeMetadataKeys,
} from './stripe';

/** A request the fake Stripe API received. */
interface SeenRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  form: Record<string, string>;
}

/**
 * Answers as Stripe's API does for what the adapter calls, with bodies typed by the SDK: customers,
 * PaymentIntents (the payment method decides the outcome, as Stripe's test cards do), refunds and
 * customer balance transactions. A repeated `Idempotency-Key` answers the stored response.
 */
function fakeStripeApi() {
  const seen: SeenRequest[] = [];
  const intents: Stripe.PaymentIntent[] = [];
  const refunds: Stripe.Refund[] = [];
  const stored = new Map<string, { status: number; body: unknown; form: string }>();
  const defaultPaymentMethods = new Map<string, string | null>();
  let sequence = 0;
  let dropNext = 0;
  let fallbackPaymentMethod = 'pm_card_visa';
  const nextId = (prefix: string) => {
    sequence += 1;
    return `${prefix}_fake${sequence}`;
  };

  function customer(id: string): Stripe.Customer {
    const paymentMethod = defaultPaymentMethods.has(id)
      ? (defaultPaymentMethods.get(id) ?? null)
      : fallbackPaymentMethod;
    return {
      id,
      object: 'customer',
      balance: 0,
      created: 1_767_225_600,
      default_source: null,
      description: null,
      email: null,
      invoice_settings: {
        custom_fields: null,
        default_payment_method: paymentMethod,
        footer: null,
        rendering_options: null,
      },
      livemode: false,
      metadata: {},
      shipping: null,
    };
  }

  function paymentIntent(form: Record<string, string>): Stripe.PaymentIntent {
    const paymentMethod = form.payment_method ?? null;
    const status: Stripe.PaymentIntent.Status =
      paymentMethod === 'pm_card_chargeDeclined'
        ? 'requires_payment_method'
        : paymentMethod === 'pm_card_threeDSecureRequired'
          ? 'requires_action'
          : paymentMethod === 'pm_bank_debit'
            ? 'processing'
            : 'succeeded';
    const metadata: Record<string, string> = {};
    for (const [key, value] of Object.entries(form)) {
      const match = /^metadata\[(.+)\]$/.exec(key);
      if (match?.[1] !== undefined) metadata[match[1]] = value;
    }
    const amount = Number(form.amount);
    return {
      id: nextId('pi'),
      object: 'payment_intent',
      allowed_payment_method_types: null,
      amount,
      amount_capturable: 0,
      amount_received: status === 'succeeded' ? amount : 0,
      application: null,
      application_fee_amount: null,
      automatic_payment_methods: null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic',
      client_secret: 'pi_secret_fake',
      confirmation_method: 'automatic',
      created: 1_767_225_600,
      currency: form.currency ?? 'usd',
      customer: form.customer ?? null,
      customer_account: null,
      description: form.description ?? null,
      excluded_payment_method_types: null,
      last_payment_error:
        status === 'requires_payment_method'
          ? {
              type: 'card_error',
              code: 'card_declined',
              decline_code: 'generic_decline',
              message: 'Your card was declined.',
            }
          : null,
      latest_charge: status === 'succeeded' ? nextId('ch') : null,
      livemode: false,
      managed_payments: null,
      metadata,
      next_action:
        status === 'requires_action'
          ? { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } }
          : null,
      on_behalf_of: null,
      payment_method: paymentMethod,
      payment_method_configuration_details: null,
      payment_method_options: null,
      payment_method_types: ['card'],
      payment_record: null,
      processing: null,
      receipt_email: null,
      review: null,
      setup_future_usage: null,
      shipping: null,
      source: null,
      statement_descriptor: null,
      statement_descriptor_suffix: null,
      status,
      transfer_group: null,
    };
  }

  function answer(
    method: string,
    path: string,
    form: Record<string, string>,
    query: URLSearchParams,
  ) {
    const customerPath = /^\/v1\/customers\/([^/]+)$/.exec(path);
    if (method === 'GET' && customerPath?.[1] !== undefined) {
      if (customerPath[1].startsWith('cus_missing')) {
        const error: Stripe.StripeRawError = {
          type: 'invalid_request_error',
          code: 'resource_missing',
          param: 'id',
          message: `No such customer: '${customerPath[1]}'`,
        };
        return { status: 404, body: { error } };
      }
      return { status: 200, body: customer(customerPath[1]) };
    }
    if (method === 'GET' && path === '/v1/payment_intents') {
      const list: Stripe.ApiList<Stripe.PaymentIntent> = {
        object: 'list',
        data: intents.filter((intent) => intent.customer === query.get('customer')).reverse(),
        has_more: false,
        url: '/v1/payment_intents',
      };
      return { status: 200, body: list };
    }
    if (method === 'POST' && path === '/v1/payment_intents') {
      const intent = paymentIntent(form);
      intents.push(intent);
      if (intent.status !== 'requires_payment_method') return { status: 200, body: intent };
      const error: Stripe.StripeRawError = {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'generic_decline',
        message: 'Your card was declined.',
        charge: nextId('ch'),
        payment_intent: intent,
      };
      return { status: 402, body: { error } };
    }
    if (method === 'POST' && path === '/v1/refunds') {
      const refund: Stripe.Refund = {
        id: nextId('re'),
        object: 'refund',
        amount: Number(form.amount),
        balance_transaction: null,
        charge: null,
        created: 1_767_225_600,
        currency: 'gbp',
        customer: null,
        customer_account: null,
        metadata: {},
        payment_intent: form.payment_intent ?? null,
        payment_method: null,
        reason: null,
        receipt_number: null,
        source_transfer_reversal: null,
        status: form.payment_intent === 'pi_refund_pending' ? 'pending' : 'succeeded',
        transfer_reversal: null,
      };
      for (const [key, value] of Object.entries(form)) {
        const match = /^metadata\[(.+)\]$/.exec(key);
        if (match?.[1] !== undefined && refund.metadata !== null) refund.metadata[match[1]] = value;
      }
      refunds.push(refund);
      return { status: 200, body: refund };
    }
    const balancePath = /^\/v1\/customers\/([^/]+)\/balance_transactions$/.exec(path);
    if (method === 'POST' && balancePath?.[1] !== undefined) {
      const transaction: Stripe.CustomerBalanceTransaction = {
        id: nextId('cbtxn'),
        object: 'customer_balance_transaction',
        amount: Number(form.amount),
        checkout_session: null,
        created: 1_767_225_600,
        credit_note: null,
        currency: form.currency ?? 'usd',
        customer: balancePath[1],
        customer_account: null,
        description: form.description ?? null,
        ending_balance: Number(form.amount),
        invoice: null,
        livemode: false,
        metadata: {},
        type: 'adjustment',
      };
      return { status: 200, body: transaction };
    }
    const error: Stripe.StripeRawError = {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}).`,
    };
    return { status: 404, body: { error } };
  }

  const server: Server = createServer(async (request: IncomingMessage, response) => {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const form = Object.fromEntries(new URLSearchParams(request.method === 'GET' ? '' : raw));
    const idempotencyKey = request.headers['idempotency-key'];
    const key = typeof idempotencyKey === 'string' ? idempotencyKey : null;
    seen.push({ method: request.method ?? '', path: url.pathname, idempotencyKey: key, form });
    if (dropNext > 0) {
      // The connection breaks before any answer, as when the network drops.
      dropNext -= 1;
      request.socket.destroy();
      return;
    }
    let result: { status: number; body: unknown };
    const earlier = key === null ? undefined : stored.get(key);
    if (earlier !== undefined) {
      result =
        earlier.form === raw
          ? earlier
          : {
              status: 400,
              body: {
                error: {
                  type: 'idempotency_error',
                  message:
                    'Keys for idempotent requests can only be used with the same parameters they were first used with.',
                },
              },
            };
    } else {
      result = answer(request.method ?? '', url.pathname, form, url.searchParams);
      if (key !== null && request.method === 'POST') stored.set(key, { ...result, form: raw });
    }
    response.writeHead(result.status, {
      'content-type': 'application/json',
      'request-id': `req_fake${seen.length}`,
      ...(earlier !== undefined ? { 'idempotent-replayed': 'true' } : {}),
    });
    response.end(JSON.stringify(result.body));
  });

  return {
    seen,
    intents,
    refunds,
    setDefaultPaymentMethod(customerId: string, paymentMethod: string | null) {
      defaultPaymentMethods.set(customerId, paymentMethod);
    },
    /** The default payment method of customers not set otherwise. */
    setFallbackPaymentMethod(paymentMethod: string) {
      fallbackPaymentMethod = paymentMethod;
    },
    /** Breaks the next `count` connections before answering. */
    dropConnections(count: number) {
      dropNext = count;
    },
    reset() {
      seen.length = 0;
      intents.length = 0;
      refunds.length = 0;
      stored.clear();
      defaultPaymentMethods.clear();
      dropNext = 0;
      sequence = 0;
      fallbackPaymentMethod = 'pm_card_visa';
    },
    async listen(): Promise<number> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return (server.address() as AddressInfo).port;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const api = fakeStripeApi();
let stripe: Stripe;

beforeAll(async () => {
  const port = await api.listen();
  stripe = new Stripe('sk_test_x', {
    host: '127.0.0.1',
    port,
    protocol: 'http',
    maxNetworkRetries: 1,
  });
});
afterAll(() => api.close());
afterEach(() => api.reset());

const customerFor = async (accountId: string) => `cus_${accountId}`;

function chargeRequest(overrides: Partial<BillingRequest> = {}): BillingRequest {
  return {
    accountId: 'acme',
    changeId: 'chg_1',
    idempotencyKey: 'chg_1',
    amount: { amount: 1548, currency: 'GBP' },
    lines: [
      {
        poolId: 'users',
        kind: 'prorated-charge',
        quantity: 2,
        unitPrice: 2500,
        amount: 1548,
        fraction: { unit: 'day', remaining: 19, total: 31 },
        period: null,
      },
    ],
    recurring: [{ poolId: 'users', quantity: 2, unitPrice: 2500, per: 'period', amount: 5000 }],
    description: '2 licence(s) for pool users',
    ...overrides,
  };
}

describe('createStripeBilling against an HTTP server answering as Stripe', () => {
  it('charges with one confirmed off-session PaymentIntent and answers its id', async () => {
    const billing = createStripeBilling({ stripe, customerFor });
    const result = await billing.charge(chargeRequest());
    expect(result).toEqual({ status: 'succeeded', reference: api.intents[0]?.id });
    const created = api.seen.filter((seen) => seen.path === '/v1/payment_intents');
    expect(created).toHaveLength(1);
    expect(created[0]?.form).toMatchObject({
      amount: '1548',
      currency: 'gbp',
      customer: 'cus_acme',
      payment_method: 'pm_card_visa',
      off_session: 'true',
      confirm: 'true',
      [`metadata[${stripeMetadataKeys.accountId}]`]: 'acme',
      [`metadata[${stripeMetadataKeys.changeId}]`]: 'chg_1',
      [`metadata[${stripeMetadataKeys.kind}]`]: 'change',
      [`metadata[${stripeMetadataKeys.lines}]`]: 'users prorated-charge 2x2500 19/31=1548',
    });
  });

  it("sends the kit's idempotency key as Stripe's Idempotency-Key header", async () => {
    const billing = createStripeBilling({ stripe, customerFor });
    await billing.charge(chargeRequest({ changeId: 'chg_key', idempotencyKey: 'chg_key' }));
    const created = api.seen.find((seen) => seen.path === '/v1/payment_intents');
    expect(created?.idempotencyKey).toBe('chg_key');
  });

  it('sends the same Idempotency-Key when a charge is asked again, and Stripe creates one PaymentIntent', async () => {
    const billing = createStripeBilling({ stripe, customerFor });
    const first = await billing.charge(chargeRequest());
    const again = await billing.charge(chargeRequest());
    expect(again).toEqual(first);
    const keys = api.seen
      .filter((seen) => seen.path === '/v1/payment_intents')
      .map((seen) => seen.idempotencyKey);
    expect(keys).toEqual(['chg_1', 'chg_1']);
    expect(api.intents).toHaveLength(1);
  });

  it('keeps the key when the SDK retries a request whose connection broke', async () => {
    const billing = createStripeBilling({
      stripe,
      customerFor,
      paymentMethodFor: async () => 'pm_card_visa',
    });
    api.dropConnections(1);
    const result = await billing.charge(chargeRequest());
    expect(result.status).toBe('succeeded');
    const keys = api.seen
      .filter((seen) => seen.path === '/v1/payment_intents')
      .map((seen) => seen.idempotencyKey);
    expect(keys).toEqual(['chg_1', 'chg_1']);
    expect(api.intents).toHaveLength(1);
  });

  it('answers a charge asked again after the payment method changed with the PaymentIntent first created', async () => {
    const billing = createStripeBilling({ stripe, customerFor });
    api.setDefaultPaymentMethod('cus_acme', 'pm_card_threeDSecureRequired');
    const first = await billing.charge(chargeRequest());
    expect(first).toEqual({ status: 'pending', reference: api.intents[0]?.id });
    api.setDefaultPaymentMethod('cus_acme', 'pm_card_visa');
    expect(await billing.charge(chargeRequest())).toEqual(first);
    expect(api.intents).toHaveLength(1);
  });

  it("answers a card error as declined with Stripe's message", async () => {
    api.setDefaultPaymentMethod('cus_acme', 'pm_card_chargeDeclined');
    const billing = createStripeBilling({ stripe, customerFor });
    expect(await billing.charge(chargeRequest())).toEqual({
      status: 'declined',
      reason: 'Your card was declined.',
    });
  });

  it('answers declined, without calling Stripe to charge, when the customer has no payment method', async () => {
    api.setDefaultPaymentMethod('cus_acme', null);
    const billing = createStripeBilling({ stripe, customerFor });
    expect(await billing.charge(chargeRequest())).toEqual({
      status: 'declined',
      reason: 'The customer has no default payment method.',
    });
    expect(api.intents).toHaveLength(0);
  });

  it('answers requires_action and processing as pending with the PaymentIntent id', async () => {
    const billing = createStripeBilling({ stripe, customerFor });
    api.setDefaultPaymentMethod('cus_acme', 'pm_card_threeDSecureRequired');
    const action = await billing.charge(chargeRequest());
    expect(action).toEqual({ status: 'pending', reference: api.intents[0]?.id });
    api.setDefaultPaymentMethod('cus_acme', 'pm_bank_debit');
    const processing = await billing.charge(
      chargeRequest({ changeId: 'chg_2', idempotencyKey: 'chg_2' }),
    );
    expect(processing).toEqual({ status: 'pending', reference: api.intents[1]?.id });
  });

  it('marks a period charge with its period start, for the webhook to settle', async () => {
    const billing = createStripeBilling({ stripe, customerFor });
    const key = 'period_acme_2026-04-01T00:00:00.000Z';
    await billing.charge(chargeRequest({ changeId: key, idempotencyKey: key }));
    expect(api.intents[0]?.metadata).toMatchObject({
      [stripeMetadataKeys.kind]: 'period',
      [stripeMetadataKeys.periodStart]: '2026-04-01T00:00:00.000Z',
    });
  });

  it('credits as a negative customer balance transaction, keyed by the change', async () => {
    const billing = createStripeBilling({ stripe, customerFor });
    const result = await billing.credit(
      chargeRequest({ changeId: 'chg_rm', idempotencyKey: 'chg_rm', description: 'Credit' }),
    );
    const posted = api.seen.find((seen) => seen.path.endsWith('/balance_transactions'));
    expect(posted).toMatchObject({
      path: '/v1/customers/cus_acme/balance_transactions',
      idempotencyKey: 'chg_rm',
      form: { amount: '-1548', currency: 'gbp' },
    });
    expect(result).toEqual({ status: 'succeeded', reference: 'cbtxn_fake1' });
  });

  it('refunds against the PaymentIntent the host names', async () => {
    const billing = createStripeBilling({
      stripe,
      customerFor,
      refundTarget: async () => 'pi_original',
    });
    const result = await billing.credit(chargeRequest({ idempotencyKey: 'chg_rm' }));
    const posted = api.seen.find((seen) => seen.path === '/v1/refunds');
    expect(posted).toMatchObject({
      idempotencyKey: 'chg_rm',
      form: { payment_intent: 'pi_original', amount: '1548' },
    });
    expect(result).toMatchObject({ status: 'succeeded' });
  });

  it('throws what is not a card error, so the change stays charging for recovery', async () => {
    const billing = createStripeBilling({ stripe, customerFor: async () => 'cus_missing' });
    await expect(billing.charge(chargeRequest())).rejects.toThrow(
      "No such customer: 'cus_missing'",
    );
    expect(api.intents).toHaveLength(0);
  });
});

describe('the seats handler charging through Stripe', () => {
  const dazos = 'delta-upgrade-at-limit';
  const now = new Date('2026-03-10T12:00:00.000Z');
  const secret = 'whsec_test_secret';
  let store: SeatsStore;

  beforeAll(async () => {
    store = await createPgliteStore();
  });
  afterAll(() => store.close());

  async function setUp(
    accountId = dazos,
    role = 'owner',
    refundTarget?: () => Promise<string | null>,
  ) {
    await store.clear();
    await seedDemoAccounts(store, { now });
    const billing = createStripeBilling({ stripe, customerFor, refundTarget });
    const handle = createSeatsHandler({
      store,
      billing,
      clock: () => now,
      recoverOnStart: false,
      identify: () => ({ accountId, memberId: null, role }),
    });
    const jobs = createSeatsJobs({ store, billing, clock: () => now });
    const call = async <T>(method: string, path: string, body?: unknown, key?: string) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (key !== undefined) headers['idempotency-key'] = key;
      const response = await handle(
        new Request(`http://host.test/v1${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
      return { status: response.status, body: (await response.json()) as T };
    };
    const quote = async (delta: number, poolId = 'users') =>
      (await call<Quote>('POST', '/quotes', { poolId, delta })).body;
    const commit = (quoteId: string, key: string) =>
      call<Change>('POST', '/changes', { quoteId }, key);
    const purchased = async () =>
      (await call<FullSummary>('GET', '/summary')).body.pools[0]?.purchased ?? 0;
    const purchasedIn = async (poolId: string) =>
      (await call<FullSummary>('GET', '/summary')).body.pools.find((pool) => pool.id === poolId)
        ?.purchased ?? 0;
    return { jobs, quote, commit, purchased, purchasedIn };
  }

  it('buys licences with exactly one PaymentIntent, also when the commit is retried', async () => {
    const { quote, commit, purchased } = await setUp();
    const before = await purchased();
    const offer = await quote(2);
    const first = await commit(offer.id, 'buy-2');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'applied', charged: offer.plan.dueNow });
    const retried = await commit(offer.id, 'buy-2');
    expect(retried.body.id).toBe(first.body.id);

    expect(api.intents).toHaveLength(1);
    expect(api.intents[0]).toMatchObject({
      amount: offer.plan.dueNow.amount,
      currency: offer.plan.dueNow.currency.toLowerCase(),
      customer: `cus_${dazos}`,
      status: 'succeeded',
      metadata: { [stripeMetadataKeys.changeId]: first.body.id },
    });
    expect(api.seen.find((seen) => seen.path === '/v1/payment_intents')?.idempotencyKey).toBe(
      first.body.id,
    );
    expect(await purchased()).toBe(before + 2);
  });

  it("credits a removal's due-now credit to the customer's Stripe balance once", async () => {
    const account = 'signed-contract-licence-types';
    const { quote, commit } = await setUp(account, 'owner-manager');
    const offer = await quote(-1, 'monthly');
    expect(offer.plan.dueNow.amount).toBeLessThan(0);
    const answer = await commit(offer.id, 'remove-1');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'applied', charged: offer.plan.dueNow });
    await commit(offer.id, 'remove-1');
    const posted = api.seen.filter((seen) => seen.path.endsWith('/balance_transactions'));
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({
      path: `/v1/customers/cus_${account}/balance_transactions`,
      idempotencyKey: answer.body.id,
      form: {
        amount: String(offer.plan.dueNow.amount),
        currency: offer.plan.dueNow.currency.toLowerCase(),
      },
    });
    expect(api.intents).toHaveLength(0);
  });

  it('undoes a removal whose refund Stripe reports failed', async () => {
    const account = 'signed-contract-licence-types';
    const { jobs, quote, commit, purchasedIn } = await setUp(
      account,
      'owner-manager',
      async () => 'pi_refund_pending',
    );
    const before = await purchasedIn('monthly');
    const answer = await commit((await quote(-1, 'monthly')).id, 'remove-refund');
    expect(answer.status).toBe(202);
    expect(await purchasedIn('monthly')).toBe(before - 1);
    const refund = api.refunds[0] as Stripe.Refund;
    expect(refund.metadata).toMatchObject({ [stripeMetadataKeys.changeId]: answer.body.id });

    const event: Stripe.RefundFailedEvent = {
      id: 'evt_refund',
      object: 'event',
      api_version: null,
      created: 1_767_225_600,
      data: { object: { ...refund, status: 'failed', failure_reason: 'expired_or_canceled_card' } },
      livemode: false,
      pending_webhooks: 1,
      request: null,
      type: 'refund.failed',
    };
    expect(await settleFromStripeEvent(jobs, event)).toMatchObject({
      settled: 'change',
      changeId: answer.body.id,
      result: { status: 'declined' },
    });
    expect(await purchasedIn('monthly')).toBe(before);
    expect((await store.getChange(account, answer.body.id))?.status).toBe('failed');
  });

  it('leaves a purchase needing 3-D Secure charging until the signed webhook settles it', async () => {
    const { jobs, quote, commit, purchased } = await setUp();
    api.setDefaultPaymentMethod(`cus_${dazos}`, 'pm_card_threeDSecureRequired');
    const before = await purchased();
    const pending = await commit((await quote(1)).id, 'buy-3ds');
    expect(pending.status).toBe(202);
    expect(pending.body.status).toBe('charging');
    expect(await purchased()).toBe(before);

    const webhook = createStripeWebhookHandler({ stripe, jobs, secret });
    const intent = api.intents[0] as Stripe.PaymentIntent;
    const event: Stripe.PaymentIntentSucceededEvent = {
      id: 'evt_fake1',
      object: 'event',
      api_version: null,
      created: 1_767_225_600,
      data: { object: { ...intent, status: 'succeeded', next_action: null } },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: 'payment_intent.succeeded',
    };
    const payload = JSON.stringify(event);
    const forged = await webhook(
      new Request('http://host.test/stripe/webhook', {
        method: 'POST',
        headers: { 'stripe-signature': 't=1,v1=00' },
        body: payload,
      }),
    );
    expect(forged.status).toBe(400);
    expect(await purchased()).toBe(before);

    const signature = await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret });
    const received = await webhook(
      new Request('http://host.test/stripe/webhook', {
        method: 'POST',
        headers: { 'stripe-signature': signature },
        body: payload,
      }),
    );
    expect(received.status).toBe(200);
    expect(await received.json()).toEqual({ received: true, settled: 'change' });
    expect(await purchased()).toBe(before + 1);
    // Stripe delivers at least once: the same event again changes nothing.
    await webhook(
      new Request('http://host.test/stripe/webhook', {
        method: 'POST',
        headers: { 'stripe-signature': signature },
        body: payload,
      }),
    );
    expect(await purchased()).toBe(before + 1);
    expect(api.intents).toHaveLength(1);

    // The same kind of event for a change another environment made: acknowledged, not resent.
    const elsewhere = JSON.stringify({
      ...event,
      id: 'evt_elsewhere',
      data: {
        object: {
          ...event.data.object,
          metadata: {
            ...event.data.object.metadata,
            [stripeMetadataKeys.changeId]: 'chg_other_environment',
          },
        },
      },
    });
    const acknowledged = await webhook(
      new Request('http://host.test/stripe/webhook', {
        method: 'POST',
        headers: {
          'stripe-signature': await stripe.webhooks.generateTestHeaderStringAsync({
            payload: elsewhere,
            secret,
          }),
        },
        body: elsewhere,
      }),
    );
    expect(acknowledged.status).toBe(200);
    expect(await acknowledged.json()).toEqual({ received: true, settled: 'unknown' });
    expect(await purchased()).toBe(before + 1);
  });

  it('undoes a pending purchase when Stripe reports the payment failed', async () => {
    const { jobs, quote, commit, purchased } = await setUp();
    api.setDefaultPaymentMethod(`cus_${dazos}`, 'pm_card_threeDSecureRequired');
    const before = await purchased();
    const pending = await commit((await quote(1)).id, 'buy-3ds-fail');
    expect(pending.status).toBe(202);
    const intent = api.intents[0] as Stripe.PaymentIntent;
    const event: Stripe.PaymentIntentPaymentFailedEvent = {
      id: 'evt_fake2',
      object: 'event',
      api_version: null,
      created: 1_767_225_600,
      data: {
        object: {
          ...intent,
          status: 'requires_payment_method',
          last_payment_error: {
            type: 'card_error',
            code: 'payment_intent_authentication_failure',
            message: 'The provided payment method failed authentication.',
          },
        },
      },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: 'payment_intent.payment_failed',
    };
    expect(await settleFromStripeEvent(jobs, event)).toMatchObject({
      settled: 'change',
      changeId: pending.body.id,
      result: {
        status: 'declined',
        reason: 'The provided payment method failed authentication.',
      },
    });
    expect(await purchased()).toBe(before);
    const history = await store.getChange(dazos, pending.body.id);
    expect(history?.status).toBe('failed');
  });

  it('charges each rolled period once through Stripe and marks it charged from the webhook', async () => {
    const { jobs } = await setUp();
    api.setFallbackPaymentMethod('pm_card_threeDSecureRequired');
    const report = await jobs.tick({ now: new Date('2026-04-01T00:10:00.000Z') });
    expect(report.charges.pending).toBeGreaterThan(0);
    expect(api.intents).toHaveLength(report.charges.pending);
    const created = api.seen.filter(
      (seen) => seen.method === 'POST' && seen.path === '/v1/payment_intents',
    );
    for (const [index, intent] of api.intents.entries()) {
      const accountId = intent.metadata[stripeMetadataKeys.accountId];
      const periodStart = intent.metadata[stripeMetadataKeys.periodStart];
      expect(intent.metadata[stripeMetadataKeys.kind]).toBe('period');
      expect(created[index]?.idempotencyKey).toBe(`period_${accountId}_${periodStart}`);
    }

    const webhook = createStripeWebhookHandler({ stripe, jobs, secret });
    for (const intent of api.intents) {
      const event: Stripe.PaymentIntentSucceededEvent = {
        id: `evt_${intent.id}`,
        object: 'event',
        api_version: null,
        created: 1_767_225_600,
        data: { object: { ...intent, status: 'succeeded', next_action: null } },
        livemode: false,
        pending_webhooks: 1,
        request: null,
        type: 'payment_intent.succeeded',
      };
      const payload = JSON.stringify(event);
      const signature = await stripe.webhooks.generateTestHeaderStringAsync({ payload, secret });
      const received = await webhook(
        new Request('http://host.test/stripe/webhook', {
          method: 'POST',
          headers: { 'stripe-signature': signature },
          body: payload,
        }),
      );
      expect(await received.json()).toEqual({ received: true, settled: 'period' });
      const accountId = intent.metadata[stripeMetadataKeys.accountId] as string;
      const [periodEnd] = await store.listPeriodEnds(accountId, 1);
      expect(periodEnd).toMatchObject({ chargeStatus: 'charged', chargeId: intent.id });
    }

    const again = await jobs.tick({ now: new Date('2026-04-01T01:10:00.000Z') });
    expect(again.charges).toMatchObject({ charged: 0, pending: 0 });
    expect(api.intents).toHaveLength(report.charges.pending);
  });

  it('ignores events that are not about a PaymentIntent the kit created', async () => {
    const { jobs } = await setUp();
    const intent = {
      ...(await stripe.paymentIntents.create({ amount: 100, currency: 'gbp' })),
      metadata: {},
    };
    const event: Stripe.PaymentIntentSucceededEvent = {
      id: 'evt_fake3',
      object: 'event',
      api_version: null,
      created: 1_767_225_600,
      data: { object: intent },
      livemode: false,
      pending_webhooks: 1,
      request: null,
      type: 'payment_intent.succeeded',
    };
    expect(await settleFromStripeEvent(jobs, event)).toEqual({ settled: 'ignored' });
  });
});

const liveKey = process.env.STRIPE_TEST_SECRET_KEY;
if (liveKey === undefined)
  console.info(
    '[stripe] live test against Stripe test mode skipped: STRIPE_TEST_SECRET_KEY is not set',
  );

describe.skipIf(liveKey === undefined)('createStripeBilling against Stripe test mode', () => {
  it('charges, declines and credits a test customer', async () => {
    const live = new Stripe(liveKey as string);
    const customer = await live.customers.create({
      payment_method: 'pm_card_visa',
      description: 'seats kit live test',
    });
    const billing = createStripeBilling({
      stripe: live,
      customerFor: async () => customer.id,
      paymentMethodFor: async (customerId) => {
        const methods = await live.customers.listPaymentMethods(customerId, { limit: 1 });
        return methods.data[0]?.id ?? null;
      },
    });
    const key = `chg_live_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    const charged = await billing.charge(chargeRequest({ changeId: key, idempotencyKey: key }));
    expect(charged.status).toBe('succeeded');
    expect(await billing.charge(chargeRequest({ changeId: key, idempotencyKey: key }))).toEqual(
      charged,
    );

    const declining = createStripeBilling({
      stripe: live,
      customerFor: async () => customer.id,
      paymentMethodFor: async () => 'pm_card_chargeDeclined',
    });
    const declined = await declining.charge(
      chargeRequest({ changeId: `${key}_d`, idempotencyKey: `${key}_d` }),
    );
    expect(declined.status).toBe('declined');

    const credited = await billing.credit(
      chargeRequest({ changeId: `${key}_c`, idempotencyKey: `${key}_c` }),
    );
    expect(credited.status).toBe('succeeded');
    await live.customers.del(customer.id);
  });
});
