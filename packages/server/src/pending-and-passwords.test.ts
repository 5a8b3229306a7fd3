import { PGlite } from '@electric-sql/pglite';
import type { Change, FullSummary, MemberList, Quote } from '@seats/core/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoPassword, seedDemoAccounts } from './demo';
import { createDevBilling, createSeatsHandler, type SeatsEvent, type SeatsStore } from './index';
import { createPgliteStore } from './pglite';

const start = new Date('2026-03-10T12:00:00.000Z');
const commusoft = { account: 'signed-contract-licence-types', role: 'owner-manager' };
const factro = { account: 'daily-prorated-with-password', role: 'owner' };

let db: PGlite;
let store: SeatsStore;
let now: Date;
let signatures: { changeId: string; token: string }[];
let events: SeatsEvent[];
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  db = await PGlite.create();
  store = await createPgliteStore({ db });
});
afterAll(() => store.close());
beforeEach(async () => {
  await store.clear();
  await seedDemoAccounts(store, { now: start });
  now = start;
  signatures = [];
  events = [];
  handle = createSeatsHandler({
    store,
    billing: createDevBilling(),
    clock: () => now,
    recoverOnStart: false,
    identify: (request) => ({
      accountId: request.headers.get('x-account') ?? '',
      memberId: request.headers.get('x-member'),
      role: request.headers.get('x-role') ?? '',
    }),
    verifyPassword: (_identity, password) => password === demoPassword,
    requestSignature: ({ changeId, token }) => {
      signatures.push({ changeId, token });
    },
    onEvent: (event) => events.push(event),
  });
});

async function call<T>(
  method: string,
  path: string,
  who: { account: string; role: string; member?: string },
  body?: unknown,
  key?: string,
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-account': who.account,
    'x-role': who.role,
  };
  if (who.member !== undefined) headers['x-member'] = who.member;
  if (key !== undefined) headers['idempotency-key'] = key;
  const response = await handle(
    new Request(`http://host.test/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return { status: response.status, body: (await response.json()) as T, headers: response.headers };
}

async function pendingPurchase() {
  const quote = await call<Quote>('POST', '/quotes', commusoft, { poolId: 'monthly', delta: 1 });
  const change = await call<Change>(
    'POST',
    '/changes',
    commusoft,
    { quoteId: quote.body.id },
    'buy',
  );
  expect(change.body.status).toBe('pending-signature');
  return change.body;
}

const monthly = (summary: FullSummary) => summary.pools.find((pool) => pool.id === 'monthly');

describe('a purchase waiting for its e-signature (Commusoft)', () => {
  it('is withdrawn by a role that may change licences, and its link stops working', async () => {
    const change = await pendingPurchase();
    expect(
      monthly((await call<FullSummary>('GET', '/summary', commusoft)).body)?.pendingSignature,
    ).toBe(1);
    const engineer = { ...commusoft, role: 'engineer' };
    expect((await call('POST', `/changes/${change.id}/cancel`, engineer, {})).status).toBe(403);

    const withdrawn = await call<Change>('POST', `/changes/${change.id}/cancel`, commusoft, {});
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'cancelled', cancelledAt: start.toISOString() });
    expect(
      monthly((await call<FullSummary>('GET', '/summary', commusoft)).body)?.pendingSignature,
    ).toBe(0);
    const signed = await call<{ code: string }>('POST', `/changes/${change.id}/sign`, commusoft, {
      token: signatures[0]?.token,
    });
    expect(signed.body.code).toBe('signature_invalid');
    expect(events.map((event) => event.type)).toEqual([
      'allowance.pending_signature',
      'allowance.withdrawn',
    ]);
  });

  it("expires after the policy's signature TTL (7 days by default), with its link", async () => {
    const change = await pendingPurchase();
    now = new Date(start.getTime() + 7 * 24 * 3_600_000 + 1_000);
    const signed = await call<{ code: string; detail: string }>(
      'POST',
      `/changes/${change.id}/sign`,
      commusoft,
      { token: signatures[0]?.token },
    );
    expect(signed.status).toBe(422);
    expect(signed.body).toMatchObject({ code: 'signature_invalid' });
    expect(signed.body.detail).toMatch(/expired/);
    const history = await call<{ items: Change[] }>('GET', '/changes', commusoft);
    expect(history.body.items.find((item) => item.id === change.id)?.status).toBe('cancelled');
    expect(
      monthly((await call<FullSummary>('GET', '/summary', commusoft)).body)?.pendingSignature,
    ).toBe(0);
    expect(events.map((event) => event.type)).toContain('allowance.signature_expired');
  });
});

describe('password confirmation (factro)', () => {
  it('locks a member out for 15 minutes after 5 wrong passwords, with Retry-After, and stores no password hash', async () => {
    const memberOf = async (role: string) =>
      (await call<MemberList>('GET', `/members?role=${role}`, factro)).body.items[0]?.id as string;
    const owner = { ...factro, member: await memberOf('owner') };
    const admin = { ...factro, member: await memberOf('admin') };
    const quote = await call<Quote>('POST', '/quotes', owner, { poolId: 'named', delta: 1 });
    const commit = (password: string, key: string) =>
      call<{ code: string }>(
        'POST',
        '/changes',
        owner,
        { quoteId: quote.body.id, confirmations: { password } },
        key,
      );
    for (let attempt = 1; attempt <= 5; attempt += 1)
      expect((await commit(`guess-${attempt}`, `try-${attempt}`)).body.code).toBe(
        'password_invalid',
      );
    const locked = await commit(demoPassword, 'try-6');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('too_many_attempts');
    expect(Number(locked.headers.get('retry-after'))).toBe(900);
    // Another member of the account is not locked out.
    const other = await call<{ code: string }>(
      'POST',
      '/changes',
      admin,
      { quoteId: quote.body.id, confirmations: { password: 'wrong' } },
      'other-1',
    );
    expect(other.body.code).toBe('password_invalid');

    now = new Date(start.getTime() + 900_000);
    const fresh = await call<Quote>('POST', '/quotes', owner, { poolId: 'named', delta: 1 });
    const accepted = await call(
      'POST',
      '/changes',
      owner,
      { quoteId: fresh.body.id, confirmations: { password: demoPassword } },
      'after-lockout',
    );
    expect(accepted.status).toBe(201);
    const hashes = await db.query<{ request_hash: string; response_body: string }>(
      'SELECT request_hash, response_body FROM seats_idempotency_keys',
    );
    const digest = async (text: string) =>
      Array.from(
        new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))),
        (byte) => byte.toString(16).padStart(2, '0'),
      ).join('');
    const withPassword = await digest(JSON.stringify([fresh.body.id, null, demoPassword]));
    expect(hashes.rows.map((row) => row.request_hash)).not.toContain(withPassword);
    expect(JSON.stringify(hashes.rows)).not.toContain(demoPassword);
  });
});
