import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDevBilling, createSeatsHandler } from '@seats/server';
import { demoIdentify, demoPassword, seedDemoAccounts } from '@seats/server/demo';
import { createPgliteStore } from '@seats/server/pglite';

type Handler = (request: Request) => Promise<Response>;

// One database and handler per server process, also across hot reloads in development.
const cache = globalThis as typeof globalThis & { seatsHandler?: Promise<Handler> };

async function create(): Promise<Handler> {
  const dataDir = process.env.SEATS_DATA_DIR ?? join(process.cwd(), '.data');
  mkdirSync(dataDir, { recursive: true });
  const store = await createPgliteStore({ dataDir: join(dataDir, 'pglite') });
  const seeded = join(dataDir, 'seeded');
  if (!existsSync(seeded)) {
    await seedDemoAccounts(store);
    writeFileSync(seeded, new Date().toISOString());
  }
  return createSeatsHandler({
    store,
    billing: createDevBilling(),
    basePath: '/api/seats',
    identify: demoIdentify,
    verifyPassword: (_identity, password) => password === demoPassword,
  });
}

/** The Seats handler over an embedded PGlite database in `.data/`, seeded on first use. */
export function seatsHandler(): Promise<Handler> {
  cache.seatsHandler ??= create();
  return cache.seatsHandler;
}
