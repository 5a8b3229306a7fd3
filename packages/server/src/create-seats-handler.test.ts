import { definePolicy, missingConfirmations, removalLeft } from '@seats/core';
import {
  type Change,
  type FullSummary,
  type MemberRecord,
  ProblemSchema,
  type Quote,
} from '@seats/core/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoPassword, seedDemoAccounts } from './demo';
import {
  createDevBilling,
  createSeatsHandler,
  type DevBilling,
  type SeatsEvent,
  type SeatsStore,
} from './index';
import { createPgliteStore } from './pglite';

const start = new Date('2026-03-10T12:00:00.000Z');

let store: SeatsStore;
let billing: DevBilling;
let events: SeatsEvent[];
let signatures: { changeId: string; token: string }[];
let now: Date;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  store = await createPgliteStore();
});

afterAll(async () => {
  await store.close();
});

beforeEach(async () => {
  await store.clear();
  await seedDemoAccounts(store, { now: start });
  billing = createDevBilling();
  events = [];
  signatures = [];
  now = start;
  handle = createSeatsHandler({
    store,
    billing,
    basePath: '/api/seats',
    clock: () => now,
    identify: (request) => {
      const accountId = request.headers.get('x-account');
      if (accountId === null) return null;
      return {
        accountId,
        memberId: request.headers.get('x-member'),
        role: request.headers.get('x-role') ?? 'owner',
      };
    },
    verifyPassword: (_identity, password) => password === demoPassword,
    requestSignature: ({ changeId, token }) => {
      signatures.push({ changeId, token });
    },
    onEvent: (event) => {
      events.push(event);
    },
  });
});

interface Call {
  account?: string;
  role?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

async function call(method: string, path: string, options: Call = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.account !== undefined) headers['x-account'] = options.account;
  if (options.role !== undefined) headers['x-role'] = options.role;
  if (options.body !== undefined) headers['content-type'] ??= 'application/json';
  const response = await handle(
    new Request(`http://host.test/api/seats/v1${path}`, {
      method,
      headers,
      body:
        options.body === undefined
          ? undefined
          : typeof options.body === 'string'
            ? options.body
            : JSON.stringify(options.body),
    }),
  );
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: responses are checked field by field
  const body: any = text === '' ? null : JSON.parse(text);
  return { status: response.status, headers: response.headers, body };
}

const dazos = { account: 'delta-upgrade-at-limit', role: 'owner' };
const openCrm = { account: 'total-with-terms-no-self-decrease', role: 'System Admin' };
const dialpad = { account: 'scheduled-removal-with-restore', role: 'company-admin' };
const factro = { account: 'daily-prorated-with-password', role: 'owner' };
const commusoft = { account: 'signed-contract-licence-types', role: 'owner-manager' };

async function summary(who: Call): Promise<FullSummary> {
  return (await call('GET', '/summary', who)).body;
}

async function quote(who: Call, request: object): Promise<Quote> {
  const answer = await call('POST', '/quotes', { ...who, body: request });
  expect(answer.status).toBe(201);
  return answer.body;
}

function commit(who: Call, body: object, key: string = crypto.randomUUID()) {
  return call('POST', '/changes', {
    ...who,
    body,
    headers: { ...who.headers, 'idempotency-key': key },
  });
}

describe('summary', () => {
  it("answers the account's usage, policy, viewer and version", async () => {
    const answer = await call('GET', '/summary', dazos);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    const body: FullSummary = answer.body;
    expect(body.account.id).toBe('delta-upgrade-at-limit');
    expect(body.policy.changeInput).toBe('delta');
    expect(body.usage.pools[0]).toMatchObject({
      purchased: 10,
      used: 10,
      available: 0,
      state: 'full',
    });
    expect(body.viewer).toEqual({ memberId: null, role: 'owner' });
    expect(body.usage.viewer.changeAllowance).toBe(true);
    expect(Number.isInteger(body.version)).toBe(true);
  });

  it('counts only the statuses and roles the policy says consume', async () => {
    expect((await summary(openCrm)).usage.used).toBe(9);
    expect((await summary(factro)).usage.used).toBe(7);
  });
});

