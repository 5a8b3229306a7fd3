import { type ChildProcess, spawn } from 'node:child_process';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { definePolicy } from '@seats/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BillingProvider,
  type BillingRequest,
  type BillingResult,
  createSeatsHandler,
  createSeatsJobs,
  type SeatsStore,
} from './index';
import { createPostgresStore } from './postgres';
import {
  announceSkippedPostgres,
  createPostgresTestSchema,
  testDatabaseUrl,
} from './postgres-test-schema';

announceSkippedPostgres('the commit-kill suite (kill -9 at every step of a purchase)');

/**
 * A purchase is killed with SIGKILL at every step it takes: before and after each of its
 * transactions commits (seen on the wire between the process and PostgreSQL), and before and after
 * the provider takes the money. After recovery, and after the client retries with the same
 * Idempotency-Key, charges and changes match one to one and nothing is charged twice.
 */

const serverScript = fileURLToPath(new URL('../scripts/commit-kill-server.ts', import.meta.url));
const serverRoot = fileURLToPath(new URL('..', import.meta.url));

/** A provider outside the killed process: it takes money at most once per key, as Stripe does. */
function startProvider() {
  const taken = new Map<string, { accountId: string; amount: number; reference: string }>();
  let calls = 0;
  /** Runs on each charge request before (`before`) or after (`after`) the money is taken. */
  let hook: { when: 'before' | 'after'; run: () => Promise<void> } | null = null;
  const take = (request: BillingRequest): BillingResult => {
    calls += 1;
    const known = taken.get(request.idempotencyKey);
    if (known !== undefined) return { status: 'succeeded', reference: known.reference };
    const reference = `ch_${taken.size + 1}`;
    taken.set(request.idempotencyKey, {
      accountId: request.accountId,
      amount: request.amount.amount,
      reference,
    });
    return { status: 'succeeded', reference };
  };
  const server: HttpServer = createHttpServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const request = JSON.parse(body) as BillingRequest;
    const armed = hook;
    if (armed?.when === 'before') {
      // The caller dies before the provider acts: nothing is taken.
      hook = null;
      await armed.run();
      res.destroy();
      return;
    }
    const result = take(request);
    if (armed?.when === 'after') {
      hook = null;
      await armed.run();
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result));
  });
  return {
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => {
          const address = server.address();
          resolve(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
        }),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    arm(when: 'before' | 'after', run: () => Promise<void>) {
      hook = { when, run };
    },
    charges: (accountId: string) =>
      [...taken.entries()].filter(([, charge]) => charge.accountId === accountId),
    calls: () => calls,
    /** The same provider, called in this process. */
    billing: {
      charge: async (request) => take(request),
      credit: async (request) => take(request),
    } satisfies BillingProvider,
  };
}

const commitQuery = Buffer.from('Q\0\0\0\x0bCOMMIT\0', 'latin1');
const commitDone = Buffer.from('C\0\0\0\x0bCOMMIT\0', 'latin1');

/**
 * A TCP proxy before PostgreSQL that counts COMMITs once armed and, at the one asked for, runs the
 * kill: `before` holds the COMMIT back (the transaction never commits), `after` holds back the
 * server's answer to it (committed, but the process never learns so).
 */
