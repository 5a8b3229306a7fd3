/**
 * The admin example: the Vite app and `@seats/server` on one port, over an embedded PGlite database
 * kept in `.data/` and seeded with one demo account per preset on first run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { addUtcMonths, advanceAccount } from '@seats/core';
import {
  type BillingProvider,
  type BillingRequest,
  type BillingResult,
  createDevBilling,
  createSeatsAdmin,
  createSeatsAdminHandler,
  createSeatsHandler,
  createSeatsJobs,
} from '@seats/server';
import { demoAccounts, demoIdentify, demoPassword, seedDemoAccounts } from '@seats/server/demo';
import { toNodeHandler } from '@seats/server/node';
import { createPgliteStore } from '@seats/server/pglite';
import { createServer as createViteServer } from 'vite';

interface OutboxMessage {
  id: string;
  accountId: string;
  changeId: string;
  token: string;
  sentAt: string;
  summary: string;
}

/** A charge or credit the development provider recorded, as the Billing page lists it. */
interface LedgerEntry {
  at: string;
  kind: 'charge' | 'credit';
  accountId: string;
  description: string;
  amount: { amount: number; currency: string };
  reference: string;
  lines: BillingRequest['lines'];
}

const root = fileURLToPath(new URL('.', import.meta.url));
const dataDir = process.env.SEATS_DATA_DIR ?? `${root}.data`;
const port = Number(process.env.PORT ?? 5173);
// Only this machine can reach the demo (it trusts headers for identity) unless HOST says otherwise.
const host = process.env.HOST ?? '127.0.0.1';
mkdirSync(dataDir, { recursive: true });

const outboxFile = `${dataDir}/outbox.json`;
const outbox: OutboxMessage[] = existsSync(outboxFile)
  ? JSON.parse(readFileSync(outboxFile, 'utf8'))
  : [];
const saveOutbox = () => writeFileSync(outboxFile, JSON.stringify(outbox, null, 2));

// The development clock: the real time moved forward by what "Move time forward" added, kept
// across restarts so the data and the clock agree. SEATS_DEMO_CLOCK_START puts a fresh data
// folder's clock (and so its seeded periods and contracts) at a fixed start, from which it runs on,
// so that the pages read the same on any day.
const clockFile = `${dataDir}/clock.json`;
const seededFile = `${dataDir}/seeded`;
let clockOffsetMs: number = existsSync(clockFile)
  ? (JSON.parse(readFileSync(clockFile, 'utf8')) as { offsetMs: number }).offsetMs
  : 0;
const clockStart = process.env.SEATS_DEMO_CLOCK_START;
if (clockStart) {
  const startMs = Date.parse(clockStart);
  if (Number.isNaN(startMs)) {
    throw new Error(
      `SEATS_DEMO_CLOCK_START is "${clockStart}", not a time such as 2026-12-10T09:00:00Z.`,
    );
  }
  if (existsSync(seededFile)) {
    console.warn('  SEATS_DEMO_CLOCK_START is ignored: the data folder keeps its own clock.');
  } else {
    clockOffsetMs = startMs - Date.now();
    writeFileSync(clockFile, JSON.stringify({ offsetMs: clockOffsetMs }));
  }
}
const clock = () => new Date(Date.now() + clockOffsetMs);

const store = await createPgliteStore({ dataDir: `${dataDir}/pglite` });
// Accounts and their members are provisioned through the admin API, as a host does.
const admin = createSeatsAdmin({ store, clock });
if (!existsSync(seededFile)) {
  await seedDemoAccounts(admin, { now: clock() });
  writeFileSync(seededFile, clock().toISOString());
}
// The admin API over HTTP only with SEATS_ADMIN_TOKEN set, then for `Authorization: Bearer <it>`.
const adminToken = process.env.SEATS_ADMIN_TOKEN;
const adminHandler = createSeatsAdminHandler({
  admin,
  basePath: '/api/seats',
  authorize: (request) =>
    adminToken !== undefined &&
    adminToken.length > 0 &&
    request.headers.get('authorization') === `Bearer ${adminToken}`,
});

const ledgerFile = `${dataDir}/billing.json`;
const ledger: LedgerEntry[] = existsSync(ledgerFile)
  ? JSON.parse(readFileSync(ledgerFile, 'utf8'))
  : [];
const record = (kind: LedgerEntry['kind'], request: BillingRequest, result: BillingResult) => {
  if (result.status !== 'succeeded') return result;
  if (ledger.some((entry) => entry.reference === result.reference)) return result;
  ledger.unshift({
    at: clock().toISOString(),
    kind,
    accountId: request.accountId,
    description: request.description,
    amount: request.amount,
    reference: result.reference,
    lines: request.lines,
  });
  writeFileSync(ledgerFile, JSON.stringify(ledger, null, 2));
  return result;
};

