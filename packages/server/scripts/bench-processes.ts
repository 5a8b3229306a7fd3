/**
 * Throughput as handler processes are added on one PostgreSQL database: 1, 2 and 4 processes,
 * each with its own pool, adding members (claims) and reading summaries across 1,000 accounts.
 * Needs SEATS_TEST_DATABASE_URL; prints numbers, asserts nothing. SEATS_BENCH_SECONDS sets how
 * long each step runs.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPostgresStore } from '../src/postgres';
import { createPostgresTestSchema, testDatabaseUrl } from '../src/postgres-test-schema';
import { benchHandler, benchPolicy, full, get, table } from './bench-support';

const accounts = 1_000;
const seconds = Number(process.env.SEATS_BENCH_SECONDS ?? (full ? 10 : 3));
const inFlight = 16;

interface Counts {
  claims: number;
  summaries: number;
}

async function child(schema: string): Promise<Counts> {
  const pool = new pg.Pool({
    connectionString: testDatabaseUrl,
    max: 8,
    options: `-c search_path=${schema}`,
  });
  const handle = benchHandler(await createPostgresStore({ pool }));
  const lines = createInterface({ input: process.stdin });
  console.log('ready');
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  const counts: Counts = { claims: 0, summaries: 0 };
  const until = performance.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < until) {
        const index = next++;
        const account = `acct-${(index * 7919) % accounts}`;
        if (index % 2 === 0) {
          const response = await handle(
            get(account, 'members', {
              method: 'POST',
              body: JSON.stringify({
                name: `User ${process.pid}-${index}`,
                email: `u${process.pid}-${index}@example.com`,
                status: 'active',
                role: 'member',
              }),
            }),
          );
          if (response.status !== 201) throw new Error(`claim answered ${response.status}`);
          counts.claims++;
        } else {
          const response = await handle(get(account, 'summary'));
          if (response.status !== 200) throw new Error(`summary answered ${response.status}`);
          await response.arrayBuffer();
          counts.summaries++;
        }
      }
    }),
  );
  lines.close();
  await pool.end();
  return counts;
}

function start(schema: string) {
  const process_ = spawn(
    process.execPath,
    ['--conditions', '@seats/source', '--import', 'tsx', fileURLToPath(import.meta.url), schema],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: process_.stdout });
  const ready = new Promise<void>((resolve) => lines.once('line', () => resolve()));
  const done = new Promise<Counts>((resolve, reject) => {
    let last = '';
    lines.on('line', (line) => {
      last = line;
    });
    process_.on('exit', (code) => {
      if (code !== 0) reject(new Error(`a bench process exited with ${code}`));
      else resolve(JSON.parse(last) as Counts);
    });
  });
  return { ready, done, go: () => process_.stdin.write('go\n') };
}

const schemaArgument = process.argv[2];
if (schemaArgument !== undefined) {
  console.log(JSON.stringify(await child(schemaArgument)));
} else if (testDatabaseUrl === undefined) {
  console.log('\nprocesses: skipped, set SEATS_TEST_DATABASE_URL to measure them.');
} else {
  const schema = await createPostgresTestSchema(testDatabaseUrl);
  try {
    const pool = schema.pool(2);
    await (await createPostgresStore({ pool })).close();
    await pool.query(
      `INSERT INTO seats_accounts (id, name, plan, currency, period_start, period_end, contract, policy)
       SELECT 'acct-' || n, 'Account ' || n, 'Bench', 'EUR', $1, $2, '{"kind":"self-serve"}', $3
       FROM generate_series(0, $4::integer - 1) AS n`,
      [
        '2026-06-01T00:00:00.000Z',
        '2026-07-01T00:00:00.000Z',
        JSON.stringify(benchPolicy),
        accounts,
      ],
    );
    await pool.query(
      `INSERT INTO seats_pools (account_id, id, position, name, term, purchased, unit_price)
       SELECT id, 'seats', 0, 'Seats', 'monthly', 10000000, 1000 FROM seats_accounts`,
    );
    await pool.query('ANALYZE seats_accounts, seats_pools');
    const rows: (string | number)[][] = [];
    let single = 0;
    for (const processes of [1, 2, 4]) {
      const children = Array.from({ length: processes }, () => start(schema.name));
      await Promise.all(children.map((one) => one.ready));
      for (const one of children) one.go();
      const counts = await Promise.all(children.map((one) => one.done));
      const claims = counts.reduce((sum, one) => sum + one.claims, 0) / seconds;
      const summaries = counts.reduce((sum, one) => sum + one.summaries, 0) / seconds;
      if (processes === 1) single = claims + summaries;
      rows.push([
        processes,
        claims.toFixed(0),
        summaries.toFixed(0),
        ((claims + summaries) / single).toFixed(2),
      ]);
    }
    console.log(
      `\n${accounts.toLocaleString('en')} accounts on PostgreSQL, ${inFlight} requests in flight per process, ${seconds} s each`,
    );
    table(['processes', 'claims/s', 'summaries/s', 'vs 1 process'], rows);
  } finally {
    await schema.drop();
  }
}
