import { presets, resolvePermissions } from '@seats/core';
import { ProblemSchema } from '@seats/core/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdentify, seedDemoAccounts } from './demo';
import { createSeatsHandler, type SeatsStore } from './index';
import { createPgliteStore } from './pglite';

const now = new Date('2026-11-10T12:00:00.000Z');
let store: SeatsStore;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  store = await createPgliteStore();
  await seedDemoAccounts(store, { now });
  handle = createSeatsHandler({ store, identify: demoIdentify, clock: () => now });
});

afterAll(async () => {
  await store.close();
});

async function summaryAs(headers: Record<string, string>) {
  const response = await handle(new Request('http://host.test/v1/summary', { headers }));
  return { status: response.status, text: await response.text() };
}

/** Every property name at any depth. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [key, ...keysOf(inner)]);
}

const limitedKeys = [
  'access',
  'addUser',
  'askRoles',
  'newMember',
  'permissions',
  'viewer',
  'withoutPermission',
];

describe('the summary per role of every preset', () => {
  const cases = Object.entries(presets).flatMap(([account, policy]) =>
    policy.roles.map((role) => ({
      account,
      role,
      policy,
      sees: resolvePermissions(policy, role).viewLicences,
    })),
  );

  it.each(cases)('$account, $role: full when the role may see licences ($sees)', async (item) => {
    const { status, text } = await summaryAs({
      'x-seats-account': item.account,
      'x-seats-role': item.role,
    });
    expect(status).toBe(200);
    const body = JSON.parse(text);
    if (item.sees) {
      expect(body.access).toBe('full');
      expect(body.usage.viewer).toMatchObject({ role: item.role, viewLicences: true });
      return;
    }
    expect(body.access).toBe('limited');
    expect(
      Object.keys(body)
        .filter((key) => key !== 'vocabulary')
        .sort(),
    ).toEqual(limitedKeys);
    expect(body.askRoles).toEqual(item.policy.permissions.changeAllowance);
    expect(body.permissions).toEqual(resolvePermissions(item.policy, item.role));
    if (!body.permissions.manageMembers) expect(body.addUser).toEqual({ outcome: 'forbidden' });
    // Never prices, the plan, the contract, storage, counts or open changes.
    const { vocabulary: _words, ...facts } = body;
    const keys = keysOf(facts);
    for (const secret of [
      'unitPrice',
      'currency',
      'plan',
      'contract',
      'account',
      'pools',
      'usage',
      'purchased',
      'used',
      'available',
      'storageUsedBytes',
      'pendingChanges',
      'pendingChangeCount',
      'version',
    ])
      expect(keys).not.toContain(secret);
  });

  it('tells a member manager without the licences in view whether adding is possible, never how to buy', async () => {
    const { text } = await summaryAs({
      'x-seats-account': 'signed-contract-licence-types',
      'x-seats-role': 'office-staff',
    });
    const body = JSON.parse(text);
    expect(body.permissions).toMatchObject({ manageMembers: true, viewLicences: false });
    expect(['allowed', 'needs-licence']).toContain(body.addUser.outcome);
    if (body.addUser.outcome === 'needs-licence') {
      for (const remedy of body.addUser.remedies)
        expect(['use-non-consuming', 'ask-admin']).toContain(remedy.kind);
    }
  });
});

describe('identity checks', () => {
  it('answers a role the policy does not know with 403 unknown_role', async () => {
    const { status, text } = await summaryAs({
      'x-seats-account': 'delta-upgrade-at-limit',
      'x-seats-role': 'superuser',
    });
    expect(status).toBe(403);
    expect(ProblemSchema.parse(JSON.parse(text)).code).toBe('unknown_role');
  });

  it('answers a member id that is no member of the account with 403 not_a_member', async () => {
    const { status, text } = await summaryAs({
      'x-seats-account': 'delta-upgrade-at-limit',
      'x-seats-member': 'mem_nobody',
    });
    expect(status).toBe(403);
    expect(JSON.parse(text).code).toBe('not_a_member');
  });

  it("refuses a member of another account as this account's member", async () => {
    const [other] = await store.listMembers('scheduled-removal-with-restore', { limit: 1 });
    const { status, text } = await summaryAs({
      'x-seats-account': 'delta-upgrade-at-limit',
      'x-seats-member': other?.id ?? 'missing',
    });
    expect(status).toBe(403);
    expect(JSON.parse(text).code).toBe('not_a_member');
  });

  it('accepts a member id of the account', async () => {
    const [member] = await store.listMembers('delta-upgrade-at-limit', { limit: 1 });
    const { status, text } = await summaryAs({
      'x-seats-account': 'delta-upgrade-at-limit',
      'x-seats-member': member?.id ?? 'missing',
    });
    expect(status).toBe(200);
    expect(JSON.parse(text).viewer.memberId).toBe(member?.id);
  });

  it('answers an account the store does not hold with 404 account_not_found on every route', async () => {
    const unknown = createSeatsHandler({
      store,
      identify: () => ({ accountId: 'acct_not_provisioned', memberId: null, role: 'owner' }),
    });
    for (const [method, path] of [
      ['GET', '/v1/summary'],
      ['GET', '/v1/members'],
      ['GET', '/v1/changes'],
    ] as const) {
      const response = await unknown(new Request(`http://host.test${path}`, { method }));
      expect(response.status).toBe(404);
      expect((await response.json()).code).toBe('account_not_found');
    }
  });
});