const devBilling = createDevBilling();
// Whether the switch is armed, so the header can say so until the charge that uses it.
let paymentWillFail = false;
const billing: BillingProvider = {
  development: true,
  charge: async (request) => {
    paymentWillFail = false;
    return record('charge', request, await devBilling.charge(request));
  },
  credit: async (request) => record('credit', request, await devBilling.credit(request)),
};
const onEvent = (event: { type: string }) => console.log(`[seats] ${event.type}`);
const jobs = createSeatsJobs({ store, billing, clock, onEvent });
const seats = createSeatsHandler({
  store,
  billing,
  clock,
  basePath: '/api/seats',
  identify: demoIdentify,
  verifyPassword: (_identity, password) => password === demoPassword,
  requestSignature: ({ accountId, changeId, token, plan }) => {
    outbox.unshift({
      id: crypto.randomUUID(),
      accountId,
      changeId,
      token,
      sentAt: new Date().toISOString(),
      summary: `Sign to confirm ${plan.added} more licence(s) (${plan.from} -> ${plan.to}).`,
    });
    saveOutbox();
  },
  onEvent,
});

/** The development payment method the Billing page shows; no card exists. */
const paymentMethod = { brand: 'Visa', last4: '4242', expires: '12/2030' };

/** What the account's next invoice will bill, pool by pool, as the period-end job will take it. */
async function nextInvoice(accountId: string) {
  const state = await store.loadAccount(accountId);
  if (state === null) return null;
  const { account, pools, policy } = state;
  const at = account.billingPeriod.end;
  const next = advanceAccount({
    account,
    pools,
    policy,
    openChanges: await store.openChanges(accountId),
    now: at,
  }).periodEnds[0];
  const lines = (next?.charges ?? []).map((charge) => ({
    ...charge,
    poolName: pools.find((pool) => pool.id === charge.poolId)?.name ?? charge.poolId,
  }));
  return {
    on: at,
    period: next?.next ?? null,
    lines,
    total: {
      amount: lines.reduce((sum, line) => sum + line.amount, 0),
      currency: account.currency,
    },
  };
}

/**
 * Development-only endpoints: the demo accounts, the e-signature outbox, the payment failure switch,
 * the clock (moved forward, then the period-end job runs) and what the development provider billed.
 */
async function dev(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.pathname === '/api/dev/accounts' && request.method === 'GET') {
    return Response.json(
      demoAccounts().map(({ id, name, policy, adminRole, memberRole }) => ({
        id,
        name,
        roles: policy.roles,
        adminRole,
        memberRole,
      })),
    );
  }
  if (url.pathname === '/api/dev/outbox' && request.method === 'GET') {
    const account = url.searchParams.get('account');
    return Response.json(
      outbox.filter((message) => account === null || message.accountId === account),
    );
  }
  if (url.pathname === '/api/dev/fail-next-payment' && request.method === 'GET') {
    return Response.json({ armed: paymentWillFail });
  }
  if (url.pathname === '/api/dev/fail-next-payment' && request.method === 'POST') {
    devBilling.failNext('Card declined (development switch)');
    paymentWillFail = true;
    return Response.json({ armed: true });
  }
  if (url.pathname === '/api/dev/clock' && request.method === 'GET') {
    return Response.json({ now: clock().toISOString(), offsetMs: clockOffsetMs });
  }
  if (url.pathname === '/api/dev/clock' && request.method === 'POST') {
    // Moves the clock forward by days or months (or to a time), then runs the period-end job as
    // cron would: removals apply, contracts renew, recurring and daily licences are charged.
    const body = (await request.json().catch(() => ({}))) as {
      days?: number;
      months?: number;
      to?: string;
    };
    const from = clock();
    const target =
      body.to !== undefined
        ? new Date(body.to)
        : new Date(
            addUtcMonths(
              new Date(from.getTime() + (body.days ?? 0) * 86_400_000).toISOString(),
              body.months ?? 0,
            ),
          );
    if (Number.isNaN(target.getTime()) || target.getTime() < from.getTime()) {
      return Response.json({ error: 'The clock only moves forward.' }, { status: 400 });
    }
    clockOffsetMs += target.getTime() - from.getTime();
    writeFileSync(clockFile, JSON.stringify({ offsetMs: clockOffsetMs }));
    const report = await jobs.tick({ now: clock() });
    return Response.json({ now: clock().toISOString(), report });
  }
  if (url.pathname === '/api/dev/billing' && request.method === 'GET') {
    const account = url.searchParams.get('account') ?? '';
    return Response.json({
      paymentMethod,
      development: true,
      now: clock().toISOString(),
      nextInvoice: await nextInvoice(account),
      periodEnds: await store.listPeriodEnds(account, 24),
      entries: ledger.filter((entry) => entry.accountId === account),
    });
  }
  return Response.json({ error: 'not found' }, { status: 404 });
}

const vite = await createViteServer({ root, server: { middlewareMode: true }, appType: 'spa' });

const seatsListener = toNodeHandler(seats);
const adminListener = toNodeHandler(adminHandler);
const devListener = toNodeHandler(dev);

const server = createServer((incoming, outgoing) => {
  const path = incoming.url ?? '/';
  if (path.startsWith('/api/seats/admin/')) void adminListener(incoming, outgoing);
  else if (path.startsWith('/api/seats/')) void seatsListener(incoming, outgoing);
  else if (path.startsWith('/api/dev/')) void devListener(incoming, outgoing);
  else vite.middlewares(incoming, outgoing);
});

server.listen(port, host, () => {
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(`\n  Seats admin example: http://${shown}:${port}/`);
  console.log(`  data: ${dataDir} (delete it to start over)\n`);
});

// Close the database before exiting so the data folder is left consistent for the next start.
const stop = async () => {
  server.closeAllConnections();
  server.close();
  await vite.close();
  await store.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
