import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoIdentify, seedDemoAccounts } from './demo';
import {
  createDevBilling,
  createSeatsHandler,
  createSeatsJobs,
  lazyStore,
  type SeatsStore,
} from './index';
import { createPgliteStore } from './pglite';

const root = mkdtempSync(join(tmpdir(), 'seats-lazy-'));

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('lazyStore', () => {
  it('opens no database until the first request, then once for every request', async () => {
    const dataDir = join(root, 'first-request');
    let opened = 0;
    const store = lazyStore(async () => {
      opened += 1;
      const inner = await createPgliteStore({ dataDir });
      await seedDemoAccounts(inner);
      return inner;
    });
    // What a module does at its top level, e.g. while `next build` imports a route.
    const handle = createSeatsHandler({
      store,
      identify: demoIdentify,
      billing: createDevBilling(),
    });
    expect(opened).toBe(0);
    expect(existsSync(dataDir)).toBe(false);

    const responses = await Promise.all(
      [1, 2, 3].map(() => handle(new Request('http://seats.test/v1/summary'))),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(opened).toBe(1);
    expect(existsSync(dataDir)).toBe(true);
    expect(store.driver).toBe('pglite');

    // The outbox is forwarded too: the events of a write reach a subscriber.
    const member = await handle(
      new Request('http://seats.test/v1/members', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-seats-account': 'total-with-terms-no-self-decrease',
        },
        body: JSON.stringify({
          name: 'Lazy Member',
          email: 'lazy@example.com',
          status: 'Active',
          role: 'Standard User',
          poolId: 'users',
        }),
      }),
    );
    expect(member.status).toBe(201);
    const seen: string[] = [];
    const jobs = createSeatsJobs({
      store,
      billing: createDevBilling(),
      deliveries: { subscribers: [{ id: 'log', onEvent: (event) => void seen.push(event.type) }] },
    });
    const report = await jobs.deliver();
    expect(report.delivered).toBeGreaterThan(0);
    expect(seen.length).toBe(report.delivered);
    await store.close();
  });

  it('fails the calls waiting on a failed opening, and tries again on the next', async () => {
    let attempts = 0;
    const store = lazyStore(async (): Promise<SeatsStore> => {
      attempts += 1;
      if (attempts === 1) throw new Error('the database is not reachable');
      return createPgliteStore();
    });
    expect(() => store.driver).toThrow(/not open yet/);
    await expect(store.ping()).rejects.toThrow('the database is not reachable');
    await expect(store.ping()).resolves.toBeUndefined();
    expect(attempts).toBe(2);
    await store.close();
  });
});