describe('members', () => {
  it('lists members a page at a time with a cursor, and filters by consumption', async () => {
    const first = await call('GET', '/members?limit=5', openCrm);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(5);
    const second = await call('GET', `/members?limit=5&cursor=${first.body.nextCursor}`, openCrm);
    const third = await call('GET', `/members?limit=5&cursor=${second.body.nextCursor}`, openCrm);
    expect(third.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items, ...third.body.items].map(
      (member: MemberRecord) => member.id,
    );
    expect(new Set(ids).size).toBe(13);

    const free = await call('GET', '/members?consuming=false', openCrm);
    expect(free.body.items.map((member: MemberRecord) => member.status).sort()).toEqual([
      'Inactive',
      'Inactive',
      'Queue',
      'Room',
    ]);
    expect(free.body.items[0].reason.kind).toBe('status-does-not-consume');
  });

  it('refuses to add an active user when every licence is used, with the remedies', async () => {
    const before = await summary(dazos);
    const answer = await call('POST', '/members', {
      ...dazos,
      body: { name: 'New', email: 'new@example.com', status: 'active', role: 'member' },
    });
    expect(answer.status).toBe(409);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.body.code).toBe('no_licence_available');
    expect(answer.body.decision).toMatchObject({ outcome: 'needs-licence', shortfall: 1 });
    expect(answer.body.decision.remedies[0]).toEqual({
      kind: 'buy',
      poolId: 'users',
      quantity: 1,
      total: 11,
    });
    expect((await summary(dazos)).version).toBe(before.version);
  });

  it('adds a user with a non-consuming status at zero available', async () => {
    const before = await summary(dazos);
    const answer = await call('POST', '/members', {
      ...dazos,
      body: { name: 'New', email: 'new@example.com', status: 'inactive', role: 'member' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ consumes: false, status: 'inactive', poolId: 'users' });
    const after = await summary(dazos);
    expect(after.version).toBe(before.version + 1);
    expect(after.usage.used).toBe(10);
  });

  it('frees a licence when a user is deactivated and claims it when one is activated', async () => {
    const list = await call('GET', '/members?status=active&role=member&limit=1', dazos);
    const active: MemberRecord = list.body.items[0];
    const inactive: MemberRecord = (await call('GET', '/members?status=inactive&limit=1', dazos))
      .body.items[0];

    const blocked = await call('PATCH', `/members/${inactive.id}`, {
      ...dazos,
      body: { status: 'active' },
    });
    expect(blocked.status).toBe(409);

    const deactivated = await call('PATCH', `/members/${active.id}`, {
      ...dazos,
      body: { status: 'inactive' },
    });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.consumes).toBe(false);
    expect((await summary(dazos)).usage.available).toBe(1);

    const activated = await call('PATCH', `/members/${inactive.id}`, {
      ...dazos,
      body: { status: 'active' },
    });
    expect(activated.status).toBe(200);
    expect((await summary(dazos)).usage.available).toBe(0);
    expect(events.map((event) => event.type)).toEqual(['seat.released', 'seat.claimed']);
  });

  it('frees the licence of a deleted user', async () => {
    const member: MemberRecord = (await call('GET', '/members?consuming=true&limit=1', dazos)).body
      .items[0];
    const answer = await call('DELETE', `/members/${member.id}`, dazos);
    expect(answer.status).toBe(204);
    expect((await summary(dazos)).usage.available).toBe(1);
    expect(events).toMatchObject([{ type: 'seat.released', memberId: member.id, poolId: 'users' }]);
    expect((await call('DELETE', `/members/${member.id}`, dazos)).status).toBe(404);
  });

  it("answers 404 for another account's member and 403 for a role that may not manage users", async () => {
    const foreign: MemberRecord = (await call('GET', '/members?limit=1', openCrm)).body.items[0];
    expect((await call('PATCH', `/members/${foreign.id}`, { ...dazos, body: {} })).status).toBe(
      404,
    );
    expect((await call('DELETE', `/members/${foreign.id}`, dazos)).status).toBe(404);
    const forbidden = await call('POST', '/members', {
      account: 'delta-upgrade-at-limit',
      role: 'member',
      body: { name: 'X', email: 'x@example.com', status: 'inactive', role: 'member' },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.code).toBe('forbidden');
  });
});

