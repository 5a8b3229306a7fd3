import openapi from '@seats/core/openapi.json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeatsAdmin, createSeatsAdminHandler, type SeatsStore } from './index';
import { createPgliteStore } from './pglite';

const token = 'Bearer admin-secret';

let store: SeatsStore;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  store = await createPgliteStore();
  handler = createSeatsAdminHandler({
    admin: createSeatsAdmin({ store, clock: () => new Date('2026-06-15T00:00:00.000Z') }),
    basePath: '/api/seats',
    authorize: (request) => request.headers.get('authorization') === token,
  });
});

afterAll(async () => {
  await store?.close();
});

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = { authorization: token },
) {
  const response = await handler(
    new Request(`http://host.test/api/seats/admin/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
    body: (text === '' ? null : JSON.parse(text)) as any,
  };
}

const account = (id: string) => ({
  id,
  name: `Account ${id}`,
  plan: 'Team',
  currency: 'GBP',
  billingPeriod: { start: '2026-06-01T00:00:00.000Z', end: '2026-07-01T00:00:00.000Z' },
  contract: { kind: 'self-serve' },
  policy: 'total-with-terms-no-self-decrease',
  pools: [{ id: 'users', name: 'User licences', term: 'monthly', purchased: 2, unitPrice: 2_500 }],
});

const user = (number: number, status = 'Active') => ({
  externalId: `crm-${number}`,
  name: `User ${number}`,
  email: `user.${number}@crm.example`,
  status,
  role: 'Standard User',
});

describe('admin API over HTTP', () => {
  it('answers 401 without credentials and 403 with wrong ones, and changes nothing', async () => {
    const anonymous = await call('POST', '/accounts', account('refused'), {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.type).toBe('application/problem+json');
    expect(anonymous.body.code).toBe('unauthenticated');
    const wrong = await call('POST', '/accounts', account('refused'), {
      authorization: 'Bearer guess',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('forbidden');
    // Even an unknown path says no more than that.
    expect((await call('GET', '/nowhere', undefined, {})).status).toBe(401);
    expect(await store.loadAccount('refused')).toBeNull();
  });

  it('provisions an account, its pools and members, and erases it', async () => {
    const created = await call('POST', '/accounts', account('acme'));
    expect(created.status).toBe(201);
    expect(created.body.policy.name).toBe('total-with-terms-no-self-decrease');
    expect((await call('GET', '/accounts/acme')).body.account.currency).toBe('GBP');
    expect((await call('PATCH', '/accounts/acme', { plan: 'Enterprise' })).body.account.plan).toBe(
      'Enterprise',
    );

    const pool = await call('POST', '/accounts/acme/pools', {
      id: 'extra',
      name: 'Extra',
      term: 'add-on',
      purchased: 0,
      unitPrice: 900,
    });
    expect(pool.status).toBe(201);
    expect(
      (await call('PATCH', '/accounts/acme/pools/extra', { unitPrice: 1_000 })).body.pools[1]
        .unitPrice,
    ).toBe(1_000);
    expect((await call('DELETE', '/accounts/acme/pools/extra')).body.pools).toHaveLength(1);

    const deal = await call('PUT', '/accounts/acme/pools/users/purchased', {
      purchased: 3,
      actor: 'sales: sam',
      reason: 'Renewal call',
    });
    expect(deal.status).toBe(200);
    expect(deal.body.change).toMatchObject({
      actor: { role: 'sales: sam' },
      reason: 'Renewal call',
    });
    expect(deal.body.account.pools[0].purchased).toBe(3);

    const first = await call('POST', '/accounts/acme/members', user(1));
    expect(first.status).toBe(201);
    expect(first.body.outcome).toBe('created');
    const again = await call('POST', '/accounts/acme/members', user(1));
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe('unchanged');
    const byExternal = await call('GET', '/accounts/acme/members/crm-1?by=externalId');
    expect(byExternal.body).toMatchObject({ externalId: 'crm-1', consumes: true });
    expect((await call('GET', `/accounts/acme/members/${byExternal.body.id}`)).status).toBe(200);

    const dry = await call('POST', '/accounts/acme/reconcile', {
      users: [user(1), user(2), user(3)],
      dryRun: true,
    });
    expect(dry.status).toBe(200);
    expect(dry.body.created.map((entry: { externalId: string }) => entry.externalId)).toEqual([
      'crm-2',
      'crm-3',
    ]);
    expect((await call('GET', '/accounts/acme/members/crm-2?by=externalId')).status).toBe(404);
    const sync = await call('POST', '/accounts/acme/reconcile', {
      users: [user(1), user(2), user(3), user(4)],
    });
    expect(sync.body.refused).toEqual([
      expect.objectContaining({ externalId: 'crm-4', code: 'no_licence_available' }),
    ]);
    expect((await call('DELETE', '/accounts/acme/members/crm-3?by=externalId')).status).toBe(204);

    expect((await call('DELETE', '/accounts/acme')).status).toBe(204);
    const gone = await call('GET', '/accounts/acme');
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('account_not_found');
  });

  it('answers refusals as problem documents naming the field', async () => {
    const currency = await call('POST', '/accounts', { ...account('bad'), currency: 'gbp' });
    expect(currency.status).toBe(400);
    expect(currency.type).toBe('application/problem+json');
    expect(currency.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'currency', code: 'invalid_format' }],
    });

    await call('POST', '/accounts', account('full'));
    await call('POST', '/accounts/full/members', user(1));
    await call('POST', '/accounts/full/members', user(2));
    const role = await call('POST', '/accounts/full/members', { ...user(3), role: 'Wizard' });
    expect(role.status).toBe(400);
    expect(role.body.errors).toEqual([
      expect.objectContaining({ field: 'role', code: 'unknown-role' }),
    ]);
    const duplicate = await call('POST', '/accounts/full/members', {
      ...user(3, 'Inactive'),
      email: 'USER.1@crm.example',
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors).toEqual([
      expect.objectContaining({ field: 'email', code: 'duplicate' }),
    ]);
    const noLicence = await call('POST', '/accounts/full/members', user(3));
    expect(noLicence.status).toBe(409);
    expect(noLicence.body).toMatchObject({
      code: 'no_licence_available',
      decision: { outcome: 'needs-licence', poolId: 'users' },
    });
    const inUse = await call('DELETE', '/accounts/full/pools/users');
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('pool_in_use');
    expect((await call('PATCH', '/accounts/full/pools/ghost', { unitPrice: 1 })).status).toBe(404);
    expect((await call('POST', '/accounts', account('full'))).body.code).toBe('account_exists');
    expect((await call('GET', '/accounts/nobody')).body.code).toBe('account_not_found');
    expect((await call('PUT', '/accounts/full')).status).toBe(405);
  });

  it('is described in the OpenAPI document, path by path', () => {
    expect(Object.keys(openapi.paths).filter((path) => path.startsWith('/admin/'))).toEqual([
      '/admin/v1/accounts',
      '/admin/v1/accounts/{accountId}',
      '/admin/v1/accounts/{accountId}/pools',
      '/admin/v1/accounts/{accountId}/pools/{poolId}',
      '/admin/v1/accounts/{accountId}/pools/{poolId}/purchased',
      '/admin/v1/accounts/{accountId}/members',
      '/admin/v1/accounts/{accountId}/members/{memberId}',
      '/admin/v1/accounts/{accountId}/reconcile',
    ]);
  });
});
