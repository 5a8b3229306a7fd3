/**
 * The admin example: the Vite app and `@seats/server` on one port, over an embedded PGlite database
 * kept in `.data/` and seeded with one demo account per preset on first run.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  type BillingProvider,
  createDevBilling,
  createPgliteStore,
  createSeatsHandler,
  demoAccounts,
  demoIdentify,
  demoPassword,
  seedDemoAccounts,
} from '@seats/server';
import { toNodeHandler } from '@seats/server/node';
import { createServer as createViteServer } from 'vite';

interface OutboxMessage {
  id: string;
  accountId: string;
  changeId: string;
  token: string;
  sentAt: string;
  summary: string;
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

const store = await createPgliteStore({ dataDir: `${dataDir}/pglite` });
const seededFile = `${dataDir}/seeded`;
if (!existsSync(seededFile)) {
  await seedDemoAccounts(store);
  writeFileSync(seededFile, new Date().toISOString());
}

const devBilling = createDevBilling();
// Whether the switch is armed, so the header can say so until the charge that uses it.
let paymentWillFail = false;
const billing: BillingProvider = {
  development: true,
  charge: (request) => {
    paymentWillFail = false;
    return devBilling.charge(request);
  },
  credit: (request) => devBilling.credit(request),
};
const seats = createSeatsHandler({
  store,
  billing,
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
  onEvent: (event) => console.log(`[seats] ${event.type}`),
});

/** Development-only endpoints: the demo accounts, the e-signature outbox and the payment failure switch. */
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
  return Response.json({ error: 'not found' }, { status: 404 });
}

const vite = await createViteServer({ root, server: { middlewareMode: true }, appType: 'spa' });

const seatsListener = toNodeHandler(seats);
const devListener = toNodeHandler(dev);

const server = createServer((incoming, outgoing) => {
  const path = incoming.url ?? '/';
  if (path.startsWith('/api/seats/')) void seatsListener(incoming, outgoing);
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