describe('quotes and changes', () => {
  it('buys licences: charges the card, raises the allowance and lets the user be added (Dazos)', async () => {
    const offer = await quote(dazos, { poolId: 'users', delta: 2 });
    expect(offer.plan).toMatchObject({ from: 10, to: 12, result: 'applied' });
    expect(offer.plan.dueNow).toEqual({ amount: 9_800, currency: 'USD' });
    expect(Date.parse(offer.expiresAt) - Date.parse(offer.createdAt)).toBe(900_000);

    const answer = await commit(dazos, { quoteId: offer.id });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: 'applied', charged: { amount: 9_800 } });
    expect(billing.charges()).toHaveLength(1);
    expect((await summary(dazos)).usage.pools[0]).toMatchObject({ purchased: 12, available: 2 });

    const added = await call('POST', '/members', {
      ...dazos,
      body: { name: 'New', email: 'new@example.com', status: 'active', role: 'member' },
    });
    expect(added.status).toBe(201);
    expect(events.map((event) => event.type)).toEqual(['allowance.increased', 'seat.claimed']);

    const history = await call('GET', '/changes', dazos);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({ id: answer.body.id, actor: { role: 'owner' } });
  });

  it('leaves the allowance as it was and records the change as failed when the payment fails', async () => {
    const before = await summary(dazos);
    const offer = await quote(dazos, { poolId: 'users', delta: 1 });
    billing.failNext('Card declined');
    const answer = await commit(dazos, { quoteId: offer.id });
    expect(answer.status).toBe(402);
    expect(answer.body).toMatchObject({ code: 'payment_failed', detail: 'Card declined' });
    const after = await summary(dazos);
    expect(after.pools).toEqual(before.pools);
    expect(after.usage.purchased).toBe(10);
    expect(billing.charges()).toHaveLength(0);
    const history = (await call('GET', '/changes', dazos)).body.items;
    expect(
      history.map((change: { status: string; charged: unknown }) => [
        change.status,
        change.charged,
      ]),
    ).toEqual([['failed', null]]);
    expect(events.map((event) => event.type)).toEqual(['payment.failed']);

    const retried = await commit(dazos, { quoteId: offer.id });
    expect(retried.status).toBe(201);
  });

  it('refuses a quote whose account changed since (stale version)', async () => {
    const offer = await quote(dazos, { poolId: 'users', delta: 1 });
    await call('POST', '/members', {
      ...dazos,
      body: { name: 'New', email: 'new@example.com', status: 'inactive', role: 'member' },
    });
    const answer = await commit(dazos, { quoteId: offer.id });
    expect(answer.status).toBe(409);
    expect(answer.body.code).toBe('stale_version');
    expect(billing.charges()).toHaveLength(0);
  });

  it('refuses an expired quote and a used one', async () => {
    const offer = await quote(dazos, { poolId: 'users', delta: 1 });
    now = new Date(start.getTime() + 901_000);
    expect((await commit(dazos, { quoteId: offer.id })).body.code).toBe('quote_expired');

    const fresh = await quote(dazos, { poolId: 'users', delta: 1 });
    expect((await commit(dazos, { quoteId: fresh.id })).status).toBe(201);
    const again = await commit(dazos, { quoteId: fresh.id });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('quote_used');
  });

  it('replays a retried commit and refuses the same key with another body', async () => {
    const offer = await quote(dazos, { poolId: 'users', delta: 1 });
    const first = await commit(dazos, { quoteId: offer.id }, 'key-1');
    const retry = await commit(dazos, { quoteId: offer.id }, 'key-1');
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(billing.charges()).toHaveLength(1);
    const other = await commit(
      dazos,
      { quoteId: offer.id, confirmations: { termsAccepted: true } },
      'key-1',
    );
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_key_conflict');
    const missing = await call('POST', '/changes', { ...dazos, body: { quoteId: offer.id } });
    expect(missing.body.code).toBe('idempotency_key_required');
  });

  it('needs the terms accepted and adds the price to the next invoice (OpenCRM)', async () => {
    const offer = await quote(openCrm, { poolId: 'users', total: 14 });
    expect(offer.plan.confirmations).toEqual(['terms']);
    const refused = await commit(openCrm, { quoteId: offer.id });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('confirmation_required');
    const accepted = await commit(openCrm, {
      quoteId: offer.id,
      confirmations: { termsAccepted: true },
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.charged).toBeNull();
    expect(billing.charges()).toHaveLength(0);
    expect((await summary(openCrm)).usage.purchased).toBe(14);
  });

  it('refuses a decrease with whom to contact (OpenCRM) and a role without billing rights', async () => {
    const decrease = await call('POST', '/quotes', {
      ...openCrm,
      body: { poolId: 'users', total: 10 },
    });
    expect(decrease.status).toBe(422);
    expect(decrease.body.code).toBe('plan_invalid');
    expect(decrease.body.issues[0]).toMatchObject({
      code: 'decrease-not-allowed',
      contact: 'your Account Manager',
    });
    expect(decrease.body.errors[0].message).toContain('your Account Manager');
    const forbidden = await call('POST', '/quotes', {
      account: openCrm.account,
      role: 'Standard User',
      body: { poolId: 'users', total: 14 },
    });
    expect(forbidden.status).toBe(403);
    const foreignPool = await call('POST', '/quotes', {
      ...openCrm,
      body: { poolId: 'standard', delta: 1 },
    });
    expect(foreignPool.status).toBe(404);
  });

  it('refuses a commit for exactly the confirmations core finds missing, as the widgets do', async () => {
    const fields = { terms: 'confirmations.termsAccepted', password: 'confirmations.password' };
    for (const [who, request, given] of [
      [openCrm, { poolId: 'users', total: 14 }, [undefined, {}, { termsAccepted: false }]],
      [
        factro,
        { poolId: 'named', total: 12 },
        [undefined, { password: '' }, { termsAccepted: true }],
      ],
    ] as const) {
      const offer = await quote(who, request);
      for (const confirmations of given) {
        const missing = missingConfirmations(offer.plan, confirmations);
        expect(missing.length).toBeGreaterThan(0);
        const refused = await commit(who, { quoteId: offer.id, confirmations });
        expect(refused.status).toBe(422);
        expect(refused.body.code).toBe('confirmation_required');
        expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(
          missing.map((confirmation) => fields[confirmation]),
        );
      }
      const complete = { termsAccepted: true, password: demoPassword };
      expect(missingConfirmations(offer.plan, complete)).toEqual([]);
      expect((await commit(who, { quoteId: offer.id, confirmations: complete })).status).toBe(201);
    }
  });

  it('confirms a purchase with the password (factro)', async () => {
    const offer = await quote(factro, { poolId: 'named', total: 12 });
    expect(offer.plan.confirmations).toEqual(['password']);
    // Per day of the annual main contract: 297 of its 365 days are left, at 12 x 12.90 a year.
    expect(offer.plan.lines[0]).toMatchObject({
      kind: 'prorated-charge',
      unitPrice: 12 * 1_290,
      fraction: { unit: 'day', remaining: 297, total: 365 },
    });
    expect((await commit(factro, { quoteId: offer.id })).body.code).toBe('confirmation_required');
    const wrong = await commit(factro, { quoteId: offer.id, confirmations: { password: 'nope' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('password_invalid');
    const right = await commit(factro, {
      quoteId: offer.id,
      confirmations: { password: demoPassword },
    });
    expect(right.status).toBe(201);
    expect(billing.charges()[0]?.amount).toEqual(offer.plan.dueNow);
  });

  it('leaves a purchase pending until it is signed (Commusoft)', async () => {
    const offer = await quote(commusoft, { poolId: 'monthly', delta: 2 });
    const pending = await commit(commusoft, { quoteId: offer.id });
    expect(pending.status).toBe(201);
    expect(pending.body.status).toBe('pending-signature');
    expect(billing.charges()).toHaveLength(0);
    const waiting = await summary(commusoft);
    expect(waiting.pools.find((pool) => pool.id === 'monthly')).toMatchObject({
      purchased: 4,
      pendingSignature: 2,
    });
    expect(waiting.pendingChanges.map((change) => change.id)).toEqual([pending.body.id]);
    expect(signatures).toHaveLength(1);

    const forged = await call('POST', `/changes/${pending.body.id}/sign`, {
      ...commusoft,
      body: { token: 'forged' },
    });
    expect(forged.status).toBe(422);
    expect(forged.body.code).toBe('signature_invalid');

    const signed = await call('POST', `/changes/${pending.body.id}/sign`, {
      ...commusoft,
      body: { token: signatures[0]?.token },
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'applied', signedAt: now.toISOString() });
    expect(billing.charges()).toHaveLength(1);
    const done = await summary(commusoft);
    expect(done.pools.find((pool) => pool.id === 'monthly')).toMatchObject({
      purchased: 6,
      pendingSignature: 0,
    });
    expect(done.pendingChanges).toEqual([]);
    expect(events.map((event) => event.type)).toEqual([
      'allowance.pending_signature',
      'allowance.signed',
    ]);
    const twice = await call('POST', `/changes/${pending.body.id}/sign`, {
      ...commusoft,
      body: { token: signatures[0]?.token },
    });
    expect(twice.status).toBe(422);
  });

  it('refuses to remove contracted licences before renewal (Commusoft)', async () => {
    const answer = await call('POST', '/quotes', {
      ...commusoft,
      body: { poolId: 'contracted', delta: -1 },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.issues[0].code).toBe('contracted-until');
  });

  it('schedules a removal for the period end and restores it at no charge (Dialpad)', async () => {
    const offer = await quote(dialpad, { poolId: 'standard', delta: -3 });
    const scheduled = await commit(dialpad, { quoteId: offer.id });
    expect(scheduled.body).toMatchObject({
      status: 'scheduled',
      effectiveAt: '2026-04-01T00:00:00.000Z',
    });
    expect((await summary(dialpad)).usage.pools[0]).toMatchObject({
      purchased: 20,
      scheduledRemoval: 3,
      nextPeriod: 17,
    });

    const cancelled = await call('POST', `/changes/${scheduled.body.id}/cancel`, dialpad);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: now.toISOString() });
    expect((await summary(dialpad)).usage.pools[0]).toMatchObject({
      purchased: 20,
      scheduledRemoval: 0,
    });
    expect(billing.charges()).toHaveLength(0);
    expect(events.map((event) => event.type)).toEqual([
      'allowance.scheduled',
      'allowance.restored',
    ]);
    const again = await call('POST', `/changes/${scheduled.body.id}/cancel`, dialpad);
    expect(again.body.code).toBe('not_cancellable');
  });

  it('applies scheduled removals when the clock passes the period end', async () => {
    const offer = await quote(dialpad, { poolId: 'standard', delta: -3 });
    const scheduled = await commit(dialpad, { quoteId: offer.id });
    now = new Date('2026-04-02T08:00:00.000Z');
    const rolled = await summary(dialpad);
    expect(rolled.account.billingPeriod).toEqual({
      start: '2026-04-01T00:00:00.000Z',
      end: '2026-05-01T00:00:00.000Z',
    });
    expect(rolled.usage.pools[0]).toMatchObject({ purchased: 17, scheduledRemoval: 0 });
    const history = await call('GET', '/changes', dialpad);
    expect(history.body.items[0]).toMatchObject({ id: scheduled.body.id, status: 'applied' });
  });
});

describe('history', () => {
  it('names who made each change as they were called then, and never rewrites what was asked', async () => {
    const members = (await call('GET', '/members?limit=200', dialpad)).body.items as MemberRecord[];
    const admin = members.find((member) => member.role === 'company-admin');
    if (admin === undefined) throw new Error('the Dialpad demo account has no company admin');
    const asAdmin = { ...dialpad, headers: { 'x-member': admin.id } };
    const removal = await quote(asAdmin, { poolId: 'standard', delta: -3 });
    const scheduled = await commit(asAdmin, { quoteId: removal.id });
    expect(scheduled.body.actor).toEqual({
      memberId: admin.id,
      role: 'company-admin',
      name: admin.name,
    });

    const renamed = await call('PATCH', `/members/${admin.id}`, {
      ...asAdmin,
      body: { name: 'Renamed Later' },
    });
    expect(renamed.status).toBe(200);
    const restore = await quote(dialpad, { poolId: 'standard', delta: 1 });
    expect((await commit(dialpad, { quoteId: restore.id })).status).toBe(201);

    const history = (await call('GET', '/changes', dialpad)).body.items as Change[];
    const row = history.find((change) => change.id === scheduled.body.id);
    expect(row).toMatchObject({
      status: 'scheduled',
      actor: { memberId: admin.id, name: admin.name },
      plan: { kind: 'decrease', from: 20, to: 17, removed: 3 },
      restored: 1,
    });
    expect(history[0]?.actor).toEqual({ memberId: null, role: 'company-admin', name: null });
  });
});

describe('purchases that restore scheduled removals', () => {
  async function schedule(who: Call, delta: number) {
    const answer = await commit(who, {
      quoteId: (await quote(who, { poolId: 'standard', delta })).id,
    });
    expect(answer.body.status).toBe('scheduled');
    return answer.body;
  }

  it('leaves the rest of a partly restored removal pending, and cancelling it restores only that rest (Dialpad)', async () => {
    const scheduled = await schedule(dialpad, -3);
    const offer = await quote(dialpad, { poolId: 'standard', delta: 2 });
    expect(offer.plan).toMatchObject({ kind: 'restore', restored: 2, added: 0 });
    expect((await commit(dialpad, { quoteId: offer.id })).status).toBe(201);

    const after = await summary(dialpad);
    expect(after.usage.pools[0]).toMatchObject({ scheduledRemoval: 1, nextPeriod: 19 });
    expect(after.pendingChanges).toHaveLength(1);
    const rest = after.pendingChanges[0];
    expect(rest).toMatchObject({
      id: scheduled.id,
      status: 'scheduled',
      cancelledAt: null,
      effectiveAt: '2026-04-01T00:00:00.000Z',
    });
    // The removal keeps what was asked and counts what the purchase gave back.
    expect(rest?.plan).toMatchObject({ kind: 'decrease', from: 20, to: 17, removed: 3 });
    expect(rest?.restored).toBe(2);
    expect(removalLeft(rest as Change)).toBe(1);

    const cancelled = await call('POST', `/changes/${scheduled.id}/cancel`, dialpad);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      plan: { removed: 3 },
      restored: 2,
    });
    const history = await call('GET', '/changes', dialpad);
    expect(history.body.items[0].plan).toMatchObject({ kind: 'restore', restored: 1, from: 19 });
    const done = await summary(dialpad);
    expect(done.usage.pools[0]).toMatchObject({
      purchased: 20,
      scheduledRemoval: 0,
      nextPeriod: 20,
    });
    expect(done.pendingChanges).toEqual([]);
    expect(billing.charges()).toHaveLength(0);
  });

  it('cancels a scheduled removal that a purchase restores in full (Dialpad)', async () => {
    const scheduled = await schedule(dialpad, -3);
    const offer = await quote(dialpad, { poolId: 'standard', delta: 3 });
    expect(offer.plan).toMatchObject({ kind: 'restore', restored: 3 });
    expect((await commit(dialpad, { quoteId: offer.id })).status).toBe(201);

    const after = await summary(dialpad);
    expect(after.usage.pools[0]).toMatchObject({ scheduledRemoval: 0, nextPeriod: 20 });
    expect(after.pendingChanges).toEqual([]);
    const history = await call('GET', '/changes', dialpad);
    expect(
      history.body.items.find((change: { id: string }) => change.id === scheduled.id),
    ).toMatchObject({
      status: 'cancelled',
      cancelledAt: now.toISOString(),
      plan: { removed: 3 },
      restored: 3,
    });
    const again = await call('POST', `/changes/${scheduled.id}/cancel`, dialpad);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('not_cancellable');
  });

  it('gives back the newest scheduled removal first, then buys what is beyond them (Dialpad)', async () => {
    const older = await schedule(dialpad, -2);
    const newer = await schedule(dialpad, -3);
    expect((await summary(dialpad)).usage.pools[0]?.scheduledRemoval).toBe(5);

    const restore = await quote(dialpad, { poolId: 'standard', delta: 4 });
    expect((await commit(dialpad, { quoteId: restore.id })).status).toBe(201);
    const after = await summary(dialpad);
    expect(after.usage.pools[0]).toMatchObject({ scheduledRemoval: 1, nextPeriod: 19 });
    // Each removal keeps what was asked; what the purchase gave back is counted beside it.
    expect(
      after.pendingChanges.map((change) => [change.id, change.plan.removed, change.restored]),
    ).toEqual([[older.id, 2, 1]]);
    expect(after.pendingChanges[0]?.plan).toMatchObject({ from: 20, to: 18 });
    expect(removalLeft(after.pendingChanges[0] as Change)).toBe(1);
    const history = (await call('GET', '/changes', dialpad)).body.items;
    expect(history.find((change: { id: string }) => change.id === newer.id)).toMatchObject({
      status: 'cancelled',
      plan: { removed: 3 },
      restored: 3,
    });

    const buy = await quote(dialpad, { poolId: 'standard', delta: 3 });
    expect(buy.plan).toMatchObject({ kind: 'increase', restored: 1, added: 2 });
    expect((await commit(dialpad, { quoteId: buy.id })).status).toBe(201);
    const bought = await summary(dialpad);
    expect(bought.usage.pools[0]).toMatchObject({ purchased: 22, scheduledRemoval: 0 });
    expect(bought.pendingChanges).toEqual([]);
    expect(billing.charges()).toHaveLength(1);
  });

  it('reduces the scheduled removal only once a restoring purchase is signed', async () => {
    const policy = definePolicy({
      name: 'signed-with-scheduled-removal',
      decrease: { mode: 'period-end', restorable: true },
      confirmation: 'e-signature',
      changeInput: 'delta',
    });
    await store.createAccount({
      account: {
        id: 'signed-scheduled',
        name: 'Signed',
        plan: 'Team',
        currency: 'EUR',
        billingPeriod: { start: '2026-03-01T00:00:00.000Z', end: '2026-04-01T00:00:00.000Z' },
        contract: { kind: 'self-serve' },
      },
      policy,
      pools: [
        {
          id: 'standard',
          name: 'Standard',
          term: 'monthly',
          purchased: 10,
          scheduledRemoval: 0,
          pendingSignature: 0,
          unitPrice: 1_000,
        },
      ],
      members: [],
      now: start.toISOString(),
    });
    const signed = { account: 'signed-scheduled', role: 'owner' };
    const scheduled = await schedule(signed, -3);

    const offer = await quote(signed, { poolId: 'standard', delta: 4 });
    expect(offer.plan).toMatchObject({ restored: 3, added: 1, result: 'pending-signature' });
    const pending = await commit(signed, { quoteId: offer.id });
    expect(pending.body.status).toBe('pending-signature');
    const waiting = await summary(signed);
    expect(waiting.pendingChanges.map((change) => [change.id, change.status])).toEqual([
      [pending.body.id, 'pending-signature'],
      [scheduled.id, 'scheduled'],
    ]);

    const done = await call('POST', `/changes/${pending.body.id}/sign`, {
      ...signed,
      body: { token: signatures[0]?.token },
    });
    expect(done.status).toBe(200);
    const after = await summary(signed);
    expect(after.pools[0]).toMatchObject({ purchased: 11, scheduledRemoval: 0 });
    expect(after.pendingChanges).toEqual([]);
  });
});

