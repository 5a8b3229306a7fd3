import { scheduledRemovalWithRestore } from '@seats/core';
import type { FullSummary, MemberRecord } from '@seats/core/contract';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from './demo';
import {
  createDevBilling,
  createSeatsAdmin,
  createSeatsHandler,
  SeatsAdminError,
  type SeatsEvent,
  type SeatsStore,
} from './index';
import { createPgliteStore } from './pglite';
import { createPostgresStore } from './postgres';
import {
  announceSkippedPostgres,
  createPostgresTestSchema,
  testDatabaseUrl,
} from './postgres-test-schema';

announceSkippedPostgres('the add-on suite (concurrent add-on claims)');

const account = 'scheduled-removal-with-restore';
const now = new Date('2026-03-10T12:00:00.000Z');

const drivers: {
  name: string;
  skip: boolean;
  open: () => Promise<{ store: SeatsStore; dispose: () => Promise<void> }>;
}[] = [
  {
    name: 'PGlite',
    skip: false,
    async open() {
      const store = await createPgliteStore();
      return { store, dispose: () => store.close() };
    },
  },
  {
    name: 'PostgreSQL',
    skip: testDatabaseUrl === undefined,
    async open() {
      const schema = await createPostgresTestSchema(testDatabaseUrl as string);
      const store = await createPostgresStore({ pool: schema.pool(10) });
      return { store, dispose: () => schema.drop() };
    },
  },
];

