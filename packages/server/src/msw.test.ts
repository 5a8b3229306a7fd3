import type { FullSummary, Quote } from '@seats/core/contract';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { demoPassword } from './demo';
import { createSeatsMsw, type SeatsMsw } from './msw';

let mock: SeatsMsw;
let server: ReturnType<typeof setupServer>;

beforeAll(async () => {
  mock = await createSeatsMsw();
  server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: 'error' });
});

afterAll(() => {
  server.close();
});

beforeEach(async () => {
  await mock.reset();
});

const api = 'http://app.test/api/seats/v1';

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('createSeatsMsw in Node', () => {
  it('answers a host app with the demo account of each preset', async () => {
    const fallback: FullSummary = await (await fetch(`${api}/summary`)).json();
    expect(fallback.account.id).toBe('delta-upgrade-at-limit');
    const factro: FullSummary = await (
      await fetch(`${api}/summary`, {
        headers: { 'x-seats-account': 'daily-prorated-with-password' },
      })
    ).json();
    expect(factro.policy.confirmation).toBe('password');
    expect(factro.viewer.role).toBe('owner');
  });

  it('makes the next payment fail, then lets the retry through', async () => {
    const quote: Quote = await (await post('/quotes', { poolId: 'users', delta: 1 })).json();
    mock.faults.failNextPayment();
    const failed = await post('/changes', { quoteId: quote.id }, { 'idempotency-key': 'a' });
    expect(failed.status).toBe(402);
    const retried = await post('/changes', { quoteId: quote.id }, { 'idempotency-key': 'a' });
    expect(retried.status).toBe(201);
    expect(mock.billing.charges()).toHaveLength(1);
  });

  it('injects server errors, network errors and latency', async () => {
    mock.faults.serverError();
    const broken = await fetch(`${api}/summary`);
    expect(broken.status).toBe(500);
    expect((await broken.json()).code).toBe('internal_error');
    expect((await fetch(`${api}/summary`)).status).toBe(200);

    mock.faults.networkError();
    await expect(fetch(`${api}/summary`)).rejects.toThrow();

    mock.faults.latency(150);
    const started = performance.now();
    await fetch(`${api}/summary`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('delivers e-signature tokens to its outbox and accepts the demo password', async () => {
    const commusoft = { 'x-seats-account': 'signed-contract-licence-types' };
    const quote: Quote = await (
      await post('/quotes', { poolId: 'monthly', delta: 1 }, commusoft)
    ).json();
    const pending = await (
      await post('/changes', { quoteId: quote.id }, { ...commusoft, 'idempotency-key': 'b' })
    ).json();
    const [sent] = mock.signatures();
    expect(sent?.changeId).toBe(pending.id);
    const signed = await post(`/changes/${pending.id}/sign`, { token: sent?.token }, commusoft);
    expect((await signed.json()).status).toBe('applied');

    const factro = { 'x-seats-account': 'daily-prorated-with-password' };
    const offer: Quote = await (
      await post('/quotes', { poolId: 'named', total: 11 }, factro)
    ).json();
    const committed = await post(
      '/changes',
      { quoteId: offer.id, confirmations: { password: demoPassword } },
      { ...factro, 'idempotency-key': 'c' },
    );
    expect(committed.status).toBe(201);
  });

  it('puts the demo data back on reset', async () => {
    await post('/members', {
      name: 'Temp',
      email: 't@example.com',
      status: 'inactive',
      role: 'member',
    });
    const before: FullSummary = await (await fetch(`${api}/summary`)).json();
    await mock.reset();
    const after: FullSummary = await (await fetch(`${api}/summary`)).json();
    expect(after.version).toBeLessThan(before.version);
    expect(mock.events()).toEqual([]);
  });
});
