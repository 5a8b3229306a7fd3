import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { definePolicy } from '@seats/core';
import { createPostgresStore } from './create-postgres-store';
import { startTestProxy } from './postgres-test-proxy';
import { createPostgresTestSchema } from './postgres-test-schema';

/**
 * The fault suite: server processes on the real PostgreSQL (through a TCP proxy on 127.0.0.1 that
 * can refuse connections), under load, while backends are terminated, the database goes away, a
 * process is killed with SIGKILL, and hostile requests arrive over raw sockets. For tests (small)
 * and the benchmark (full) only.
 */

/** What one scenario measured. */
export interface ScenarioFigures {
  scenario: string;
  requests: number;
  /** 2xx answers. */
  ok: number;
  /** 4xx answers (a lost race, a stale quote, a refused hostile request). */
  refused: number;
  /** 503 `service_unavailable` problems with a `Retry-After`. */
  unavailable: number;
  /** Any other 5xx, or a 503 that is not such a problem: must stay 0. */
  serverErrors: number;
  /** Requests whose connection closed without an answer (the killed process, a quiet close). */
  dropped: number;
  /** Faults injected: backends terminated, seconds refused, processes killed, hostile requests. */
  faults: number;
  /** Server processes alive and healthy after the scenario, of those meant to be. */
  alive: string;
}

export interface FaultInvariants {
  /** Pools whose used licences exceed the purchased ones, or differ from the consuming members. */
  oversubscribedPools: number;
  /** Pools whose scheduled removal differs from the sum of their open scheduled removals. */
  unbalancedRemovals: number;
  /** Idempotency keys that made more than one change. */
  keysWithSeveralChanges: number;
  pools: number;
  changes: number;
  members: number;
}

export interface FaultReport {
  scenarios: ScenarioFigures[];
  invariants: FaultInvariants;
  /** Seconds from the database accepting connections again to every process answering health. */
  recoverySeconds: number;
  /** The concurrent renames of one member: applied, 409 `conflict`, and `no_licence_available` (must be 0). */
  renames: { applied: number; conflict: number; exhausted: number };
  /** The last output of each process that exited when it was not meant to. */
  deaths: Record<string, string>;
}

export interface FaultSuiteOptions {
  url: string;
  size: 'small' | 'full';
  log?: (line: string) => void;
}

const sizes = {
  small: {
    accounts: 3,
    concurrency: 12,
    loadMs: 2_500,
    terminateEveryMs: 400,
    transactionRounds: 2,
    refusedMs: 2_000,
    hostileRounds: 1,
    renames: 30,
  },
  full: {
    accounts: 8,
    concurrency: 48,
    loadMs: 15_000,
    terminateEveryMs: 250,
    transactionRounds: 12,
    refusedMs: 5_000,
    hostileRounds: 10,
    renames: 100,
  },
};

const serverScript = fileURLToPath(new URL('../scripts/fault-server.ts', import.meta.url));
const serverRoot = fileURLToPath(new URL('..', import.meta.url));
const purchased = 15;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ServerProcess {
  name: string;
  port: number;
  child: ChildProcess;
  isAlive(): boolean;
  /** The last lines the process printed. */
  output(): string;
}

async function startServer(name: string, connectionString: string): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--conditions', '@seats/source', '--import', 'tsx', serverScript],
    {
      cwd: serverRoot,
      env: { ...process.env, SEATS_FAULT_DATABASE_URL: connectionString },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const orphan = () => child.kill('SIGKILL');
  process.once('exit', orphan);
  child.once('exit', () => process.off('exit', orphan));
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\d+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}):\n${output}`));
    });
  });
  // Keep reading so a full pipe never blocks the process; keep the tail for failures.
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return {
    name,
    port,
    child,
    isAlive: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
  };
}

async function stopServer(server: ServerProcess): Promise<void> {
  if (!server.isAlive()) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Whether the process is up and its health check passes within a few seconds: right after a
 * backend was terminated, one check may meet a connection the pool has not yet dropped and
 * answer 503, as it should; the next one gets a fresh connection.
 */
async function isHealthy(server: ServerProcess): Promise<boolean> {
  for (let attempt = 0; attempt < 10; attempt++) {
    if (!server.isAlive()) return false;
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/v1/health`, {
        signal: AbortSignal.timeout(5_000),
      });
      await response.arrayBuffer();
      if (response.status === 200) return true;
    } catch {
      // Not answering yet: try again.
    }
    await sleep(300);
  }
  return false;
}

