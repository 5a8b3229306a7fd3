import type { FullSummary, Summary } from '@seats/client';
import { createSeatsClient, type SeatsClient } from '@seats/client';
import { resolvePermissions } from '@seats/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DemoAccount,
  demoAccounts,
  demoIdentify,
  demoPassword,
  seedDemoAccounts,
} from './demo';
import { createDevBilling, createSeatsHandler, type SeatsStore } from './index';
import { createPgliteStore } from './pglite';

/** The summary, checked to be the full one a role that may see licences gets. */
function full(summary: Summary): FullSummary {
  if (summary.access !== 'full')
    throw new Error(`Expected the full summary, got ${summary.access}.`);
  return summary;
}

/** What each demo account holds that another account might try to reach. */
interface Holdings {
  memberId: string;
  poolId: string;
  quoteId: string;
  changeId: string;
  /** The e-signature token of `changeId`, when it waits for one. */
  token: string | null;
}

const accounts = demoAccounts();
const holdings = new Map<string, Holdings>();
let store: SeatsStore;
let handler: (request: Request) => Promise<Response>;

function clientOf(headers: Record<string, string>): SeatsClient {
  return createSeatsClient({
    baseUrl: 'http://seats.test',
    fetch: (input, init) => handler(new Request(input, init)),
    headers,
  });
}
const as = (account: DemoAccount, role = account.adminRole) =>
  clientOf({ 'x-seats-account': account.id, 'x-seats-role': role });
const held = (account: DemoAccount) => holdings.get(account.id) as Holdings;
const others = (account: DemoAccount) => accounts.filter((other) => other.id !== account.id);

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return error === null
    ? 'resolved'
    : { status: (error as { status?: number }).status, code: (error as { code?: string }).code };
}

beforeAll(async () => {
  store = await createPgliteStore();
  const now = new Date('2026-11-10T12:00:00.000Z');
  await seedDemoAccounts(store, { now });
  const tokens = new Map<string, string>();
  handler = createSeatsHandler({
    store,
    billing: createDevBilling(),
    clock: () => now,
    // No account header is no caller at all (demoIdentify alone would fall back to a demo account).
    identify: (request) => (request.headers.has('x-seats-account') ? demoIdentify(request) : null),
    verifyPassword: (_identity, password) => password === demoPassword,
    requestSignature: ({ changeId, token }) => {
      tokens.set(changeId, token);
    },
  });

  for (const account of accounts) {
    const client = as(account);
    const memberId = (await client.listMembers({ limit: 1 })).items[0]?.id as string;
    const poolId = account.pools[0]?.id as string;
    // Dialpad's removal is scheduled (cancellable); Commusoft's purchase waits for a signature.
    const usage = full(await client.getSummary()).usage.pools.find(
      (pool) => pool.poolId === poolId,
    );
    const removable = account.policy.decrease.mode === 'period-end' && usage?.decrease.allowed;
    const quote = await client.createQuote({ poolId, delta: removable ? -1 : 1 });
    const change = await client.commitChange({
      quoteId: quote.id,
      confirmations: { termsAccepted: true, password: demoPassword },
    });
    const fresh = await client.createQuote({ poolId, delta: usage?.increase.allowed ? 1 : -1 });
    holdings.set(account.id, {
      memberId,
      poolId,
      quoteId: fresh.id,
      changeId: change.id,
      token: tokens.get(change.id) ?? null,
    });
  }
}, 60_000);

afterAll(() => store.close());

describe('another account’s ids answer 404, never 403', () => {
  const pairs = accounts.flatMap((account) =>
    others(account).map((other) => ({ caller: account.id, owner: other.id, account, other })),
  );

  it.each(pairs)(
    '$caller cannot change, delete or even see a member of $owner',
    async ({ account, other }) => {
      const client = as(account);
      const { memberId } = held(other);
      expect(await rejection(client.updateMember(memberId, { name: 'Taken over' }))).toEqual({
        status: 404,
        code: 'not_found',
      });
      expect(
        await rejection(
          client.updateMember(memberId, { status: account.policy.statuses[0] as string }),
        ),
      ).toEqual({
        status: 404,
        code: 'not_found',
      });
      expect(await rejection(client.deleteMember(memberId))).toEqual({
        status: 404,
        code: 'not_found',
      });
      const mine = await client.listMembers({ limit: 200 });
      expect(mine.items.map((member) => member.id)).not.toContain(memberId);
      const stillThere = await as(other).listMembers({ limit: 200 });
      expect(stillThere.items.find((member) => member.id === memberId)?.name).not.toBe(
        'Taken over',
      );
    },
  );

  it.each(pairs)(
    '$caller cannot commit, cancel or sign the quotes and changes of $owner',
    async ({ account, other }) => {
      const client = as(account);
      const { quoteId, changeId, token } = held(other);
      expect(
        await rejection(
          client.commitChange({
            quoteId,
            confirmations: { termsAccepted: true, password: demoPassword },
          }),
        ),
      ).toEqual({ status: 404, code: 'not_found' });
      expect(await rejection(client.cancelChange(changeId))).toEqual({
        status: 404,
        code: 'not_found',
      });
      // Even holding the owner's real signature token.
      expect(
        await rejection(client.signChange(changeId, { token: token ?? 'sig_unknown' })),
      ).toEqual({
        status: 404,
        code: 'not_found',
      });
      const history = await client.listChanges({ limit: 200 });
      expect(history.items.map((change) => change.id)).not.toContain(changeId);
      const summary = full(await client.getSummary());
      expect(summary.pendingChanges.map((change) => change.id)).not.toContain(changeId);
    },
  );

  it.each(
    pairs.filter(
      ({ account, other }) => !account.pools.some((pool) => pool.id === other.pools[0]?.id),
    ),
  )(
    '$caller cannot quote for or assign a member to a licence type of $owner',
    async ({ account, other }) => {
      const client = as(account);
      const { poolId } = held(other);
      expect(await rejection(client.createQuote({ poolId, delta: 1 }))).toEqual({
        status: 404,
        code: 'not_found',
      });
      // A pool in a member's body is a field, not the resource addressed: it answers exactly as a
      // pool that exists nowhere, so nothing tells the caller that the other account has one.
      const member = {
        name: 'Probe',
        email: 'probe@example.com',
        status: account.policy.consumingStatuses[0] as string,
        role: account.policy.roles.at(-1) as string,
      };
      const foreign = await rejection(client.createMember({ ...member, poolId }));
      const nowhere = await rejection(
        client.createMember({ ...member, poolId: 'pool-that-exists-nowhere' }),
      );
      expect(foreign).toEqual(nowhere);
      expect(foreign).not.toBe('resolved');
      expect((await client.listMembers({ poolId, limit: 200 })).items).toEqual([]);
    },
  );
});