async function startCommitWatch(url: string) {
  const target = new URL(url);
  const sockets = new Set<Socket>();
  let armed: { at: number; when: 'before' | 'after'; run: () => void } | null = null;
  let sent = 0;
  let answered = 0;
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.on('data', (chunk: Buffer) => {
      if (armed !== null && chunk.includes(commitQuery)) {
        sent += 1;
        if (armed.when === 'before' && sent === armed.at) {
          const { run } = armed;
          armed = null;
          run();
          return;
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (armed !== null && chunk.includes(commitDone)) {
        answered += 1;
        if (armed.when === 'after' && answered === armed.at) {
          const { run } = armed;
          armed = null;
          run();
          return;
        }
      }
      client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const proxied = new URL(url);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(typeof address === 'object' && address ? address.port : 0);
  return {
    url: proxied.toString(),
    /** Counts from now; `at` 0 only counts. */
    arm(at: number, when: 'before' | 'after', run: () => void) {
      sent = 0;
      answered = 0;
      armed = { at, when, run };
    },
    counted: () => ({ sent, answered }),
    disarm() {
      armed = null;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Child {
  port: number;
  process: ChildProcess;
  killed: Promise<NodeJS.Signals | null>;
}

async function startChild(databaseUrl: string, providerUrl: string): Promise<Child> {
  const child = spawn(
    process.execPath,
    ['--conditions', '@seats/source', '--import', 'tsx', serverScript],
    {
      cwd: serverRoot,
      env: {
        ...process.env,
        SEATS_FAULT_DATABASE_URL: databaseUrl,
        SEATS_PROVIDER_URL: providerUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  const killed = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => {
      process.off('exit', orphan);
      resolve(signal);
    }),
  );
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4_000);
    });
    child.once('exit', () => reject(new Error(`exited before listening:\n${output}`)));
  });
  return { port, process: child, killed };
}

const purchased = 10;

/** Where the purchase is killed. */
type Step =
  | { name: string; kind: 'commit'; at: number; when: 'before' | 'after' }
  | { name: string; kind: 'provider'; when: 'before' | 'after' };

describe.skipIf(testDatabaseUrl === undefined)('kill -9 at every step of a purchase', () => {
  let schema: Awaited<ReturnType<typeof createPostgresTestSchema>>;
  let store: SeatsStore;
  let db: ReturnType<Awaited<ReturnType<typeof createPostgresTestSchema>>['pool']>;
  let watch: Awaited<ReturnType<typeof startCommitWatch>>;
  let provider: ReturnType<typeof startProvider>;
  let providerUrl: string;

  beforeAll(async () => {
    schema = await createPostgresTestSchema(testDatabaseUrl as string);
    store = await createPostgresStore({ pool: schema.pool(4) });
    db = schema.pool(1);
    const url = new URL(testDatabaseUrl as string);
    url.searchParams.set('options', `-c search_path=${schema.name}`);
    watch = await startCommitWatch(url.toString());
    provider = startProvider();
    providerUrl = await provider.listen();
  }, 60_000);

  afterAll(async () => {
    await provider?.close();
    await watch?.close();
    await schema?.drop();
  });

  const seed = (accountId: string) =>
    store.createAccount({
      account: {
        id: accountId,
        name: accountId,
        plan: 'Team',
        currency: 'EUR',
        billingPeriod: { start: '2026-01-01T00:00:00.000Z', end: '2099-01-01T00:00:00.000Z' },
        contract: { kind: 'self-serve' },
      },
      policy: definePolicy({ name: 'commit-kill' }),
      pools: [
        {
          id: 'seats',
          name: 'Seats',
          term: 'monthly',
          purchased,
          scheduledRemoval: 0,
          pendingSignature: 0,
          unitPrice: 1_000,
        },
      ],
      members: [],
      now: new Date().toISOString(),
    });

  /** A quote for 2 more licences, asked of `port`, and the request that commits it. */
  async function quoteOn(port: number, accountId: string) {
    const headers = { 'content-type': 'application/json', 'x-account': accountId };
    const quote = await fetch(`http://127.0.0.1:${port}/v1/quotes`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ poolId: 'seats', delta: 2 }),
    });
    expect(quote.status).toBe(201);
    const { id } = (await quote.json()) as { id: string };
    return {
      quoteId: id,
      commit: (key: string) =>
        fetch(`http://127.0.0.1:${port}/v1/changes`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': key },
          body: JSON.stringify({ quoteId: id }),
        }),
    };
  }

  async function changesOf(accountId: string) {
    const { rows } = await db.query<{ id: string; status: string; idempotency_key: string | null }>(
      'SELECT id, status, idempotency_key FROM seats_changes WHERE account_id = $1',
      [accountId],
    );
    return rows;
  }

  /** The COMMITs one purchase makes, counted on the wire with nothing killed. */
  let commits = 0;
  beforeAll(async () => {
    await seed('kill-count');
    const child = await startChild(watch.url, providerUrl);
    try {
      const purchase = await quoteOn(child.port, 'kill-count');
      watch.arm(0, 'before', () => {});
      expect((await purchase.commit('count')).status).toBe(201);
      commits = watch.counted().answered;
      watch.disarm();
    } finally {
      child.process.kill('SIGKILL');
      await child.killed;
    }
  }, 90_000);

  it('counts the transactions of one purchase: its reservation and its settlement at least', () => {
    expect(commits).toBeGreaterThanOrEqual(2);
  });

  it('leaves charges and changes one to one after a kill at every step, recovery and a retry', async () => {
    const steps: Step[] = [
      ...Array.from({ length: commits }, (_, index) => [
        {
          name: `before commit ${index + 1}`,
          kind: 'commit' as const,
          at: index + 1,
          when: 'before' as const,
        },
        {
          name: `after commit ${index + 1}`,
          kind: 'commit' as const,
          at: index + 1,
          when: 'after' as const,
        },
      ]).flat(),
      { name: 'provider asked, nothing taken', kind: 'provider', when: 'before' },
      { name: 'provider took the money, no answer', kind: 'provider', when: 'after' },
    ];
    const report: string[] = [];
    for (const [index, step] of steps.entries()) {
      const accountId = `kill-${index}`;
      const key = `purchase-${index}`;
      await seed(accountId);
      const child = await startChild(watch.url, providerUrl);
      const purchase = await quoteOn(child.port, accountId);
      const kill = async () => {
        child.process.kill('SIGKILL');
        await child.killed;
      };
      if (step.kind === 'commit') watch.arm(step.at, step.when, () => void kill());
      else provider.arm(step.when, kill);
      const answer = await purchase.commit(key).catch(() => null);
      watch.disarm();
      expect(answer, `${step.name}: the process answered instead of dying`).toBeNull();
      expect(await child.killed).toBe('SIGKILL');
      const afterKill =
        (await changesOf(accountId)).map((change) => change.status).join(',') || 'none';

      // Recovery, as any instance's job would run it once the change is stale.
      const jobs = createSeatsJobs({ store, billing: provider.billing });
      await jobs.recover({ staleAfterMs: 0 });
      const recovered = await changesOf(accountId);
      expect(
        recovered.some((change) => change.status === 'charging'),
        step.name,
      ).toBe(false);
      const applied = recovered.filter((change) => change.status === 'applied');
      const charges = provider.charges(accountId);
      expect(
        charges.map(([chargeKey]) => chargeKey).sort(),
        `${step.name}: every charge has its applied change and every applied change its charge`,
      ).toEqual(applied.map((change) => change.id).sort());

      // The client retries with the same key, on an instance that lived.
      const handler = createSeatsHandler({
        store,
        billing: provider.billing,
        recoverOnStart: false,
        identify: (request) => ({
          accountId: request.headers.get('x-account') ?? '',
          memberId: null,
          role: 'owner',
        }),
      });
      const retry = await handler(
        new Request('http://host.test/v1/changes', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-account': accountId,
            'idempotency-key': key,
          },
          body: JSON.stringify({ quoteId: purchase.quoteId }),
        }),
      );
      expect([200, 201], `${step.name}: retry answered ${retry.status}`).toContain(retry.status);
      const final = await changesOf(accountId);
      const finalApplied = final.filter((change) => change.status === 'applied');
      expect(
        finalApplied.map((change) => change.idempotency_key),
        step.name,
      ).toEqual([key]);
      expect(
        provider.charges(accountId).map(([chargeKey]) => chargeKey),
        step.name,
      ).toEqual(finalApplied.map((change) => change.id));
      const { rows } = await db.query<{ purchased: number }>(
        'SELECT purchased FROM seats_pools WHERE account_id = $1',
        [accountId],
      );
      expect(rows[0]?.purchased, step.name).toBe(purchased + 2);
      report.push(
        `${step.name.padEnd(36)} after kill: ${afterKill.padEnd(9)} recovered: ${applied.length} applied, ${charges.length} charged; retry ${retry.status}: 1 change, 1 charge`,
      );
    }
    console.log(
      `[seats] kill -9 at every step of a purchase (${steps.length} steps):\n${report.join('\n')}`,
    );
  }, 240_000);

  it('holds no lock while a provider slower than the lock timeout answers: the account goes on', async () => {
    await seed('kill-slow');
    const slowStore = await createPostgresStore({ pool: schema.pool(4), lockTimeoutMs: 200 });
    let calls = 0;
    // The first charge answers once the second purchase is done: longer than the 200 ms lock
    // timeout whatever the machine's speed.
    let secondDone: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      secondDone = resolve;
    });
    const slow: BillingProvider = {
      async charge(request) {
        calls += 1;
        if (calls === 1) await released;
        return provider.billing.charge(request);
      },
      credit: (request) => provider.billing.credit(request),
    };
    const handle = createSeatsHandler({
      store: slowStore,
      billing: slow,
      recoverOnStart: false,
      identify: () => ({ accountId: 'kill-slow', memberId: null, role: 'owner' }),
    });
    const post = (path: string, body: object, key?: string) =>
      handle(
        new Request(`http://host.test/v1${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(key === undefined ? {} : { 'idempotency-key': key }),
          },
          body: JSON.stringify(body),
        }),
      );
    const quote = async () =>
      ((await (await post('/quotes', { poolId: 'seats', delta: 1 })).json()) as { id: string }).id;

    let firstDone = false;
    let firstWaited = false;
    const first = post('/changes', { quoteId: await quote() }, 'slow-1').finally(() => {
      firstDone = true;
    });
    for (let waited = 0; calls === 0 && waited < 30_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toBe(1);
    const started = performance.now();
    const second = await post('/changes', { quoteId: await quote() }, 'slow-2').finally(() => {
      firstWaited = !firstDone;
      secondDone();
    });
    const waited = performance.now() - started;
    // Committed while the first still waits on its provider, with no lock timeout on the way.
    expect(second.status).toBe(201);
    expect(firstWaited).toBe(true);
    expect((await first).status).toBe(201);
    const applied = (await changesOf('kill-slow')).filter((change) => change.status === 'applied');
    expect(applied).toHaveLength(2);
    expect(provider.charges('kill-slow')).toHaveLength(2);
    console.log(
      `[seats] a second purchase on the same account committed in ${waited} ms while the first waited on its provider (lock timeout 200 ms)`,
    );
  }, 60_000);
});
