/**
 * Member lists and the summary as accounts grow, on PGlite and on PostgreSQL when
 * SEATS_TEST_DATABASE_URL is set: for each list query at 1,000 / 10,000 / 100,000 members, the
 * latency of one page (p50/p99), walking every page, and pages per second with 15 clients; the
 * summary's latency while they page; the summary's latency and size at 0 / 100 / 5,000 open
 * changes. Prints numbers; asserts nothing. CI runs 1,000 and 10,000 members, SEATS_BENCH_FULL=1
 * adds 100,000; SEATS_BENCH_MEMBERS=1000,50000 picks other sizes.
 */
import {
  type BenchDriver,
  benchDrivers,
  benchHandler,
  benchMembers,
  createBenchAccount,
  full,
  get,
  ms,
  percentile,
  table,
  timed,
} from './bench-support';

const sizes = (process.env.SEATS_BENCH_MEMBERS ?? (full ? '1000,10000,100000' : '1000,10000'))
  .split(',')
  .map((size) => Number(size));
const openChangeCounts = [0, 100, 5_000];
const clients = 15;
const pageSize = 200;

const queries: { name: string; query: string }[] = [
  { name: 'all', query: '' },
  { name: 'status=inactive', query: 'status=inactive' },
  { name: 'role=admin', query: 'role=admin' },
  { name: 'poolId=viewers&consuming=true', query: 'poolId=viewers&consuming=true' },
  { name: 'search=member 4242', query: 'search=member%204242' },
];

type Handle = ReturnType<typeof benchHandler>;

async function page(handle: Handle, account: string, query: string, cursor: string | null) {
  const params = [query, `limit=${pageSize}`, cursor === null ? '' : `cursor=${cursor}`]
    .filter((part) => part !== '')
    .join('&');
  const response = await handle(get(account, `members?${params}`));
  if (response.status !== 200) throw new Error(`members answered ${response.status}`);
  return (await response.json()) as { items: unknown[]; nextCursor: string | null };
}

async function walk(handle: Handle, account: string, query: string) {
  const cursors: (string | null)[] = [null];
  let cursor: string | null = null;
  let members = 0;
  const started = performance.now();
  do {
    const list = await page(handle, account, query, cursor);
    members += list.items.length;
    cursor = list.nextCursor;
    if (cursor !== null) cursors.push(cursor);
  } while (cursor !== null);
  return { ms: performance.now() - started, cursors, members };
}

async function lists(driver: BenchDriver) {
  const handle = benchHandler(driver.store);
  await createBenchAccount(driver.store, 'neighbour', benchMembers('neighbour', 10_000));
  const rows: (string | number)[][] = [];
  const underLoad: (string | number)[][] = [];
  for (const size of sizes) {
    const account = `list-${size}`;
    const loading = await timed(() =>
      createBenchAccount(driver.store, account, benchMembers(account, size)),
    );
    console.log(`  loaded ${size.toLocaleString('en')} members in ${ms(loading)}`);
    for (const { name, query } of queries) {
      const walked = await walk(handle, account, query);
      const samples: number[] = [];
      for (let index = 0; index < 40; index++) {
        const cursor = walked.cursors[(index * 7919) % walked.cursors.length] ?? null;
        samples.push(await timed(() => page(handle, account, query, cursor)));
      }
      rows.push([
        size.toLocaleString('en'),
        name,
        walked.members,
        walked.cursors.length,
        ms(percentile(samples, 50)),
        ms(percentile(samples, 99)),
        ms(walked.ms),
      ]);
    }

    // 15 clients walk the picker's query while one asks for the summary, as widgets would.
    const picker = 'poolId=viewers&consuming=true';
    const { cursors } = await walk(handle, account, picker);
    let running = true;
    let pages = 0;
    const started = performance.now();
    const pagers = Array.from({ length: clients }, async (_, client) => {
      for (let index = client; running; index += clients) {
        await page(handle, account, picker, cursors[index % cursors.length] ?? null);
        pages++;
      }
    });
    const summaries: number[] = [];
    while (performance.now() - started < 3_000) {
      summaries.push(
        await timed(async () => (await handle(get(account, 'summary'))).arrayBuffer()),
      );
    }
    running = false;
    await Promise.all(pagers);
    const seconds = (performance.now() - started) / 1000;
    underLoad.push([
      size.toLocaleString('en'),
      (pages / seconds).toFixed(0),
      ms(percentile(summaries, 50)),
      ms(percentile(summaries, 99)),
    ]);
  }
  console.log(`\nmember pages of ${pageSize}, one client`);
  table(['members', 'query', 'matches', 'pages', 'page p50', 'page p99', 'every page'], rows);
  console.log(`\n${clients} clients paging poolId=viewers&consuming=true, one asking the summary`);
  table(['members', 'pages/s', 'summary p50', 'summary p99'], underLoad);
}

async function openChanges(driver: BenchDriver) {
  const handle = benchHandler(driver.store);
  const rows: (string | number)[][] = [];
  for (const count of openChangeCounts) {
    const account = `open-${count}`;
    await createBenchAccount(driver.store, account, benchMembers(account, 100), 200);
    const quote = await handle(
      get(account, 'quotes', {
        method: 'POST',
        body: JSON.stringify({ poolId: 'seats', delta: -1 }),
      }),
    );
    const { plan } = (await quote.json()) as { plan: unknown };
    await driver.raw(
      `INSERT INTO seats_changes (id, account_id, pool_id, status, plan, actor_role, created_at, effective_at)
       SELECT 'chg-' || $1 || '-' || n, $1, 'seats', 'scheduled', $2::jsonb, 'owner', $3, $4
       FROM generate_series(1, $5::integer) AS n`,
      [
        account,
        JSON.stringify(plan),
        '2026-06-10T00:00:00.000Z',
        '2026-07-01T00:00:00.000Z',
        count,
      ],
    );
    let bytes = 0;
    const samples: number[] = [];
    for (let index = 0; index < 60; index++) {
      samples.push(
        await timed(async () => {
          bytes = (await (await handle(get(account, 'summary'))).arrayBuffer()).byteLength;
        }),
      );
    }
    const pageOfOpen = await timed(async () =>
      (await handle(get(account, 'changes?status=open&limit=50'))).arrayBuffer(),
    );
    rows.push([
      count.toLocaleString('en'),
      `${(bytes / 1024).toFixed(1)} KB`,
      ms(percentile(samples, 50)),
      ms(percentile(samples, 99)),
      ms(pageOfOpen),
    ]);
  }
  console.log('\nthe summary and open changes');
  table(['open changes', 'summary size', 'p50', 'p99', 'changes?status=open page'], rows);
}

for await (const driver of benchDrivers()) {
  console.log(`\n${driver.label}`);
  try {
    await lists(driver);
    await openChanges(driver);
  } finally {
    await driver.close();
  }
}
