import { PGlite } from '@electric-sql/pglite';
import { definePolicy } from '@seats/core';
import type { CreateAccountRequest, MemberInput, Quote } from '@seats/core/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteExecutor } from './create-pglite-store';
import {
  AdminInputError,
  createDevBilling,
  createSeatsAdmin,
  createSeatsHandler,
  createSeatsJobs,
  type SeatsAdmin,
  SeatsAdminError,
  type SeatsEvent,
  type SeatsStore,
} from './index';
import { applyMigrations } from './migrate';
import { migrations } from './migrations';
import { createPgliteStore } from './pglite';
import { createPostgresStore } from './postgres';
import {
  announceSkippedPostgres,
  createPostgresTestSchema,
  testDatabaseUrl,
} from './postgres-test-schema';

announceSkippedPostgres('the admin API suite');

interface Database {
  store: SeatsStore;
  /** Rows of the table that belong to the account. */
  rows(table: string, accountId: string): Promise<number>;
  dispose(): Promise<void>;
}

const drivers: { name: string; skip: boolean; open: () => Promise<Database> }[] = [
  {
    name: 'PGlite',
    skip: false,
    async open() {
      const db = await PGlite.create();
      const store = await createPgliteStore({ db });
      return {
        store,
        async rows(table, accountId) {
          const column = table === 'seats_accounts' ? 'id' : 'account_id';
          const result = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`,
            [accountId],
          );
          return Number(result.rows[0]?.n);
        },
        dispose: () => db.close(),
      };
    },
  },
  {
    name: 'PostgreSQL',
    skip: testDatabaseUrl === undefined,
    async open() {
      const schema = await createPostgresTestSchema(testDatabaseUrl as string);
      const pool = schema.pool(5);
      const store = await createPostgresStore({ pool });
      return {
        store,
        async rows(table, accountId) {
          const column = table === 'seats_accounts' ? 'id' : 'account_id';
          const result = await pool.query(
            `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`,
            [accountId],
          );
          return Number(result.rows[0]?.n);
        },
        dispose: () => schema.drop(),
      };
    },
  },
];

const now = new Date('2026-06-15T00:00:00.000Z');

function accountInput(
  id: string,
  overrides: Partial<CreateAccountRequest> = {},
): CreateAccountRequest {
  return {
    id,
    name: `Account ${id}`,
    plan: 'Team',
    currency: 'EUR',
    billingPeriod: { start: '2026-06-01T00:00:00.000Z', end: '2026-07-01T00:00:00.000Z' },
    contract: { kind: 'self-serve' },
    policy: 'delta-upgrade-at-limit',
    pools: [
      { id: 'users', name: 'User licences', term: 'monthly', purchased: 3, unitPrice: 4_900 },
    ],
    ...overrides,
  };
}

const user = (number: number, extra: Partial<MemberInput> = {}): MemberInput => ({
  externalId: `host-${number}`,
  name: `User ${number}`,
  email: `user.${number}@host.example`,
  status: 'active',
  role: 'member',
  ...extra,
});

/** The error a promise rejects with, to read its fields. */
async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

for (const driver of drivers) {
  describe.skipIf(driver.skip)(`admin API on ${driver.name}`, () => {
    let database: Database;
    let admin: SeatsAdmin;
    const events: SeatsEvent[] = [];

    beforeAll(async () => {
      database = await driver.open();
      admin = createSeatsAdmin({
        store: database.store,
        clock: () => now,
        onEvent: (event) => events.push(event),
      });
    });

    afterAll(async () => {
      await database?.dispose();
    });

    describe('accounts', () => {
      it('reads an account rolled past the period ends its clock has passed, as the widgets do', async () => {
        await admin.createAccount(accountInput('rolled'));
        const later = createSeatsAdmin({
          store: database.store,
          clock: () => new Date('2026-08-02T00:00:00.000Z'),
        });
        const read = await later.getAccount('rolled');
        expect(read?.account.billingPeriod).toEqual({
          start: '2026-08-01T00:00:00.000Z',
          end: '2026-09-01T00:00:00.000Z',
        });
      });

      it('creates an account with a preset by name and reads it back', async () => {
        const created = await admin.createAccount(accountInput('create-preset'));
        expect(created.account).toMatchObject({
          id: 'create-preset',
          plan: 'Team',
          currency: 'EUR',
        });
        expect(created.policy.name).toBe('delta-upgrade-at-limit');
        expect(created.pools).toEqual([
          {
            id: 'users',
            name: 'User licences',
            term: 'monthly',
            purchased: 3,
            scheduledRemoval: 0,
            pendingSignature: 0,
            unitPrice: 4_900,
          },
        ]);
        expect(created.usedByPool).toEqual({ users: 0 });
        expect(await admin.getAccount('create-preset')).toEqual(created);
        expect(await admin.getAccount('no-such-account')).toBeNull();
      });

      it('creates an account with a full policy and a contract', async () => {
        const policy = definePolicy({
          name: 'host',
          roles: ['boss', 'staff'],
          statuses: ['on', 'off'],
          consumingStatuses: ['on'],
          permissions: {
            viewLicences: ['boss'],
            changeAllowance: ['boss'],
            manageMembers: ['boss'],
          },
        });
        const created = await admin.createAccount(
          accountInput('create-full', {
            policy,
            contract: {
              kind: 'contracted',
              start: '2026-01-01T00:00:00.000Z',
              end: '2027-01-01T00:00:00.000Z',
            },
            storageUsedBytes: 5_000,
          }),
        );
        expect(created.policy).toEqual(policy);
        expect(created.account.storageUsedBytes).toBe(5_000);
        expect(created.account.contract.kind).toBe('contracted');
      });

      it.each([
        [
          'a policy checkPolicy rejects',
          { policy: definePolicy({ consumingStatuses: ['ghost'] }) },
          'policy',
          'inconsistent',
        ],
        [
          'a policy whose permissions name a role it lacks',
          { policy: definePolicy({ permissions: { changeAllowance: ['boss'] } }) },
          'policy',
          'inconsistent',
        ],
        ['an unknown preset', { policy: 'no-such-preset' as never }, 'policy', 'invalid_union'],
        ['a lowercase currency', { currency: 'eur' }, 'currency', 'invalid_format'],
        [
          'a billing period that has ended, which the next tick would bill again',
          {
            billingPeriod: {
              start: '2026-05-01T00:00:00.000Z',
              end: '2026-06-01T00:00:00.000Z',
            },
          },
          'billingPeriod.end',
          'ended',
        ],
        [
          'a billing period ending before it starts',
          {
            billingPeriod: {
              start: '2026-07-01T00:00:00.000Z',
              end: '2026-06-01T00:00:00.000Z',
            },
          },
          'billingPeriod.end',
          'before_start',
        ],
        [
          'two pools with one id',
          {
            pools: [
              { id: 'users', name: 'A', term: 'monthly' as const, purchased: 1, unitPrice: 1 },
              { id: 'users', name: 'B', term: 'monthly' as const, purchased: 1, unitPrice: 1 },
            ],
          },
          'pools.1.id',
          'duplicate',
        ],
        [
          'a pool whose min is above its max',
          {
            pools: [
              {
                id: 'users',
                name: 'A',
                term: 'monthly' as const,
                purchased: 1,
                unitPrice: 1,
                min: 5,
                max: 2,
              },
            ],
          },
          'pools.0.min',
          'above_max',
        ],
        [
          'a negative price',
          {
            pools: [
              { id: 'users', name: 'A', term: 'monthly' as const, purchased: 1, unitPrice: -1 },
            ],
          },
          'pools.0.unitPrice',
          'too_small',
        ],
        ['an unknown field', { colour: 'red' } as never, 'colour', 'unknown_field'],
        ['a control character in the name', { name: 'A\u0000B' }, 'name', 'invalid_string'],
      ])('refuses %s, naming the field, and creates nothing', async (_, overrides, field, code) => {
        const error = await refusal(admin.createAccount(accountInput('refused', overrides)));
        expect(error).toBeInstanceOf(AdminInputError);
        expect(error).toMatchObject({ field, code });
        expect(await admin.getAccount('refused')).toBeNull();
      });

      it('imports members with the account, and refuses more consuming than purchased', async () => {
        const created = await admin.createAccount(
          accountInput('import', {
            members: [
              user(1, { id: 'u1', externalId: undefined }),
              user(2),
              user(3, { status: 'inactive' }),
            ],
          }),
        );
        expect(created.usedByPool).toEqual({ users: 2 });
        expect(await admin.getMember('import', { id: 'u1' })).toMatchObject({ consumes: true });
        expect(await admin.getMember('import', { externalId: 'host-3' })).toMatchObject({
          consumes: false,
        });

        const over = await refusal(
          admin.createAccount(
            accountInput('import-over', { members: [1, 2, 3, 4].map((number) => user(number)) }),
          ),
        );
        expect(over).toMatchObject({ field: 'members', code: 'no_licence_available' });
        const duplicate = await refusal(
          admin.createAccount(
            accountInput('import-duplicate', {
              members: [user(1), user(2, { email: 'User.1@host.example' })],
            }),
          ),
        );
        expect(duplicate).toMatchObject({ field: 'members.1.email', code: 'duplicate' });
        expect(await admin.getAccount('import-over')).toBeNull();
        expect(await admin.getAccount('import-duplicate')).toBeNull();
      });

      it('refuses an account whose id exists', async () => {
        await admin.createAccount(accountInput('twice'));
        const error = await refusal(admin.createAccount(accountInput('twice', { name: 'Other' })));
        expect(error).toBeInstanceOf(SeatsAdminError);
        expect(error).toMatchObject({ code: 'account_exists' });
        expect((await admin.getAccount('twice'))?.account.name).toBe('Account twice');
      });

      it('updates the fields and the policy, recounting who consumes a licence', async () => {
        await admin.createAccount(accountInput('update'));
        await admin.upsertMember('update', user(1));
        await admin.upsertMember('update', user(2, { status: 'inactive' }));
        const before = await admin.getAccount('update');
        expect(before?.usedByPool).toEqual({ users: 1 });

        const updated = await admin.updateAccount('update', {
          name: 'Renamed',
          plan: 'Enterprise',
          currency: 'USD',
          storageUsedBytes: 10,
          policy: definePolicy({
            name: 'everyone-counts',
            roles: ['owner', 'admin', 'member', 'billing-admin'],
            statuses: ['active', 'inactive'],
            consumingStatuses: ['active', 'inactive'],
          }),
        });
        expect(updated.account).toMatchObject({
          name: 'Renamed',
          plan: 'Enterprise',
          currency: 'USD',
          storageUsedBytes: 10,
        });
        expect(updated.usedByPool).toEqual({ users: 2 });
        expect(updated.version).toBeGreaterThan(before?.version ?? 0);
        expect((await admin.getMember('update', { externalId: 'host-2' }))?.consumes).toBe(true);

        const cleared = await admin.updateAccount('update', { storageUsedBytes: null });
        expect(cleared.account.storageUsedBytes).toBeUndefined();
      });

      it('refuses a policy that lacks a role or status members have, and changes nothing', async () => {
        await admin.createAccount(accountInput('update-refused'));
        await admin.upsertMember('update-refused', user(1));
        const before = await admin.getAccount('update-refused');
        const error = await refusal(
          admin.updateAccount('update-refused', {
            name: 'Renamed',
            policy: definePolicy({ roles: ['owner', 'admin'] }),
          }),
        );
        expect(error).toMatchObject({ field: 'policy.roles', code: 'unknown-role' });
        expect(await admin.getAccount('update-refused')).toEqual(before);
        expect(
          await refusal(admin.updateAccount('update-refused', { currency: 'usd' })),
        ).toMatchObject({ field: 'currency' });
        expect(await refusal(admin.updateAccount('no-such', { name: 'x' }))).toMatchObject({
          code: 'account_not_found',
        });
      });
    });

    describe('pools', () => {
      it('writes an event with each change of a pool or the account, in its transaction', async () => {
        await admin.createAccount(accountInput('evented'));
        events.length = 0;
        await admin.addPool('evented', {
          id: 'extra',
          name: 'Extra',
          term: 'monthly',
          purchased: 0,
          unitPrice: 100,
        });
        await admin.updatePool('evented', 'extra', { unitPrice: 200, max: 5 });
        await admin.removePool('evented', 'extra');
        await admin.updateAccount('evented', {
          plan: 'Enterprise',
          policy: 'delta-upgrade-at-limit',
        });
        await expect(admin.updatePool('evented', 'users', { max: 1 })).rejects.toBeInstanceOf(
          AdminInputError,
        );
        expect(
          events.map((event) => [event.type, 'fields' in event ? event.fields : null]),
        ).toEqual([
          ['pool.added', []],
          ['pool.updated', ['max', 'unitPrice']],
          ['pool.removed', []],
          ['account.updated', ['plan', 'policy']],
        ]);
        const outbox = await createSeatsJobs({
          store: database.store,
          billing: createDevBilling(),
        }).events({
          accountId: 'evented',
        });
        expect(outbox.map((record) => record.event.type)).toEqual([
          'pool.added',
          'pool.updated',
          'pool.removed',
          'account.updated',
        ]);
      });

      it('adds a pool, changes its price, bounds and term, and removes it while unused', async () => {
        await admin.createAccount(accountInput('pools'));
        const added = await admin.addPool('pools', {
          id: 'add-on',
          name: 'Add-on',
          term: 'add-on',
          purchased: 2,
          unitPrice: 1_000,
        });
        expect(added.pools.map((pool) => pool.id)).toEqual(['users', 'add-on']);
        const changed = await admin.updatePool('pools', 'add-on', {
          unitPrice: 1_500,
          min: 1,
          max: 10,
          term: 'monthly',
          name: 'Extra',
        });
        expect(changed.pools[1]).toMatchObject({
          id: 'add-on',
          name: 'Extra',
          term: 'monthly',
          unitPrice: 1_500,
          min: 1,
          max: 10,
        });
        const unbounded = await admin.updatePool('pools', 'add-on', { max: null });
        expect(unbounded.pools[1]?.max).toBeUndefined();
        const removed = await admin.removePool('pools', 'add-on');
        expect(removed.pools.map((pool) => pool.id)).toEqual(['users']);
      });

      it('refuses a duplicate pool, bounds below the purchased licences, an unknown pool and removing a pool in use', async () => {
        await admin.createAccount(accountInput('pools-refused'));
        await admin.upsertMember('pools-refused', user(1));
        const before = await admin.getAccount('pools-refused');
        expect(
          await refusal(
            admin.addPool('pools-refused', {
              id: 'users',
              name: 'Again',
              term: 'monthly',
              purchased: 1,
              unitPrice: 1,
            }),
          ),
        ).toMatchObject({ field: 'id', code: 'duplicate' });
        expect(await refusal(admin.updatePool('pools-refused', 'users', { max: 2 }))).toMatchObject(
          { field: 'max', code: 'below_purchased' },
        );
        expect(
          await refusal(admin.updatePool('pools-refused', 'ghost', { unitPrice: 1 })),
        ).toMatchObject({ code: 'pool_not_found' });
        const inUse = await refusal(admin.removePool('pools-refused', 'users'));
        expect(inUse).toBeInstanceOf(SeatsAdminError);
        expect(inUse).toMatchObject({ code: 'pool_in_use' });
        expect(await admin.getAccount('pools-refused')).toEqual(before);
      });

      it('sets the purchased quantity after a sales deal, in the history with who and why', async () => {
        await admin.createAccount(accountInput('deal'));
        events.length = 0;
        const { change, account } = await admin.setPurchased('deal', 'users', {
          purchased: 25,
          actor: 'sales: jane@vendor.example',
          reason: 'Deal #4411, 25 seats from June',
        });
        expect(account.pools[0]?.purchased).toBe(25);
        expect(change).toMatchObject({
          status: 'applied',
          poolId: 'users',
          actor: { memberId: null, role: 'sales: jane@vendor.example' },
          charged: null,
          plan: { kind: 'increase', from: 3, to: 25, added: 22, dueNow: { amount: 0 } },
        });
        const [stored] = await database.store.listChanges('deal', { limit: 10 });
        expect(stored).toMatchObject({ id: change?.id, reason: 'Deal #4411, 25 seats from June' });
        expect(events.map((event) => event.type)).toEqual(['allowance.increased']);

        const again = await admin.setPurchased('deal', 'users', {
          purchased: 25,
          actor: 'sales',
          reason: 'retry',
        });
        expect(again.change).toBeNull();
        expect(await database.store.listChanges('deal', { limit: 10 })).toHaveLength(1);
      });

      it('refuses a purchased quantity below the licences in use', async () => {
        await admin.createAccount(accountInput('deal-refused'));
        await admin.upsertMember('deal-refused', user(1));
        await admin.upsertMember('deal-refused', user(2));
        const error = await refusal(
          admin.setPurchased('deal-refused', 'users', {
            purchased: 1,
            actor: 'sales',
            reason: 'downgrade',
          }),
        );
        expect(error).toBeInstanceOf(SeatsAdminError);
        expect(error).toMatchObject({
          code: 'plan_invalid',
          issues: [{ field: 'purchased', code: 'below-assigned', limit: 2 }],
        });
        expect((await admin.getAccount('deal-refused'))?.pools[0]?.purchased).toBe(3);
        expect(await database.store.listChanges('deal-refused', { limit: 10 })).toEqual([]);
        expect(
          await refusal(
            admin.setPurchased('deal-refused', 'users', { purchased: 5, actor: '', reason: 'x' }),
          ),
        ).toMatchObject({ field: 'actor' });
      });
    });

    describe('members', () => {
      it("upserts by the host's own id and by externalId: created, updated, unchanged", async () => {
        await admin.createAccount(accountInput('upsert'));
        const byId = await admin.upsertMember('upsert', {
          id: 'u_42',
          name: 'Ada',
          email: 'ada@host.example',
          status: 'active',
          role: 'admin',
        });
        expect(byId).toMatchObject({
          outcome: 'created',
          member: { id: 'u_42', externalId: null, poolId: 'users', consumes: true },
        });
        const byExternal = await admin.upsertMember('upsert', user(7));
        expect(byExternal.outcome).toBe('created');
        expect(byExternal.member.id).toMatch(/^mem_/);
        expect(byExternal.member.externalId).toBe('host-7');

        expect(await admin.upsertMember('upsert', user(7))).toMatchObject({ outcome: 'unchanged' });
        const updated = await admin.upsertMember('upsert', user(7, { status: 'inactive' }));
        expect(updated).toMatchObject({
          outcome: 'updated',
          member: { id: byExternal.member.id, status: 'inactive', consumes: false },
        });
        expect((await admin.getAccount('upsert'))?.usedByPool).toEqual({ users: 1 });
        expect(await admin.getMember('upsert', { id: 'u_42' })).toMatchObject({ name: 'Ada' });
        expect(await admin.removeMember('upsert', { externalId: 'host-7' })).toBe(true);
        expect(await admin.removeMember('upsert', { externalId: 'host-7' })).toBe(false);
        expect(await admin.getMember('upsert', { externalId: 'host-7' })).toBeNull();
      });

      it.each([
        ['an unknown role', { role: 'wizard' }, 'role', 'unknown-role'],
        ['an unknown status', { status: 'sleeping' }, 'status', 'unknown-status'],
        ['an unknown pool', { poolId: 'ghost' }, 'poolId', 'unknown-pool'],
        ['a malformed email', { email: 'not-an-email' }, 'email', 'invalid_format'],
        ['no key', { externalId: undefined }, 'id', 'required'],
      ])('refuses %s, naming the field, and writes nothing', async (_, extra, field, code) => {
        const account = `member-refused-${field}-${code}`;
        await admin.createAccount(accountInput(account));
        const error = await refusal(admin.upsertMember(account, user(1, extra)));
        expect(error).toBeInstanceOf(AdminInputError);
        expect(error).toMatchObject({ field, code });
        expect(await database.rows('seats_members', account)).toBe(0);
      });

      it('attaches an externalId to a member that has none, found by its id or its email', async () => {
        await admin.createAccount(accountInput('attach'));
        // Members added in the widgets, before the host synced: kit ids, no externalId.
        const byId = await admin.upsertMember('attach', {
          id: 'mem_widget_1',
          name: 'Ada',
          email: 'ada@host.example',
          status: 'active',
          role: 'member',
        });
        await admin.upsertMember('attach', {
          id: 'mem_widget_2',
          name: 'Bo',
          email: 'bo@host.example',
          status: 'active',
          role: 'member',
        });

        const attached = await admin.upsertMember('attach', {
          id: byId.member.id,
          externalId: 'host-ada',
          name: 'Ada',
          email: 'ada@host.example',
          status: 'active',
          role: 'member',
        });
        expect(attached).toMatchObject({
          outcome: 'updated',
          member: { id: 'mem_widget_1', externalId: 'host-ada' },
        });
        const byEmail = await admin.upsertMember('attach', {
          externalId: 'host-bo',
          name: 'Bo',
          email: 'BO@host.example',
          status: 'active',
          role: 'member',
        });
        expect(byEmail).toMatchObject({
          outcome: 'updated',
          member: { id: 'mem_widget_2', externalId: 'host-bo' },
        });
        expect(await admin.getMember('attach', { externalId: 'host-bo' })).toMatchObject({
          id: 'mem_widget_2',
        });
        expect(await database.rows('seats_members', 'attach')).toBe(2);
        expect((await admin.getAccount('attach'))?.usedByPool).toEqual({ users: 2 });

        const taken = await refusal(
          admin.upsertMember('attach', {
            id: 'mem_widget_3',
            externalId: 'host-ada',
            name: 'Cy',
            email: 'cy@host.example',
            status: 'active',
            role: 'member',
          }),
        );
        expect(taken).toBeInstanceOf(AdminInputError);
        expect(taken).toMatchObject({ field: 'externalId', code: 'duplicate' });
        const changed = await refusal(
          admin.upsertMember('attach', {
            id: 'mem_widget_1',
            externalId: 'host-other',
            name: 'Ada',
            email: 'ada@host.example',
            status: 'active',
            role: 'member',
          }),
        );
        expect(changed).toMatchObject({ field: 'externalId', code: 'immutable' });
        expect(await database.rows('seats_members', 'attach')).toBe(2);
        expect(await admin.getMember('attach', { externalId: 'host-ada' })).toMatchObject({
          id: 'mem_widget_1',
        });
      });

      it('refuses a second member with the same email, whatever its case', async () => {
        await admin.createAccount(accountInput('duplicate-email'));
        await admin.upsertMember('duplicate-email', user(1));
        const error = await refusal(
          admin.upsertMember('duplicate-email', user(2, { email: 'USER.1@Host.Example' })),
        );
        expect(error).toBeInstanceOf(AdminInputError);
        expect(error).toMatchObject({ field: 'email', code: 'duplicate' });
        expect(await database.rows('seats_members', 'duplicate-email')).toBe(1);
      });

      it('refuses a member that needs a licence when none is free, with the reason', async () => {
        await admin.createAccount(accountInput('full'));
        for (const number of [1, 2, 3]) await admin.upsertMember('full', user(number));
        const error = await refusal(admin.upsertMember('full', user(4)));
        expect(error).toBeInstanceOf(SeatsAdminError);
        expect(error).toMatchObject({
          code: 'no_licence_available',
          decision: { outcome: 'needs-licence', poolId: 'users', purchased: 3, used: 3 },
        });
        expect(await database.rows('seats_members', 'full')).toBe(3);
        // One that consumes no licence is still welcome.
        expect((await admin.upsertMember('full', user(4, { status: 'inactive' }))).outcome).toBe(
          'created',
        );
      });

      it('never oversubscribes when upserts race for the last licences', async () => {
        await admin.createAccount(accountInput('race'));
        const outcomes = await Promise.allSettled(
          [1, 2, 3, 4, 5, 6].map((number) => admin.upsertMember('race', user(number))),
        );
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(3);
        expect((await admin.getAccount('race'))?.usedByPool).toEqual({ users: 3 });
      });
    });

    it('never oversubscribes when a reconcile races the widgets for the last licences', async () => {
      await admin.createAccount(accountInput('sync-race'));
      const seats = createSeatsHandler({
        store: database.store,
        billing: createDevBilling(),
        clock: () => now,
        recoverOnStart: false,
        identify: () => ({ accountId: 'sync-race', memberId: null, role: 'owner' }),
      });
      const fromWidget = (number: number) =>
        seats(
          new Request('http://host.test/v1/members', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              name: `Widget ${number}`,
              email: `widget.${number}@host.example`,
              status: 'active',
              role: 'member',
            }),
          }),
        );
      const [result, ...answers] = await Promise.all([
        admin.reconcile(
          'sync-race',
          [1, 2, 3, 4].map((number) => user(number)),
          { missing: 'keep' },
        ),
        fromWidget(1),
        fromWidget(2),
        fromWidget(3),
      ]);
      const widgetsAdded = answers.filter((answer) => answer.status === 201).length;
      expect(result.created.length + widgetsAdded).toBe(3);
      expect(result.created.length + result.refused.length).toBe(4);
      expect((await admin.getAccount('sync-race'))?.usedByPool).toEqual({ users: 3 });
    });

    describe('reconcile', () => {
      it('creates, updates and deactivates, and a second run is an empty diff', async () => {
        await admin.createAccount(
          accountInput('sync', {
            pools: [{ id: 'users', name: 'U', term: 'monthly', purchased: 5, unitPrice: 1 }],
          }),
        );
        await admin.upsertMember('sync', user(1));
        await admin.upsertMember('sync', user(2));
        await admin.upsertMember('sync', user(3, { status: 'inactive' }));
        const users = [user(1, { name: 'Renamed 1' }), user(4), user(5, { role: 'admin' })];

        const first = await admin.reconcile('sync', users);
        expect(first).toMatchObject({ dryRun: false, refused: [], deleted: [], unchanged: 0 });
        expect(first.created.map((entry) => entry.externalId)).toEqual(['host-4', 'host-5']);
        expect(first.updated).toEqual([
          expect.objectContaining({ externalId: 'host-1', fields: ['name'] }),
        ]);
        // host-3 is inactive already: only the consuming member missing from the list changes.
        expect(first.deactivated).toEqual([
          expect.objectContaining({ externalId: 'host-2', fields: ['status'] }),
        ]);
        expect((await admin.getAccount('sync'))?.usedByPool).toEqual({ users: 3 });

        const second = await admin.reconcile('sync', users);
        expect(second).toEqual({
          dryRun: false,
          created: [],
          updated: [],
          deactivated: [],
          deleted: [],
          refused: [],
          unchanged: 3,
        });
      });

      it('refuses an empty list that would delete every member', async () => {
        await admin.createAccount(accountInput('empty-delete'));
        await admin.upsertMember('empty-delete', user(1));
        const error = await refusal(admin.reconcile('empty-delete', [], { missing: 'delete' }));
        expect(error).toBeInstanceOf(AdminInputError);
        expect((error as AdminInputError).errors).toEqual([
          expect.objectContaining({ field: 'users', code: 'empty' }),
        ]);
        expect((await admin.getAccount('empty-delete'))?.usedByPool).toEqual({ users: 1 });
      });

      it('a dry run answers the same diff and changes nothing', async () => {
        await admin.createAccount(accountInput('dry'));
        await admin.upsertMember('dry', user(1));
        const users = [user(2), user(3, { name: 'Three' })];
        const before = await admin.getAccount('dry');
        const members = await database.store.listMembers('dry', { limit: 50 });

        const dry = await admin.reconcile('dry', users, { dryRun: true });
        expect(dry.dryRun).toBe(true);
        expect(dry.created.map((entry) => entry.externalId)).toEqual(['host-2', 'host-3']);
        expect(dry.created.map((entry) => entry.memberId)).toEqual([null, null]);
        expect(dry.deactivated.map((entry) => entry.externalId)).toEqual(['host-1']);
        expect(await admin.getAccount('dry')).toEqual(before);
        expect(await database.store.listMembers('dry', { limit: 50 })).toEqual(members);

        const real = await admin.reconcile('dry', users);
        const strip = (result: typeof real) => ({
          ...result,
          dryRun: undefined,
          created: result.created.map(({ memberId: _, ...rest }) => rest),
        });
        expect(strip(real)).toEqual(strip(dry));
      });

      it('refuses the users no licence is left for, with the reason, and writes the others', async () => {
        await admin.createAccount(accountInput('sync-full'));
        for (const number of [1, 2, 3]) await admin.upsertMember('sync-full', user(number));
        const result = await admin.reconcile('sync-full', [
          user(1),
          user(2),
          user(3),
          user(4),
          user(5, { status: 'inactive' }),
        ]);
        expect(result.created.map((entry) => entry.externalId)).toEqual(['host-5']);
        expect(result.refused).toEqual([
          {
            memberId: null,
            externalId: 'host-4',
            email: 'user.4@host.example',
            code: 'no_licence_available',
            poolId: 'users',
            purchased: 3,
            used: 3,
            message: expect.stringContaining('3 of 3'),
          },
        ]);
        expect(await database.rows('seats_members', 'sync-full')).toBe(4);
        expect((await admin.getAccount('sync-full'))?.usedByPool).toEqual({ users: 3 });
      });

      it('frees licences before claiming any, so a full account can swap its users', async () => {
        await admin.createAccount(accountInput('swap'));
        for (const number of [1, 2, 3]) await admin.upsertMember('swap', user(number));
        // The new users come first in the list; the missing ones are deactivated first anyway.
        const result = await admin.reconcile('swap', [user(4), user(5), user(1)]);
        expect(result.refused).toEqual([]);
        expect(result.created.map((entry) => entry.externalId)).toEqual(['host-4', 'host-5']);
        expect(result.deactivated.map((entry) => entry.externalId)).toEqual(['host-2', 'host-3']);
        expect((await admin.getAccount('swap'))?.usedByPool).toEqual({ users: 3 });
      });

      it('deletes the missing members when asked, and keeps them when asked', async () => {
        await admin.createAccount(accountInput('sync-delete'));
        await admin.upsertMember('sync-delete', user(1));
        await admin.upsertMember('sync-delete', user(2));
        const kept = await admin.reconcile('sync-delete', [user(1)], { missing: 'keep' });
        expect(kept.deactivated).toEqual([]);
        const deleted = await admin.reconcile('sync-delete', [user(1)], { missing: 'delete' });
        expect(deleted.deleted.map((entry) => entry.externalId)).toEqual(['host-2']);
        expect(await database.rows('seats_members', 'sync-delete')).toBe(1);
      });

      it('a run that fails part-way changes nothing, and the next run does it whole', async () => {
        await admin.createAccount(
          accountInput('sync-atomic', {
            pools: [{ id: 'users', name: 'U', term: 'monthly', purchased: 5, unitPrice: 1 }],
          }),
        );
        await admin.upsertMember('sync-atomic', user(1));
        await admin.upsertMember('sync-atomic', user(2));
        const members = await database.store.listMembers('sync-atomic', { limit: 50 });
        const account = await admin.getAccount('sync-atomic');
        const eventsBefore = events.length;
        // The database fails on the run's third write, two having been written before it.
        let writes = 0;
        const failing: SeatsStore = {
          ...database.store,
          transaction: (work) =>
            database.store.transaction((tx) => {
              writes = 0;
              const failThird =
                <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
                async (...args: A) => {
                  writes++;
                  if (writes === 3) throw new Error('connection lost');
                  return write(...args);
                };
              return work({
                ...tx,
                createMember: failThird(tx.createMember),
                updateMember: failThird(tx.updateMember),
              });
            }),
        };
        const failingAdmin = createSeatsAdmin({
          store: failing,
          clock: () => now,
          onEvent: (event) => events.push(event),
        });
        const users = [user(1, { name: 'Renamed' }), user(3), user(4)];

        await expect(failingAdmin.reconcile('sync-atomic', users)).rejects.toThrow(
          'connection lost',
        );
        expect(writes).toBe(3);
        expect(await database.store.listMembers('sync-atomic', { limit: 50 })).toEqual(members);
        expect(await admin.getAccount('sync-atomic')).toEqual(account);
        expect(events.length).toBe(eventsBefore);

        const result = await admin.reconcile('sync-atomic', users);
        expect(result.created.map((entry) => entry.externalId)).toEqual(['host-3', 'host-4']);
        expect(result.updated.map((entry) => entry.externalId)).toEqual(['host-1']);
        expect(result.deactivated.map((entry) => entry.externalId)).toEqual(['host-2']);
        expect((await admin.reconcile('sync-atomic', users)).unchanged).toBe(3);
      });

      it('attaches the externalId to a member without one that has the user email', async () => {
        await admin.createAccount(accountInput('sync-adopt'));
        await admin.upsertMember('sync-adopt', {
          id: 'mem_widget',
          name: 'Ada',
          email: 'user.1@host.example',
          status: 'active',
          role: 'member',
        });
        const result = await admin.reconcile('sync-adopt', [user(1), user(2)]);
        expect(result.updated).toEqual([
          expect.objectContaining({ memberId: 'mem_widget', externalId: 'host-1' }),
        ]);
        expect(result.created.map((entry) => entry.externalId)).toEqual(['host-2']);
        expect(await admin.getMember('sync-adopt', { externalId: 'host-1' })).toMatchObject({
          id: 'mem_widget',
          name: 'User 1',
        });
        expect((await admin.reconcile('sync-adopt', [user(1), user(2)])).unchanged).toBe(2);
      });

      it('refuses a list with an invalid user, naming each, and writes nothing', async () => {
        await admin.createAccount(accountInput('sync-invalid'));
        await admin.upsertMember('sync-invalid', user(1));
        const error = await refusal(
          admin.reconcile('sync-invalid', [
            user(2),
            user(3, { role: 'wizard' }),
            user(4, { email: 'USER.2@host.example' }),
            user(5, { poolId: 'ghost' }),
          ]),
        );
        expect(error).toBeInstanceOf(AdminInputError);
        expect((error as AdminInputError).errors.map((issue) => [issue.field, issue.code])).toEqual(
          [
            ['users.1.role', 'unknown-role'],
            ['users.2.email', 'duplicate'],
            ['users.3.poolId', 'unknown-pool'],
          ],
        );
        expect(await database.rows('seats_members', 'sync-invalid')).toBe(1);
        expect((await admin.getMember('sync-invalid', { externalId: 'host-1' }))?.status).toBe(
          'active',
        );
      });
    });

    it('deleting an account erases its members, quotes, changes and keys, and nothing else', async () => {
      await admin.createAccount(accountInput('erase'));
      await admin.createAccount(accountInput('neighbour'));
      await admin.upsertMember('erase', user(1, { role: 'owner' }));
      await admin.upsertMember('neighbour', user(1, { role: 'owner' }));
      await admin.setPurchased('erase', 'users', { purchased: 4, actor: 'sales', reason: 'deal' });
      const seats = createSeatsHandler({
        store: database.store,
        billing: createDevBilling(),
        clock: () => now,
        recoverOnStart: false,
        identify: () => ({ accountId: 'erase', memberId: null, role: 'owner' }),
      });
      const send = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        seats(
          new Request(`http://host.test/v1${path}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...headers },
            body: JSON.stringify(body),
          }),
        );
      const quote = (await (await send('/quotes', { poolId: 'users', delta: 1 })).json()) as Quote;
      expect(
        (await send('/changes', { quoteId: quote.id }, { 'idempotency-key': 'k1' })).status,
      ).toBe(201);

      const tables = [
        'seats_accounts',
        'seats_pools',
        'seats_members',
        'seats_quotes',
        'seats_changes',
        'seats_idempotency_keys',
      ];
      for (const table of tables)
        expect(await database.rows(table, 'erase'), table).toBeGreaterThan(0);

      expect(await admin.deleteAccount('erase')).toBe(true);
      for (const table of [...tables, 'seats_password_failures', 'seats_signature_tokens'])
        expect(await database.rows(table, 'erase'), table).toBe(0);
      expect(await admin.getAccount('erase')).toBeNull();
      expect(await admin.deleteAccount('erase')).toBe(false);
      expect(await database.rows('seats_members', 'neighbour')).toBe(1);
      expect(await admin.getAccount('neighbour')).not.toBeNull();
    });

    it('the member route refuses a duplicate email with 409 naming the field', async () => {
      await admin.createAccount(accountInput('route-duplicate'));
      await admin.upsertMember('route-duplicate', user(1, { role: 'owner' }));
      const seats = createSeatsHandler({
        store: database.store,
        billing: createDevBilling(),
        clock: () => now,
        recoverOnStart: false,
        identify: () => ({ accountId: 'route-duplicate', memberId: null, role: 'owner' }),
      });
      const response = await seats(
        new Request('http://host.test/v1/members', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            name: 'Again',
            email: 'User.1@host.example',
            status: 'inactive',
            role: 'member',
          }),
        }),
      );
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({
        code: 'conflict',
        errors: [{ field: 'email', code: 'duplicate' }],
      });
    });
  });
}

describe('migration 009', () => {
  it('names the emails two members of an account share instead of failing on the unique index', async () => {
    const db = await PGlite.create();
    const executor = pgliteExecutor(db, { owned: true });
    await applyMigrations(
      executor,
      migrations.filter((migration) => migration.version < 9),
    );
    await db.exec(`
      INSERT INTO seats_accounts (id, name, plan, currency, period_start, period_end, contract, policy)
      VALUES ('old', 'Old', 'P', 'EUR', now(), now() + interval '1 month', '{}', '{}');
      INSERT INTO seats_members (id, account_id, name, email, status, role, consumes, created_at, updated_at)
      VALUES ('a', 'old', 'A', 'Same@example.com', 'active', 'member', false, now(), now()),
             ('b', 'old', 'B', 'same@example.com', 'active', 'member', false, now(), now());
    `);
    await expect(applyMigrations(executor)).rejects.toThrow(
      /1 emails belong to more than one member/,
    );
    await db.exec(`UPDATE seats_members SET email = 'other@example.com' WHERE id = 'b'`);
    expect(await applyMigrations(executor)).toContain(9);
    await executor.close();
  });
});
