import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemoAccounts } from './demo';
import {
  BillingRequiredError,
  createDevBilling,
  createSeatsHandler,
  createSeatsJobs,
  lazyStore,
  type SeatsStore,
} from './index';
import { createPgliteStore } from './pglite';

let store: SeatsStore;
const environment = process.env.NODE_ENV;

beforeAll(async () => {
  store = await createPgliteStore();
  await seedDemoAccounts(store);
});
afterAll(() => store.close());
afterEach(() => {
  process.env.NODE_ENV = environment;
});

const identify = () => ({ accountId: 'delta-upgrade-at-limit', memberId: null, role: 'owner' });

describe('billing provider at start-up', () => {
  it('refuses every request without a provider in production, naming what to pass', async () => {
    process.env.NODE_ENV = 'production';
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let opened = 0;
    const lazy = lazyStore(async () => {
      opened++;
      return store;
    });
    try {
      // Created without throwing, as a build that imports the module creates it.
      const handle = createSeatsHandler({ store: lazy, identify });
      expect(errors).not.toHaveBeenCalled();
      for (const path of ['/v1/health', '/v1/summary', '/v1/nowhere']) {
        const response = await handle(new Request(`http://host.test${path}`));
        expect(response.status).toBe(500);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(response.headers.get('x-seats-billing')).toBeNull();
        const problem = await response.json();
        expect(problem).toMatchObject({ code: 'billing_required', instance: path });
        expect(problem.requestId).toBe(response.headers.get('x-request-id'));
      }
      expect(errors).toHaveBeenCalledOnce();
      expect(String(errors.mock.calls[0]?.[0])).toMatch(
        /BillingRequiredError: createSeatsHandler: pass a `billing` provider/,
      );
      expect(opened).toBe(0);
    } finally {
      errors.mockRestore();
    }
    expect(() => createSeatsJobs({ store })).toThrow(BillingRequiredError);
    expect(() => createSeatsJobs({ store })).toThrow(/pass a `billing` provider/);
    const billed = createSeatsHandler({
      store,
      identify,
      billing: createDevBilling(),
      recoverOnStart: false,
    });
    expect((await billed(new Request('http://host.test/v1/health'))).status).toBe(200);
  });

  it('says on every response that the development provider takes no money', async () => {
    process.env.NODE_ENV = 'development';
    const handle = createSeatsHandler({ store, identify, recoverOnStart: false });
    for (const path of ['/v1/summary', '/v1/nowhere', '/v1/health']) {
      const response = await handle(new Request(`http://host.test${path}`));
      expect(response.headers.get('x-seats-billing')).toBe('development');
    }
    const real = createSeatsHandler({
      store,
      identify,
      recoverOnStart: false,
      billing: {
        charge: async () => ({ status: 'succeeded', reference: 'ch_1' }),
        credit: async () => ({ status: 'succeeded', reference: 'cr_1' }),
      },
    });
    expect(
      (await real(new Request('http://host.test/v1/summary'))).headers.has('x-seats-billing'),
    ).toBe(false);
  });
});
