import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from './demo';
import { createPgliteStore } from './pglite';
import { createPostgresStore, MigrationsPendingError } from './postgres';
import {
  announceSkippedPostgres,
  createPostgresTestSchema,
  testDatabaseUrl,
} from './postgres-test-schema';
import { runSeatsCommand } from './seats-command';

const folder = mkdtempSync(join(tmpdir(), 'seats-command-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function capture() {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    lines,
    errors,
    output: { out: (text: string) => lines.push(text), error: (text: string) => errors.push(text) },
  };
}

describe('seats tick', () => {
  it('refuses to run without a database and a billing provider, with exit code 2', async () => {
    const { errors, output } = capture();
    expect(await runSeatsCommand(['tick'], output, {})).toBe(2);
    expect(errors.join('\n')).toContain('--database-url (or SEATS_DATABASE_URL) or --data-dir');
    expect(errors.join('\n')).toContain('--billing <module>');
  });

  it('rolls the accounts of a PGlite folder and prints what it did', async () => {
    const dataDir = join(folder, 'pglite');
    const store = await createPgliteStore({ dataDir });
    await seedDemoAccounts(store, { now: new Date('2026-03-10T12:00:00.000Z') });
    await store.close();

    const { lines, output } = capture();
    const args = ['tick', '--data-dir', dataDir, '--dev-billing', '--now', '2026-04-01T00:05:00Z'];
    expect(await runSeatsCommand(args, output, {})).toBe(0);
    const printed = lines.join('\n');
    expect(printed).toContain('accounts advanced  7');
    expect(printed).toContain('periods rolled     7');
    expect(printed).toMatch(/period charges {5}6 charged/);
    expect(printed).toContain('development billing: no money was taken');
  });

  it('loads a subscription-quantity provider, which is handed the new periods instead of charging', async () => {
    const dataDir = join(folder, 'pglite-subscription');
    const store = await createPgliteStore({ dataDir });
    await seedDemoAccounts(store, { now: new Date('2026-03-10T12:00:00.000Z') });
    await store.close();
    const module = join(folder, 'subscription-provider.mjs');
    writeFileSync(
      module,
      [
        'export default {',
        "  mode: 'subscription-quantity',",
        '  async preview() { throw new Error("not asked by tick"); },',
        "  async setQuantity(request) { return { status: 'succeeded', reference: request.idempotencyKey }; },",
        '};',
      ].join('\n'),
    );
    const { lines, output } = capture();
    const args = [
      'tick',
      '--data-dir',
      dataDir,
      '--billing',
      module,
      '--now',
      '2026-04-01T00:05:00Z',
    ];
    expect(await runSeatsCommand(args, output, {})).toBe(0);
    const printed = lines.join('\n');
    expect(printed).toContain('periods rolled     7');
    expect(printed).toMatch(/quantities set {5}\d+ \(the provider invoices the new periods\)/);
    expect(printed).toMatch(/period charges {5}0 charged/);
  });

  it('fails with exit code 1 when the billing module exports no provider', async () => {
    const { errors, output } = capture();
    const module = join(folder, 'not-a-provider.mjs');
    writeFileSync(module, 'export default { charge: 1 };\n');
    const code = await runSeatsCommand(
      ['tick', '--data-dir', join(folder, 'other'), '--billing', module],
      output,
      {},
    );
    expect(code).toBe(1);
    expect(errors.join('\n')).toContain('exports no BillingProvider');
  });
});

announceSkippedPostgres('seats migrate');

describe.skipIf(testDatabaseUrl === undefined)('seats migrate', () => {
  it('brings a database to the latest migration, for servers that do not migrate on start', async () => {
    const url = testDatabaseUrl as string;
    const schema = await createPostgresTestSchema(url);
    try {
      const unmigrated = createPostgresStore({ pool: schema.pool(2), migrate: false });
      await expect(unmigrated).rejects.toBeInstanceOf(MigrationsPendingError);
      await expect(unmigrated).rejects.toThrow(/lacks migrations 1, 2, .*seats migrate/);

      const withSchema = new URL(url);
      withSchema.searchParams.set('options', `-c search_path=${schema.name}`);
      const { lines, output } = capture();
      expect(
        await runSeatsCommand(['migrate', '--database-url', withSchema.href], output, {}),
      ).toBe(0);
      expect(lines.join('\n')).toMatch(/The Seats schema is at migration \d+\./);

      const store = await createPostgresStore({ pool: schema.pool(2), migrate: false });
      await seedDemoAccounts(store);
      expect(await store.loadAccount('delta-upgrade-at-limit')).not.toBeNull();
    } finally {
      await schema.drop();
    }
  });
});