describe('a role the policy does not allow gets 403 on every mutating resource', () => {
  const cannotManage = accounts.flatMap((account) =>
    account.policy.roles
      .filter((role) => !resolvePermissions(account.policy, role).manageMembers)
      .map((role) => ({ account, role, id: account.id })),
  );
  const cannotChange = accounts.flatMap((account) =>
    account.policy.roles
      .filter((role) => !resolvePermissions(account.policy, role).changeAllowance)
      .map((role) => ({ account, role, id: account.id })),
  );

  it.each(cannotManage)(
    '$role of $id may not create, change or delete users',
    async ({ account, role }) => {
      const client = as(account, role);
      const { memberId } = held(account);
      const before = await as(account).listMembers({ limit: 200 });
      const member = {
        name: 'Nina',
        email: 'nina@example.com',
        status: account.policy.statuses.at(-1) as string,
        role: account.policy.roles.at(-1) as string,
      };
      expect(await rejection(client.createMember(member))).toEqual({
        status: 403,
        code: 'forbidden',
      });
      expect(
        await rejection(
          client.updateMember(memberId, { status: account.policy.statuses.at(-1) as string }),
        ),
      ).toEqual({
        status: 403,
        code: 'forbidden',
      });
      expect(await rejection(client.deleteMember(memberId))).toEqual({
        status: 403,
        code: 'forbidden',
      });
      expect(await as(account).listMembers({ limit: 200 })).toEqual(before);
    },
  );

  it.each(cannotChange)(
    '$role of $id may not quote, commit, cancel or sign licence changes',
    async ({ account, role }) => {
      const client = as(account, role);
      const { poolId, quoteId, changeId, token } = held(account);
      const before = full(await as(account).getSummary());
      expect(await rejection(client.createQuote({ poolId, delta: 1 }))).toEqual({
        status: 403,
        code: 'forbidden',
      });
      expect(
        await rejection(
          client.commitChange({
            quoteId,
            confirmations: { termsAccepted: true, password: demoPassword },
          }),
        ),
      ).toEqual({ status: 403, code: 'forbidden' });
      expect(await rejection(client.cancelChange(changeId))).toEqual({
        status: 403,
        code: 'forbidden',
      });
      expect(
        await rejection(client.signChange(changeId, { token: token ?? 'sig_unknown' })),
      ).toEqual({
        status: 403,
        code: 'forbidden',
      });
      expect(full(await as(account).getSummary())).toEqual(before);
    },
  );
});

describe('no caller gets 401 on every resource', () => {
  const nobody = clientOf({});
  const calls: [string, () => Promise<unknown>][] = [
    ['GET /v1/summary', () => nobody.getSummary()],
    ['GET /v1/members', () => nobody.listMembers()],
    [
      'POST /v1/members',
      () =>
        nobody.createMember({
          name: 'N',
          email: 'n@example.com',
          status: 'active',
          role: 'member',
        }),
    ],
    [
      'PATCH /v1/members/{id}',
      () => nobody.updateMember(held(accounts[0] as DemoAccount).memberId, { name: 'N' }),
    ],
    [
      'DELETE /v1/members/{id}',
      () => nobody.deleteMember(held(accounts[0] as DemoAccount).memberId),
    ],
    ['POST /v1/quotes', () => nobody.createQuote({ poolId: 'users', delta: 1 })],
    ['GET /v1/changes', () => nobody.listChanges()],
    [
      'POST /v1/changes',
      () => nobody.commitChange({ quoteId: held(accounts[0] as DemoAccount).quoteId }),
    ],
    [
      'POST /v1/changes/{id}/cancel',
      () => nobody.cancelChange(held(accounts[0] as DemoAccount).changeId),
    ],
    [
      'POST /v1/changes/{id}/sign',
      () => nobody.signChange(held(accounts[0] as DemoAccount).changeId, { token: 'sig' }),
    ],
  ];

  it.each(calls)('%s', async (_name, call) => {
    expect(await rejection(call())).toEqual({ status: 401, code: 'unauthenticated' });
  });
});
