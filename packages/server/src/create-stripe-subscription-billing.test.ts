import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Change, FullSummary, Quote } from '@seats/core/contract';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from './demo';
import { createSeatsHandler, createSeatsJobs, type SeatsStore } from './index';
import { createPgliteStore } from './pglite';
import { createStripeSubscriptionBilling } from './stripe';

interface SeenRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  form: Record<string, string>;
}

/** The part of an invoice the adapter reads, typed by the SDK. */
type PreviewInvoice = Pick<
  Stripe.Invoice,
  'id' | 'object' | 'amount_due' | 'currency' | 'subtotal' | 'total'
> & {
  lines: Stripe.ApiList<
    Pick<
      Stripe.InvoiceLineItem,
      'id' | 'object' | 'amount' | 'currency' | 'description' | 'parent' | 'quantity'
    >
  >;
};

const periodStart = Date.parse('2026-03-01T00:00:00.000Z') / 1_000;
const periodEnd = Date.parse('2026-04-01T00:00:00.000Z') / 1_000;

/**
 * Answers as Stripe Billing does for what the adapter calls: one subscription whose item holds a
 * pool's licences at a unit price per month, invoice previews prorated by the second as Stripe
 * prorates, and item updates that take a repeated `Idempotency-Key` as Stripe does (the stored
 * answer, or an idempotency error when the parameters differ). A customer whose card declines
 * makes an update with `always_invoice` fail with a card error, and nothing changes.
 */
