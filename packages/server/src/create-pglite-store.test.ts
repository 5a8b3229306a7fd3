import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
});