describe('problem documents', () => {
  it('answers every malformed request with a 4xx problem and a request id', async () => {
    const cases: [Call & { method?: string; path?: string }, number, string][] = [
      [{ ...dazos, body: '{"name":' }, 400, 'malformed_json'],
      [
        { ...dazos, body: 'name=x', headers: { 'content-type': 'text/plain' } },
        415,
        'unsupported_media_type',
      ],
      [
        {
          ...dazos,
          body: { name: 'x'.repeat(70_000), email: 'a@b', status: 'active', role: 'member' },
        },
        413,
        'payload_too_large',
      ],
      [
        {
          ...dazos,
          body: { name: 'X', email: 'x@y', status: 'inactive', role: 'member', admin: true },
        },
        400,
        'validation_failed',
      ],
      [
        {
          ...dazos,
          body: { name: 'X', email: 'not-an-email', status: 'inactive', role: 'member' },
        },
        400,
        'validation_failed',
      ],
      [
        { ...dazos, body: { name: 'X', email: 'x@y', status: 'nonsense', role: 'member' } },
        400,
        'validation_failed',
      ],
      [
        { ...dazos, body: { name: 'X\u0000', email: 'x@y', status: 'inactive', role: 'member' } },
        400,
        'validation_failed',
      ],
      [
        { body: { name: 'X', email: 'x@y', status: 'inactive', role: 'member' } },
        401,
        'unauthenticated',
      ],
      [{ ...dazos, method: 'PUT' }, 405, 'method_not_allowed'],
      [{ ...dazos, method: 'GET', path: '/nothing' }, 404, 'not_found'],
      [{ ...dazos, method: 'GET', path: '/members?limit=0' }, 400, 'validation_failed'],
      [{ ...dazos, method: 'GET', path: '/members?cursor=bogus' }, 400, 'validation_failed'],
      [{ ...dialpad, path: '/changes/chg_x/cancel', body: [1] }, 400, 'validation_failed'],
      [
        { ...dialpad, path: '/changes/chg_x/cancel', body: { reason: 'x' } },
        400,
        'validation_failed',
      ],
      [{ ...dialpad, path: '/changes/chg_x/cancel' }, 404, 'not_found'],
      [{ ...dialpad, path: '/changes/chg_x/sign', body: { token: '' } }, 400, 'validation_failed'],
      [
        { ...dazos, path: '/quotes', body: { poolId: 'users', delta: 1.5 } },
        400,
        'validation_failed',
      ],
    ];
    for (const [options, status, code] of cases) {
      const answer = await call(options.method ?? 'POST', options.path ?? '/members', options);
      expect({ status: answer.status, code: answer.body.code }).toEqual({ status, code });
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(ProblemSchema.safeParse(answer.body).success).toBe(true);
      expect(answer.headers.get('x-request-id')).toBe(answer.body.requestId);
    }
    const unknownField = await call('POST', '/members', {
      ...dazos,
      body: { name: 'X', email: 'x@y', status: 'inactive', role: 'member', admin: true },
    });
    expect(unknownField.body.errors).toEqual([
      expect.objectContaining({ field: 'admin', code: 'unknown_field' }),
    ]);
    expect((await summary(dazos)).usage.pools[0]?.used).toBe(10);
  });

  it('serves the OpenAPI document', async () => {
    const answer = await call('GET', '/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
    expect(Object.keys(answer.body.paths)).toContain('/v1/changes/{id}/sign');
  });
});

describe('onEvent', () => {
  it('logs what a listener throws or rejects with; the committed write still answers', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      for (const onEvent of [
        () => {
          throw new Error('listener bug');
        },
        async () => {
          throw new Error('listener rejected');
        },
      ]) {
        const listening = createSeatsHandler({
          store,
          billing,
          clock: () => now,
          identify: () => ({
            accountId: 'total-with-terms-no-self-decrease',
            memberId: null,
            role: 'System Admin',
          }),
          onEvent,
        });
        const response = await listening(
          new Request('http://seats.test/v1/members', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              name: `Listener ${unhandled.length}`,
              email: `listener-${Math.random().toString(36).slice(2)}@example.com`,
              status: 'Active',
              role: 'Standard User',
              poolId: 'users',
            }),
          }),
        );
        expect(response.status).toBe(201);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