function fakeStripeBillingApi() {
  const seen: SeenRequest[] = [];
  const stored = new Map<string, { status: number; body: unknown; form: string }>();
  const item = { id: 'si_standard', subscription: 'sub_dialpad', quantity: 20, unitAmount: 2_700 };
  let updates = 0;
  let declines = false;

  function line(
    id: string,
    amount: number,
    description: string,
    quantity: number,
    proration: boolean,
  ): PreviewInvoice['lines']['data'][number] {
    return {
      id,
      object: 'line_item',
      amount,
      currency: 'usd',
      description,
      quantity,
      parent: {
        type: 'subscription_item_details',
        invoice_item_details: null,
        subscription_item_details: {
          invoice_item: null,
          proration,
          proration_details: null,
          subscription: item.subscription,
          subscription_item: item.id,
        },
      },
    };
  }

  function invoice(lines: PreviewInvoice['lines']['data']): PreviewInvoice {
    const total = lines.reduce((sum, each) => sum + each.amount, 0);
    return {
      id: 'upcoming_in_fake',
      object: 'invoice',
      amount_due: Math.max(0, total),
      currency: 'usd',
      subtotal: total,
      total,
      lines: { object: 'list', data: lines, has_more: false, url: '/v1/invoices/upcoming/lines' },
    };
  }

  function preview(form: Record<string, string>): PreviewInvoice {
    const next = line(
      'il_next',
      item.quantity * item.unitAmount,
      `${item.quantity} × Dialpad`,
      item.quantity,
      false,
    );
    const quantityField = form['subscription_details[items][0][quantity]'];
    if (quantityField === undefined) return invoice([next]);
    const quantity = Number(quantityField);
    const behavior = form['subscription_details[proration_behavior]'] ?? 'create_prorations';
    const renewal = line(
      'il_next',
      quantity * item.unitAmount,
      `${quantity} × Dialpad`,
      quantity,
      false,
    );
    if (behavior === 'none') return invoice([renewal]);
    const at = Number(form['subscription_details[proration_date]']);
    const share = (periodEnd - at) / (periodEnd - periodStart);
    const prorations = [
      line(
        'il_unused',
        -Math.round(item.quantity * item.unitAmount * share),
        `Unused time on ${item.quantity} × Dialpad`,
        item.quantity,
        true,
      ),
      line(
        'il_remaining',
        Math.round(quantity * item.unitAmount * share),
        `Remaining time on ${quantity} × Dialpad`,
        quantity,
        true,
      ),
    ];
    return invoice(behavior === 'always_invoice' ? prorations : [...prorations, renewal]);
  }

  function answer(method: string, path: string, form: Record<string, string>) {
    if (method === 'POST' && path === '/v1/invoices/create_preview') {
      if (form.subscription !== item.subscription) {
        const error: Stripe.StripeRawError = {
          type: 'invalid_request_error',
          code: 'resource_missing',
          message: `No such subscription: '${form.subscription}'`,
        };
        return { status: 404, body: { error } };
      }
      return { status: 200, body: preview(form) };
    }
    if (method === 'POST' && path === `/v1/subscription_items/${item.id}`) {
      if (declines && form.proration_behavior === 'always_invoice') {
        const error: Stripe.StripeRawError = {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'generic_decline',
          message: 'Your card was declined.',
        };
        return { status: 402, body: { error } };
      }
      updates += 1;
      item.quantity = Number(form.quantity);
      const updated: Pick<Stripe.SubscriptionItem, 'id' | 'object' | 'quantity' | 'subscription'> =
        {
          id: item.id,
          object: 'subscription_item',
          quantity: item.quantity,
          subscription: item.subscription,
        };
      return { status: 200, body: updated };
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
    const form = Object.fromEntries(new URLSearchParams(raw));
    const header = request.headers['idempotency-key'];
    const key = typeof header === 'string' ? header : null;
    seen.push({ method: request.method ?? '', path: url.pathname, idempotencyKey: key, form });
    const earlier = key === null ? undefined : stored.get(key);
    let result: { status: number; body: unknown };
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
      result = answer(request.method ?? '', url.pathname, form);
      if (key !== null && request.method === 'POST') stored.set(key, { ...result, form: raw });
    }
    response.writeHead(result.status, {
      'content-type': 'application/json',
      'request-id': `req_fake${seen.length}`,
    });
    response.end(JSON.stringify(result.body));
  });

  return {
    seen,
    item,
    updates: () => updates,
    declineCards() {
      declines = true;
    },
    reset() {
      seen.length = 0;
      stored.clear();
      item.quantity = 20;
      updates = 0;
      declines = false;
    },
    async listen(): Promise<number> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return (server.address() as AddressInfo).port;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const api = fakeStripeBillingApi();
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

const dialpad = 'scheduled-removal-with-restore';
const start = new Date('2026-03-10T12:00:00.000Z');

describe('createStripeSubscriptionBilling through the handler, against an HTTP server answering as Stripe', () => {
  let store: SeatsStore;

  beforeAll(async () => {
    store = await createPgliteStore();
  });
  afterAll(() => store.close());
  beforeEach(async () => {
    await store.clear();
    await seedDemoAccounts(store, { now: start });
  });

  function seats(clock = () => start) {
    const billing = createStripeSubscriptionBilling({
      stripe,
      subscriptionItemFor: async (accountId, poolId) => ({
        subscription: `sub_${accountId === dialpad ? 'dialpad' : accountId}`,
        // Only the Dialpad account has a subscription here: the others' updates are refused.
        item: accountId === dialpad ? `si_${poolId}` : `si_${accountId}_${poolId}`,
      }),
    });
    const handle = createSeatsHandler({
      store,
      billing,
      clock,
      recoverOnStart: false,
      identify: () => ({ accountId: dialpad, memberId: null, role: 'company-admin' }),
    });
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
    return {
      billing,
      jobs: createSeatsJobs({ store, billing, clock: () => start }),
      quote: async (delta: number) =>
        (await call<Quote>('POST', '/quotes', { poolId: 'standard', delta })).body,
      commit: (quoteId: string, key: string) =>
        call<Change & { code?: string }>('POST', '/changes', { quoteId }, key),
      purchased: async () =>
        (await call<FullSummary>('GET', '/summary')).body.pools.find(
          (pool) => pool.id === 'standard',
        )?.purchased,
    };
  }

  it("shows Stripe's preview in the quote: due now, the next invoice before and after, its lines", async () => {
    const quote = await seats().quote(2);
    // Stripe prorates 2 × $27 over the 21.5 of 31 days left.
    const share = (periodEnd - start.getTime() / 1_000) / (periodEnd - periodStart);
    const dueNow = Math.round(22 * 2_700 * share) - Math.round(20 * 2_700 * share);
    expect(quote.plan.dueNow).toEqual({ amount: dueNow, currency: 'USD' });
    expect(quote.plan.provider?.nextInvoice).toEqual({
      before: { amount: 54_000, currency: 'USD' },
      after: { amount: 59_400, currency: 'USD' },
    });
    expect(quote.plan.nextInvoiceChange).toEqual({ amount: 5_400, currency: 'USD' });
    expect(quote.plan.provider?.lines).toEqual([
      {
        description: 'Unused time on 20 × Dialpad',
        amount: -Math.round(20 * 2_700 * share),
        poolId: 'standard',
      },
      {
        description: 'Remaining time on 22 × Dialpad',
        amount: Math.round(22 * 2_700 * share),
        poolId: 'standard',
      },
    ]);
    const previews = api.seen.filter((seen) => seen.path === '/v1/invoices/create_preview');
    expect(previews.map((seen) => seen.form['subscription_details[proration_behavior]'])).toEqual([
      undefined,
      'always_invoice',
      'none',
    ]);
    expect(previews[1]?.form).toMatchObject({
      subscription: 'sub_dialpad',
      'subscription_details[items][0][id]': 'si_standard',
      'subscription_details[items][0][quantity]': '22',
      'subscription_details[proration_date]': String(start.getTime() / 1_000),
    });
    expect(api.updates()).toBe(0);
  });

  it('sets the quantity once per key, however often the commit is sent', async () => {
    const api2 = seats();
    const quote = await api2.quote(1);
    const first = await api2.commit(quote.id, 'key-1');
    expect(first.status).toBe(201);
    // The kit asks again after a lost answer: same key, same parameters.
    await api2.billing.setQuantity({
      accountId: dialpad,
      poolId: 'standard',
      changeId: first.body.id,
      idempotencyKey: first.body.id,
      quantity: 21,
      prorationBehavior: 'always-invoice',
      prorationDate: start.toISOString(),
      now: start.toISOString(),
    });
    const again = await api2.commit(quote.id, 'key-1');
    expect(again.body.id).toBe(first.body.id);
    const updates = api.seen.filter((seen) => seen.path === '/v1/subscription_items/si_standard');
    expect(updates.map((seen) => seen.idempotencyKey)).toEqual([first.body.id, first.body.id]);
    expect(updates[0]?.form).toMatchObject({
      quantity: '21',
      proration_behavior: 'always_invoice',
      payment_behavior: 'error_if_incomplete',
    });
    expect(api.updates()).toBe(1);
    expect(api.item.quantity).toBe(21);
    expect(await api2.purchased()).toBe(21);
  });

  it("prorates the update from the quote's instant, not from when it is committed", async () => {
    let now = start;
    const api2 = seats(() => now);
    const quote = await api2.quote(2);
    now = new Date(start.getTime() + 5 * 60_000);
    expect((await api2.commit(quote.id, 'key-1')).status).toBe(201);
    const updates = api.seen.filter((seen) => seen.path === '/v1/subscription_items/si_standard');
    expect(updates.map((seen) => seen.form.proration_date)).toEqual([
      String(start.getTime() / 1_000),
    ]);
  });

  it('answers a declined card as a failed change and leaves the licences as they were', async () => {
    const api2 = seats();
    api.declineCards();
    const quote = await api2.quote(3);
    const declined = await api2.commit(quote.id, 'key-1');
    expect(declined.status).toBe(402);
    expect(declined.body.code).toBe('payment_failed');
    expect(api.item.quantity).toBe(20);
    expect(await api2.purchased()).toBe(20);
  });

  it('hands the new period its quantity without proration and charges nothing', async () => {
    const api2 = seats();
    const removal = await api2.quote(-2);
    expect((await api2.commit(removal.id, 'key-1')).body.status).toBe('scheduled');
    expect(api.updates()).toBe(0);
    const report = await createSeatsJobs({
      store,
      billing: api2.billing,
      clock: () => new Date('2026-04-01T00:10:00.000Z'),
    }).tick();
    expect(report.charged).toEqual({});
    const update = api.seen.find(
      (seen) =>
        seen.path === '/v1/subscription_items/si_standard' &&
        seen.idempotencyKey?.startsWith(`period_${dialpad}_`),
    );
    expect(update?.form).toMatchObject({ quantity: '18', proration_behavior: 'none' });
    expect(api.item.quantity).toBe(18);
  });
});
