import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevBilling, createSeatsHandler, type SeatsStore } from './index';
import { createPgliteStore } from './pglite';
import { testAccount } from './test-account';

const now = new Date('2026-06-15T00:00:00.000Z');
let store: SeatsStore;

beforeAll(async () => {
  store = await createPgliteStore();
  await store.createAccount(testAccount('acme'));
});

afterAll(async () => {
  await store?.close();
});

/** The store, with member pages that take a while and a count of those in flight. */
function slowPages(inner: SeatsStore) {
  const pages = { inFlight: 0, most: 0, done: 0 };
  const slow: SeatsStore = {
    ...inner,
    async listMembers(accountId, filter) {
      pages.inFlight++;
      pages.most = Math.max(pages.most, pages.inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, 30));
        return await inner.listMembers(accountId, filter);
      } finally {
        pages.inFlight--;
        pages.done++;
      }
    },
  };
  return { slow, pages };
}

function handlerOn(target: SeatsStore, listConcurrency?: number) {
  return createSeatsHandler({
    store: target,
    billing: createDevBilling(),
    clock: () => now,
    identify: () => ({ accountId: 'acme', memberId: null, role: 'owner' }),
    ...(listConcurrency === undefined ? {} : { listConcurrency }),
  });
}

describe('listConcurrency', () => {
  it('builds that many pages at once, answers every one, and keeps the summary out of their queue', async () => {
    const { slow, pages } = slowPages(store);
    const handle = handlerOn(slow, 2);
    const listed = Array.from({ length: 10 }, () =>
      handle(new Request('http://host.test/v1/members?limit=50')),
    );
    const summary = await handle(new Request('http://host.test/v1/summary'));
    expect(summary.status).toBe(200);
    expect(pages.done).toBeLessThan(10);

    const answers = await Promise.all(listed);
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(pages.most).toBe(2);
  });

  it('builds three at once by default', async () => {
    const { slow, pages } = slowPages(store);
    const handle = handlerOn(slow);
    await Promise.all(
      Array.from({ length: 8 }, () => handle(new Request('http://host.test/v1/members'))),
    );
    expect(pages.most).toBe(3);
  });

  it('refuses a limit that is not a whole number of at least 1', () => {
    for (const bad of [0, -1, 1.5, Number.NaN])
      expect(() => handlerOn(store, bad)).toThrow(/listConcurrency must be a whole number/);
  });
});
