import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from './demo';
import {
  BillingRequiredError,
  createDevBilling,
  createSeatsHandler,
  createSeatsJobs,
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
  it('refuses to start without a provider in production, naming what to pass', () => {
    process.env.NODE_ENV = 'production';
    expect(() => createSeatsHandler({ store, identify })).toThrow(BillingRequiredError);
    expect(() => createSeatsHandler({ store, identify })).toThrow(/pass a `billing` provider/);
    expect(() => createSeatsJobs({ store })).toThrow(BillingRequiredError);
    expect(() =>
      createSeatsHandler({ store, identify, billing: createDevBilling(), recoverOnStart: false }),
    ).not.toThrow();
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
