/**
 * The resident memory (RSS) of a server process on each store: before the store opens, once it is
 * open with no data, its peak while 100,000 members are imported, and after, once pages of them
 * were read. PGlite is measured in memory, on a new dataDir, and on that dataDir reopened (holding
 * the first import, the same number of members imported into a second account). Each measure runs
 * in a process of its own. Prints numbers; asserts nothing.
 * CI imports 20,000 members, SEATS_BENCH_FULL=1 100,000; SEATS_BENCH_MEMORY_MEMBERS picks another size.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { SeatsStore } from '../src/index';
import { createPgliteStore } from '../src/pglite';
import { createPostgresStore } from '../src/postgres';
import { createPostgresTestSchema, testDatabaseUrl } from '../src/postgres-test-schema';
import { benchHandler, benchMembers, createBenchAccount, full, get, table } from './bench-support';

const members = Number(process.env.SEATS_BENCH_MEMORY_MEMBERS ?? (full ? 100_000 : 20_000));
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

interface Sample {
  bare: number;
  open: number;
  peak: number;
  loaded: number;
  paged: number;
}

async function child(driver: string): Promise<Sample> {
  const rss = () => process.memoryUsage().rss;
  const bare = rss();
  let store: SeatsStore;
  let pool: pg.Pool | undefined;
  const account = process.env.SEATS_BENCH_ACCOUNT ?? 'memory';
  if (driver === 'pglite') {
    const dataDir = process.env.SEATS_BENCH_DATA_DIR;
    store = await createPgliteStore(dataDir === undefined ? {} : { dataDir });
  } else {
    const { default: pgModule } = await import('pg');
    pool = new pgModule.Pool({
      connectionString: testDatabaseUrl,
      max: 10,
      options: `-c search_path=${process.env.SEATS_BENCH_SCHEMA}`,
    });
    store = await createPostgresStore({ pool });
  }
  const open = rss();
  let peak = open;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss());
  }, 5);
  await createBenchAccount(store, account, benchMembers(account, members));
  peak = Math.max(peak, rss());
  clearInterval(sampler);
  const loaded = rss();
  const handle = benchHandler(store);
  let cursor: string | null = null;
  for (let index = 0; index < 50; index++) {
    const response = await handle(
      get(account, `members?limit=200${cursor === null ? '' : `&cursor=${cursor}`}`),
    );
    cursor = ((await response.json()) as { nextCursor: string | null }).nextCursor;
  }
  const paged = rss();
  await store.close();
  await pool?.end();
  return { bare, open, peak: Math.max(peak, paged), loaded, paged };
}

function measure(driver: string, env: Record<string, string> = {}): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(
      process.execPath,
      ['--conditions', '@seats/source', '--import', 'tsx', fileURLToPath(import.meta.url), driver],
      { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let output = '';
    process_.stdout.on('data', (chunk) => {
      output += chunk;
    });
    process_.on('error', reject);
    process_.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the ${driver} measure exited with ${code}`));
      else resolve(JSON.parse(output.trim().split('\n').at(-1) as string) as Sample);
    });
  });
}

const driver = process.argv[2];
if (driver === 'pglite' || driver === 'postgres') {
  console.log(JSON.stringify(await child(driver)));
} else {
  const rows: string[][] = [];
  const row = (label: string, sample: Sample) =>
    rows.push([
      label,
      mib(sample.bare),
      mib(sample.open),
      mib(sample.peak),
      mib(sample.loaded),
      mib(sample.paged),
    ]);
  row('PGlite (in memory)', await measure('pglite'));
  const dataDir = mkdtempSync(join(tmpdir(), 'seats-bench-memory-'));
  try {
    row('PGlite (new dataDir)', await measure('pglite', { SEATS_BENCH_DATA_DIR: dataDir }));
    row(
      'PGlite (dataDir reopened)',
      await measure('pglite', { SEATS_BENCH_DATA_DIR: dataDir, SEATS_BENCH_ACCOUNT: 'memory-2' }),
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (testDatabaseUrl === undefined) {
    console.log('\nPostgreSQL skipped: set SEATS_TEST_DATABASE_URL to measure it.');
  } else {
    const schema = await createPostgresTestSchema(testDatabaseUrl);
    try {
      row(
        'PostgreSQL (node-postgres)',
        await measure('postgres', { SEATS_BENCH_SCHEMA: schema.name }),
      );
    } finally {
      await schema.drop();
    }
  }
  console.log(
    `\nserver process RSS, ${members.toLocaleString('en')} members imported in one account`,
  );
  table(
    [
      'store',
      'before the store',
      'open, no data',
      'peak while importing',
      'imported',
      'after 50 pages',
    ],
    rows,
  );
}