function emptyFigures(scenario: string): ScenarioFigures {
  return {
    scenario,
    requests: 0,
    ok: 0,
    refused: 0,
    unavailable: 0,
    serverErrors: 0,
    dropped: 0,
    faults: 0,
    alive: '',
  };
}

/** Sends one API request and counts its answer; answers the parsed body of a 2xx. */
async function send(
  figures: ScenarioFigures,
  server: ServerProcess,
  account: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown } | null> {
  figures.requests++;
  try {
    const response = await fetch(`http://127.0.0.1:${server.port}/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-account': account, ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const isProblem = response.headers.get('content-type') === 'application/problem+json';
    if (response.status < 300) figures.ok++;
    else if (response.status < 500) figures.refused++;
    else if (response.status === 503 && isProblem && response.headers.get('retry-after') !== null)
      figures.unavailable++;
    else figures.serverErrors++;
    return { status: response.status, body: text === '' ? null : JSON.parse(text) };
  } catch {
    figures.dropped++;
    return null;
  }
}

/** The mixed traffic of an admin area: users added, changed and removed; licences bought and removed. */
async function loadFor(
  figures: ScenarioFigures,
  servers: () => ServerProcess[],
  accounts: string[],
  options: { ms: number; concurrency: number },
): Promise<void> {
  const until = performance.now() + options.ms;
  const members: Record<string, string[]> = Object.fromEntries(accounts.map((id) => [id, []]));
  let sequence = 0;
  const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < until) {
        const live = servers().filter((server) => server.isAlive());
        if (live.length === 0) return;
        const server = pick(live);
        const account = pick(accounts);
        const roll = Math.random();
        const n = sequence++;
        if (roll < 0.35) {
          const created = await send(figures, server, account, 'POST', '/members', {
            name: `User ${n}`,
            email: `user${n}@example.com`,
            status: 'active',
            role: 'member',
          });
          if (created?.status === 201) members[account]?.push((created.body as { id: string }).id);
        } else if (roll < 0.5) {
          const id = members[account]?.shift();
          if (id !== undefined) await send(figures, server, account, 'DELETE', `/members/${id}`);
        } else if (roll < 0.65) {
          const id = pick(members[account] ?? []);
          if (id !== undefined)
            await send(figures, server, account, 'PATCH', `/members/${id}`, {
              status: Math.random() < 0.5 ? 'active' : 'inactive',
            });
        } else if (roll < 0.75) {
          await send(figures, server, account, 'GET', '/summary');
        } else {
          const delta = roll < 0.88 ? 1 : -1;
          const quote = await send(figures, server, account, 'POST', '/quotes', {
            poolId: 'seats',
            delta,
          });
          if (quote?.status !== 201) continue;
          const key = { 'idempotency-key': `key-${n}` };
          const commit = { quoteId: (quote.body as { id: string }).id };
          // The same key sent twice at once, to two processes: one change at most.
          const [first] = await Promise.all([
            send(figures, server, account, 'POST', '/changes', commit, key),
            send(figures, pick(live), account, 'POST', '/changes', commit, key),
          ]);
          const change = first?.body as { id: string; status: string } | undefined;
          if (first?.status === 201 && change?.status === 'scheduled' && Math.random() < 0.5)
            await send(figures, server, account, 'POST', `/changes/${change.id}/cancel`);
        }
      }
    }),
  );
}

/** Hostile requests over raw sockets; answers the status line's code, 0 for a quiet close. */
function rawRequest(port: number, raw: string, abort = false): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1] ?? 0));
    };
    const timer = setTimeout(done, 3_000);
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      if (/\r\n\r\n/.test(answer)) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(raw, () => {
      if (abort) done();
    });
  });
}

function hostileRequests(account: string): { raw: string; abort?: boolean }[] {
  const who = `Host: 127.0.0.1\r\nx-account: ${account}\r\nContent-Type: application/json\r\n`;
  const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
  const deepObject = `{"name":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`;
  const chunk = ' '.repeat(100_000);
  return [
    { raw: 'TRACE /v1/summary HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n' },
    { raw: 'TRACK /v1/summary HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n' },
    { raw: 'GET /v1/summary HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n' },
    { raw: 'GET /v1/summary HTTP/1.1\r\nHost: [\r\nConnection: close\r\n\r\n' },
    { raw: 'GET http://evil.test/v1/health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n' },
    { raw: 'GET http://[/v1/health HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n' },
    { raw: 'OPTIONS * HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n' },
    { raw: 'GET //evil.test/v1/summary HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n' },
    { raw: 'CONNECT 127.0.0.1:5432 HTTP/1.1\r\nHost: a\r\n\r\n' },
    { raw: '\u0000\u0001\u0002 garbage\r\n\r\n' },
    { raw: `GET /v1/summary HTTP/1.1\r\nHost: a\r\nX-Long: ${'x'.repeat(20_000)}\r\n\r\n` },
    {
      raw: `POST /v1/members HTTP/1.1\r\n${who}Content-Length: ${deep.length}\r\nConnection: close\r\n\r\n${deep}`,
    },
    {
      raw: `POST /v1/members HTTP/1.1\r\n${who}Content-Length: ${deepObject.length}\r\nConnection: close\r\n\r\n${deepObject}`,
    },
    {
      raw: `POST /v1/members HTTP/1.1\r\n${who}Content-Length: 2000000\r\nConnection: close\r\n\r\n{"name":"`,
    },
    {
      raw: `POST /v1/quotes HTTP/1.1\r\n${who}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n${`${chunk.length.toString(16)}\r\n${chunk}\r\n`.repeat(10)}0\r\n\r\n`,
    },
    {
      raw: `POST /v1/members HTTP/1.1\r\n${who}Content-Length: 400\r\n\r\n{"name":"Ada`,
      abort: true,
    },
    {
      raw: `POST /v1/members HTTP/1.1\r\n${who}Transfer-Encoding: chunked\r\n\r\n10\r\n{"name":"Ada",`,
      abort: true,
    },
    {
      raw: `POST /v1/members HTTP/1.1\r\n${who}Content-Length: 60\r\nConnection: close\r\n\r\n{"name":"\\ud800","email":"a@b.c","status":"active","role":"member"}`,
    },
  ];
}

export async function runFaultSuite(options: FaultSuiteOptions): Promise<FaultReport> {
  const size = sizes[options.size];
  const log = options.log ?? (() => {});
  const schema = await createPostgresTestSchema(options.url);
  const admin = schema.pool(3);
  const proxy = await startTestProxy(options.url);
  const application = `seats_fault_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const proxied = new URL(proxy.url);
  proxied.searchParams.set('options', `-c search_path=${schema.name}`);
  proxied.searchParams.set('application_name', application);
  const servers: ServerProcess[] = [];
  const scenarios: ScenarioFigures[] = [];
  let recoverySeconds = 0;
  const renames = { applied: 0, conflict: 0, exhausted: 0 };
  const deaths = new Map<string, string>();

  const backends = async (where = 'true') =>
    (
      await admin.query(
        `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND ${where}`,
        [application],
      )
    ).rows.map((row) => row.pid as number);
  const terminate = async (pids: number[]) => {
    for (const pid of pids) await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    return pids.length;
  };
  const aliveOf = async (meant: ServerProcess[]) => {
    const healthy = await Promise.all(meant.map(isHealthy));
    for (const server of meant) {
      if (!server.isAlive() && !deaths.has(server.name)) {
        deaths.set(server.name, server.output().slice(-2_000));
        log(
          `${server.name} exited (${server.child.exitCode ?? server.child.signalCode}):\n${server.output().slice(-2_000)}`,
        );
      }
    }
    return `${healthy.filter(Boolean).length}/${meant.length}`;
  };

  try {
    const seeding = await createPostgresStore({ pool: schema.pool(2) });
    const accounts = Array.from({ length: size.accounts }, (_, index) => `fault-${index}`);
    for (const id of accounts) {
      await seeding.createAccount({
        account: {
          id,
          name: id,
          plan: 'Team',
          currency: 'EUR',
          billingPeriod: { start: '2026-01-01T00:00:00.000Z', end: '2099-01-01T00:00:00.000Z' },
          contract: { kind: 'self-serve' },
        },
        policy: definePolicy({ name: 'fault' }),
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
        now: '2026-01-01T00:00:00.000Z',
      });
    }
    servers.push(
      ...(await Promise.all(
        ['server-a', 'server-b'].map((name) => startServer(name, proxied.toString())),
      )),
    );
    const live = () => servers.filter((server) => server.name !== 'server-killed');
    log(
      `fault suite (${options.size}): ${servers.length} server processes on schema ${schema.name}`,
    );

    // 1. Every backend of the servers terminated, again and again, under load.
    {
      const figures = emptyFigures('backends terminated mid-request');
      const loading = loadFor(figures, live, accounts, {
        ms: size.loadMs,
        concurrency: size.concurrency,
      });
      const until = performance.now() + size.loadMs;
      while (performance.now() < until) {
        await sleep(size.terminateEveryMs);
        figures.faults += await terminate(await backends());
      }
      await loading;
      figures.alive = await aliveOf(live());
      scenarios.push(figures);
    }

    // 2. A commit's backend terminated while it waits inside its transaction.
    {
      const figures = emptyFigures('backends terminated mid-transaction');
      for (let round = 0; round < size.transactionRounds; round++) {
        const account = accounts[round % accounts.length] as string;
        const [first, second] = live() as [ServerProcess, ServerProcess];
        const quote = await send(figures, first, account, 'POST', '/quotes', {
          poolId: 'seats',
          delta: 1,
        });
        if (quote?.status !== 201) continue;
        const holder = await admin.connect();
        try {
          await holder.query('BEGIN');
          await holder.query(
            `SELECT 1 FROM ${schema.name}.seats_pools WHERE account_id = $1 FOR UPDATE`,
            [account],
          );
          const key = { 'idempotency-key': `mid-transaction-${round}` };
          const commit = { quoteId: (quote.body as { id: string }).id };
          const committing = send(figures, second, account, 'POST', '/changes', commit, key);
          for (let tries = 0; tries < 100; tries++) {
            const waiting = await backends("wait_event_type = 'Lock'");
            if (waiting.length > 0) {
              figures.faults += await terminate(waiting);
              break;
            }
            await sleep(30);
          }
          await sleep(200);
          await holder.query('COMMIT');
          await committing;
          // The same key again, on the other process: the same change, not a second one.
          await send(figures, first, account, 'POST', '/changes', commit, key);
        } finally {
          holder.release();
        }
      }
      figures.alive = await aliveOf(live());
      scenarios.push(figures);
    }

    // 3. The database refusing connections for a few seconds, under load.
    {
      const figures = emptyFigures('database refusing connections');
      const loadMs = size.refusedMs + 2_000;
      const loading = loadFor(figures, live, accounts, {
        ms: loadMs,
        concurrency: size.concurrency,
      });
      await sleep(500);
      await proxy.refuse();
      await sleep(size.refusedMs);
      await proxy.accept();
      figures.faults += Math.round(size.refusedMs / 1_000);
      const reopened = performance.now();
      while (!(await Promise.all(live().map(isHealthy))).every(Boolean)) {
        if (performance.now() - reopened > 30_000) break;
        await sleep(100);
      }
      recoverySeconds = (performance.now() - reopened) / 1_000;
      await loading;
      figures.alive = await aliveOf(live());
      scenarios.push(figures);
    }

    // 4. A third process killed with SIGKILL in the middle of its load.
    {
      const figures = emptyFigures('kill -9 under load');
      const victim = await startServer('server-killed', proxied.toString());
      servers.push(victim);
      const loading = loadFor(figures, () => [...live(), victim], accounts, {
        ms: size.loadMs,
        concurrency: size.concurrency,
      });
      await sleep(size.loadMs / 2);
      victim.child.kill('SIGKILL');
      figures.faults++;
      await loading;
      figures.alive = await aliveOf(live());
      scenarios.push(figures);
    }

    // 5. Hostile requests over raw sockets, to every live process.
    {
      const figures = emptyFigures('hostile requests (raw sockets)');
      for (let round = 0; round < size.hostileRounds; round++) {
        for (const server of live()) {
          for (const request of hostileRequests(accounts[0] as string)) {
            figures.requests++;
            figures.faults++;
            const status = await rawRequest(server.port, request.raw, request.abort);
            if (status === 0) figures.dropped++;
            else if (status < 300) figures.ok++;
            else if (status < 500) figures.refused++;
            else figures.serverErrors++;
          }
        }
      }
      figures.alive = await aliveOf(live());
      scenarios.push(figures);
    }

    // 6. Concurrent renames of one member through both processes: contention, not exhaustion.
    {
      const figures = emptyFigures('one member renamed concurrently');
      const account = accounts[0] as string;
      const [first, second] = live() as [ServerProcess, ServerProcess];
      const created = await send(figures, first, account, 'POST', '/members', {
        name: 'Renamed',
        email: 'renamed@example.com',
        status: 'inactive',
        role: 'member',
      });
      if (created?.status === 201) {
        const id = (created.body as { id: string }).id;
        const answers = await Promise.all(
          Array.from({ length: size.renames }, (_, index) =>
            send(figures, index % 2 === 0 ? first : second, account, 'PATCH', `/members/${id}`, {
              name: `Renamed ${index}`,
            }),
          ),
        );
        figures.faults = size.renames;
        const codeOf = (answer: (typeof answers)[number]) =>
          answer?.status === 200 ? 'applied' : (answer?.body as { code?: string } | null)?.code;
        renames.applied = answers.filter((answer) => codeOf(answer) === 'applied').length;
        renames.conflict = answers.filter((answer) => codeOf(answer) === 'conflict').length;
        renames.exhausted = answers.filter(
          (answer) => codeOf(answer) === 'no_licence_available',
        ).length;
      }
      figures.alive = await aliveOf(live());
      scenarios.push(figures);
    }

    const invariants = await checkInvariants(admin, schema.name);
    await seeding.close();
    return { scenarios, invariants, recoverySeconds, renames, deaths: Object.fromEntries(deaths) };
  } finally {
    await Promise.all(servers.map(stopServer));
    await proxy.close();
    await schema.drop();
  }
}

async function checkInvariants(
  admin: { query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> },
  schema: string,
): Promise<FaultInvariants> {
  const count = async (sql: string) => Number((await admin.query(sql)).rows[0]?.count ?? 0);
  return {
    oversubscribedPools: await count(
      `SELECT count(*) FROM ${schema}.seats_pools p
       WHERE p.used > p.purchased OR p.used <> (
         SELECT count(*) FROM ${schema}.seats_members m
         WHERE m.account_id = p.account_id AND m.pool_id = p.id AND m.consumes) + (
         SELECT count(*) FROM ${schema}.seats_member_add_ons a
         JOIN ${schema}.seats_members m ON m.account_id = a.account_id AND m.id = a.member_id
         WHERE a.account_id = p.account_id AND a.pool_id = p.id AND m.consumes)`,
    ),
    unbalancedRemovals: await count(
      `SELECT count(*) FROM ${schema}.seats_pools p
       WHERE p.scheduled_removal <> COALESCE((
         SELECT sum((c.plan->>'removed')::int - c.restored) FROM ${schema}.seats_changes c
         WHERE c.account_id = p.account_id AND c.pool_id = p.id AND c.status = 'scheduled'), 0)`,
    ),
    keysWithSeveralChanges: await count(
      `SELECT count(*) FROM (SELECT 1 FROM ${schema}.seats_changes
       WHERE idempotency_key IS NOT NULL AND status <> 'failed'
       GROUP BY account_id, idempotency_key HAVING count(*) > 1) AS repeated`,
    ),
    pools: await count(`SELECT count(*) FROM ${schema}.seats_pools`),
    changes: await count(`SELECT count(*) FROM ${schema}.seats_changes`),
    members: await count(`SELECT count(*) FROM ${schema}.seats_members`),
  };
}

/** The report as the lines a person reads. */
export function formatFaultReport(report: FaultReport): string {
  const header = [
    'scenario',
    'requests',
    '2xx',
    '4xx',
    '503',
    'other 5xx',
    'dropped',
    'faults',
    'alive',
  ];
  const rows = report.scenarios.map((figures) => [
    figures.scenario,
    String(figures.requests),
    String(figures.ok),
    String(figures.refused),
    String(figures.unavailable),
    String(figures.serverErrors),
    String(figures.dropped),
    String(figures.faults),
    figures.alive,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] as string).length)),
  );
  const line = (cells: string[]) =>
    cells.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ');
  const { invariants } = report;
  return [
    line(header),
    ...rows.map(line),
    `database back -> every process healthy: ${report.recoverySeconds.toFixed(1)} s`,
    `concurrent renames of one member: ${report.renames.applied} applied, ${report.renames.conflict} 409 conflict, ${report.renames.exhausted} no_licence_available`,
    `invariants: used > purchased or != consuming members in ${invariants.oversubscribedPools} of ${invariants.pools} pools; scheduled removals not adding up in ${invariants.unbalancedRemovals}; keys with more than one change: ${invariants.keysWithSeveralChanges} (${invariants.changes} changes, ${invariants.members} members)`,
  ].join('\n');
}
