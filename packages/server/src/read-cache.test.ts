import { PGlite } from '@electric-sql/pglite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pgliteSettings } from './create-pglite-store';
import { createPgliteStore } from './pglite';
import type { SeatsStore } from './seats-store';
import { testAccount } from './test-account';

const now = '2026-06-15T00:00:00.000Z';
const accountLoad = /FROM seats_accounts WHERE id = \$1$/;

/** A PGlite whose account loads are counted and, while `hold` is set, answered only once it settles. */
function watched(db: PGlite) {
  const watch = { loads: 0, hold: null as Promise<void> | null };
  const proxy = new Proxy(db, {
    get(target, property) {
      if (property !== 'query') {
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (sql: string, params?: unknown[]) => {
        const result = await target.query(sql, params);
        if (accountLoad.test(sql.trim())) {
          watch.loads++;
          if (watch.hold !== null) await watch.hold;
        }
        return result;
      };
    },
  });
  return { db: proxy, watch };
}

async function seed(store: SeatsStore) {
  await store.createAccount(testAccount('acme'));
}

const member = (id: string) => ({
  id,
  name: id,
  email: `${id}@acme.example`,
  status: 'active',
  role: 'member',
  poolId: 'seats',
  consumes: true,
});

describe('an exclusive PGlite store', () => {
  let db: PGlite;
  beforeEach(async () => {
    db = await PGlite.create({ postgresqlconf: pgliteSettings });
  });
  afterEach(async () => {
    await db.close();
  });

  it('answers an account read from memory until its next write, and reads it afresh after', async () => {
    const { db: counted, watch } = watched(db);
    const store = await createPgliteStore({ db: counted, exclusive: true });
    await seed(store);
    expect((await store.loadAccount('acme'))?.usedByPool.seats).toBe(0);
    expect((await store.loadAccount('acme'))?.usedByPool.seats).toBe(0);
    expect(watch.loads).toBe(1);

    const written = await store.createMember('acme', member('ann'), ['seats'], now);
    expect(written.status).toBe('written');
    expect((await store.loadAccount('acme'))?.usedByPool.seats).toBe(1);
    expect(watch.loads).toBe(2);
  });

  it('does not keep a read that a write ended during', async () => {
    const { db: counted, watch } = watched(db);
    const store = await createPgliteStore({ db: counted, exclusive: true });
    await seed(store);
    let release = () => {};
    watch.hold = new Promise((resolve) => {
      release = resolve;
    });
    // Read before the write, answered after it.
    const stale = store.loadAccount('acme');
    await expect.poll(() => watch.loads).toBe(1);
    watch.hold = null;
    await store.createMember('acme', member('ann'), ['seats'], now);
    release();
    expect((await stale)?.usedByPool.seats).toBe(0);

    expect((await store.loadAccount('acme'))?.usedByPool.seats).toBe(1);
    expect(watch.loads).toBe(2);
  });

  it('serves what it keeps frozen, so that no caller can change it for the next', async () => {
    const store = await createPgliteStore({ db, exclusive: true });
    await seed(store);
    const state = await store.loadAccount('acme');
    expect(() => {
      (state?.pools[0] as { purchased: number }).purchased = 99;
    }).toThrow(TypeError);
    expect((await store.loadAccount('acme'))?.pools[0]?.purchased).toBe(10);
  });
});

describe('a PGlite store given a database', () => {
  it('sees what others write to that database, as it keeps nothing by default', async () => {
    const db = await PGlite.create({ postgresqlconf: pgliteSettings });
    try {
      const store = await createPgliteStore({ db });
      await seed(store);
      expect((await store.loadAccount('acme'))?.pools[0]?.purchased).toBe(10);
      await db.query(`UPDATE seats_pools SET purchased = 12 WHERE account_id = 'acme'`);
      expect((await store.loadAccount('acme'))?.pools[0]?.purchased).toBe(12);
    } finally {
      await db.close();
    }
  });
});
