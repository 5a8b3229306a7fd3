import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoIdentify, seedDemoAccounts } from './demo';
import { createDevBilling, createSeatsHandler, type SeatsStore } from './index';
import { createPgliteStore } from './pglite';

const root = mkdtempSync(join(tmpdir(), 'seats-pglite-'));

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('createPgliteStore', () => {
  it('creates a dataDir whose parents do not exist yet, as in the README', async () => {
    const dataDir = join(root, '.data', 'seats');
    const store = await createPgliteStore({ dataDir });
    try {
      expect(statSync(dataDir).isDirectory()).toBe(true);
      await store.ping();
    } finally {
      await store.close();
    }
  });

  it('keeps its accounts when a new dataDir is opened again', async () => {
    const dataDir = join(root, 'reopened');
    const summary = (store: SeatsStore) =>
      createSeatsHandler({ store, identify: demoIdentify, billing: createDevBilling() })(
        new Request('http://seats.test/v1/summary'),
      );
    const first = await createPgliteStore({ dataDir });
    try {
      expect((await summary(first)).status).toBe(404);
      await seedDemoAccounts(first);
    } finally {
      await first.close();
    }
    const second = await createPgliteStore({ dataDir });
    try {
      expect((await summary(second)).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