for (const driver of drivers) {
  describe.skipIf(driver.skip)(`Dialpad add-ons on ${driver.name}`, () => {
    let store: SeatsStore;
    let dispose: () => Promise<void>;
    let events: SeatsEvent[];
    let handle: (request: Request) => Promise<Response>;

    beforeAll(async () => {
      ({ store, dispose } = await driver.open());
    });

    afterAll(async () => {
      await dispose();
    });

    beforeEach(async () => {
      await store.clear();
      await seedDemoAccounts(store, { now });
      events = [];
      handle = createSeatsHandler({
        store,
        billing: createDevBilling(),
        clock: () => now,
        identify: () => ({ accountId: account, memberId: null, role: 'company-admin' }),
        onEvent: (event) => {
          events.push(event);
        },
      });
    });

    async function call(method: string, path: string, body?: unknown) {
      const response = await handle(
        new Request(`http://host.test/v1${path}`, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
      );
      const text = await response.text();
      // biome-ignore lint/suspicious/noExplicitAny: responses are checked field by field
      const json: any = text === '' ? null : JSON.parse(text);
      return { status: response.status, body: json };
    }

    async function used() {
      const summary = (await call('GET', '/summary')).body as FullSummary;
      return Object.fromEntries(summary.usage.pools.map((pool) => [pool.poolId, pool.used]));
    }

    async function members(query: string): Promise<MemberRecord[]> {
      return (await call('GET', `/members?limit=200&${query}`)).body.items;
    }

    /** Active users holding a Dialpad licence and no add-on. */
    async function plainUsers(): Promise<MemberRecord[]> {
      return (await members('poolId=standard&role=user&status=active')).filter(
        (member) => member.poolId === 'standard' && member.addOnIds.length === 0,
      );
    }

    it('a licensed user can also hold the Contact Center add-on, counted in both pools', async () => {
      const agents = (await members('poolId=contact-center')).map((member) => [
        member.poolId,
        member.addOnIds,
      ]);
      expect(agents).toEqual([
        ['standard', ['contact-center']],
        ['standard', ['contact-center']],
      ]);
      expect(await used()).toEqual({ standard: 15, 'contact-center': 2 });

      const [user] = await plainUsers();
      const updated = await call('PATCH', `/members/${user?.id}`, {
        addOnIds: ['contact-center'],
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ poolId: 'standard', addOnIds: ['contact-center'] });
      expect(await used()).toEqual({ standard: 15, 'contact-center': 3 });
      expect(events.map((event) => [event.type, 'poolId' in event && event.poolId])).toEqual([
        ['seat.claimed', 'contact-center'],
      ]);

      const dropped = await call('PATCH', `/members/${user?.id}`, { addOnIds: [] });
      expect(dropped.body.addOnIds).toEqual([]);
      expect(await used()).toEqual({ standard: 15, 'contact-center': 2 });
    });

    it('creates a user with a licence and the add-on, and deleting it frees both', async () => {
      const created = await call('POST', '/members', {
        name: 'Ada Agent',
        email: 'ada@dialpad.example',
        status: 'active',
        role: 'user',
        poolId: 'standard',
        addOnIds: ['contact-center'],
      });
      expect(created.status).toBe(201);
      expect(created.body.addOnIds).toEqual(['contact-center']);
      expect(await used()).toEqual({ standard: 16, 'contact-center': 3 });

      expect((await call('DELETE', `/members/${created.body.id}`)).status).toBe(204);
      expect(await used()).toEqual({ standard: 15, 'contact-center': 2 });
      expect(events.filter((event) => event.type === 'seat.released')).toHaveLength(2);
    });

    it('refuses the add-on when none is free, and changes nothing', async () => {
      const users = await plainUsers();
      for (const user of users.slice(0, 3)) {
        const claimed = await call('PATCH', `/members/${user.id}`, {
          addOnIds: ['contact-center'],
        });
        expect(claimed.status).toBe(200);
      }
      expect(await used()).toEqual({ standard: 15, 'contact-center': 5 });

      const last = users[3] as MemberRecord;
      const refused = await call('PATCH', `/members/${last.id}`, {
        name: 'Renamed',
        addOnIds: ['contact-center'],
      });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        code: 'no_licence_available',
        decision: { outcome: 'needs-licence', poolId: 'contact-center', shortfall: 1 },
      });
      const [unchanged] = await members(`search=${encodeURIComponent(last.email)}`);
      expect(unchanged).toEqual(last);
      expect(await used()).toEqual({ standard: 15, 'contact-center': 5 });

      const createRefused = await call('POST', '/members', {
        name: 'Bo Agent',
        email: 'bo@dialpad.example',
        status: 'active',
        role: 'user',
        poolId: 'standard',
        addOnIds: ['contact-center'],
      });
      expect(createRefused.status).toBe(409);
      expect(await members('search=bo%40dialpad')).toEqual([]);
      expect(await used()).toEqual({ standard: 15, 'contact-center': 5 });
    });

    it('refuses an add-on that is not an add-on pool, or one without a licence', async () => {
      const [user] = await plainUsers();
      const notAddOn = await call('PATCH', `/members/${user?.id}`, { addOnIds: ['standard'] });
      expect(notAddOn.status).toBe(400);
      expect(notAddOn.body.errors).toEqual([
        expect.objectContaining({ field: 'addOnIds', code: 'not-add-on' }),
      ]);
      const withoutBase = await call('PATCH', `/members/${user?.id}`, {
        poolId: null,
        addOnIds: ['contact-center'],
      });
      expect(withoutBase.status).toBe(400);
      expect(withoutBase.body.errors).toEqual([
        expect.objectContaining({ field: 'addOnIds', code: 'needs-base-pool' }),
      ]);
      expect(await used()).toEqual({ standard: 15, 'contact-center': 2 });
    });

    it('recounts the add-ons with their members when the policy changes', async () => {
      const admin = createSeatsAdmin({ store, clock: () => now });
      await admin.updateAccount(account, {
        policy: { ...scheduledRemovalWithRestore, nonConsumingRoles: ['user'] },
      });
      expect(await used()).toEqual({ standard: 3, 'contact-center': 0 });
      await admin.updateAccount(account, { policy: scheduledRemovalWithRestore });
      expect(await used()).toEqual({ standard: 15, 'contact-center': 2 });
    });

    it('a reconcile that deletes the agents frees their add-on licences too', async () => {
      const admin = createSeatsAdmin({ store, clock: () => now });
      const agents = await members('poolId=contact-center');
      const keep = (await members('')).filter((member) => member.addOnIds.length === 0);
      const result = await admin.reconcile(
        account,
        keep.map(({ id, name, email, status, role, poolId }) => ({
          id,
          name,
          email,
          status,
          role,
          poolId,
        })),
        { missing: 'delete' },
      );
      expect(result.deleted.map((entry) => entry.memberId).sort()).toEqual(
        agents.map((agent) => agent.id).sort(),
      );
      expect(await used()).toEqual({ standard: 13, 'contact-center': 0 });
    });

    it('keeps a pool that members hold as an add-on', async () => {
      const admin = createSeatsAdmin({ store, clock: () => now });
      await expect(admin.removePool(account, 'contact-center')).rejects.toSatisfy(
        (error) => error instanceof SeatsAdminError && error.code === 'pool_in_use',
      );
      expect(await used()).toEqual({ standard: 15, 'contact-center': 2 });
    });

    it('concurrent add-on claims for 3 free licences give exactly 3', async () => {
      const users = (await plainUsers()).slice(0, 8);
      expect(users).toHaveLength(8);
      const results = await Promise.all(
        users.map((user) => call('PATCH', `/members/${user.id}`, { addOnIds: ['contact-center'] })),
      );
      const statuses = results.map((result) => result.status).sort();
      expect(statuses).toEqual([200, 200, 200, 409, 409, 409, 409, 409]);
      expect(await used()).toEqual({ standard: 15, 'contact-center': 5 });
      expect(await members('poolId=contact-center')).toHaveLength(5);
    });
  });
}
