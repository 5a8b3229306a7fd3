// What a host team does with the published packages, outside the workspace: pack every package,
// install the tarballs with npm into a fresh Vite + React app, provision an account and sync the
// host's users through the admin API, drive the widgets in Chromium, then build a fresh Next.js app
// from the same tarballs with `next build` (Turbopack, then webpack) and no configuration of the
// kit's, and ask each build's `next start` for the health route and for a server component's page
// that calls `@seats/react/query`. Run after `pnpm build`; exits 1 on the first failure. `--keep` leaves the apps in the temporary folder.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'seats-install-'));
const keep = process.argv.includes('--keep');
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const log = (message) => console.log(`[install-check ${seconds()}] ${message}`);

const manifest = (path) => JSON.parse(readFileSync(join(root, path, 'package.json'), 'utf8'));
const versionOf = (path, name) => {
  const { dependencies = {}, devDependencies = {} } = manifest(path);
  return dependencies[name] ?? devDependencies[name];
};

function run(command, args, cwd, env = {}) {
  execFileSync(command, args, {
    cwd,
    timeout: 600_000,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
}

function write(dir, files) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** Packs each package as it is published (pnpm applies `publishConfig`); their paths by name. */
function packAll() {
  const dir = join(work, 'tarballs');
  mkdirSync(dir);
  const tarballs = {};
  for (const name of readdirSync(join(root, 'packages'))) {
    const output = execFileSync('pnpm', ['pack', '--pack-destination', dir], {
      cwd: join(root, 'packages', name),
    });
    tarballs[manifest(`packages/${name}`).name] = output.toString().trim().split('\n').at(-1);
  }
  return tarballs;
}

/** A package.json whose kit packages come from the tarballs, also where they depend on each other. */
function hostManifest(name, tarballs, dependencies, devDependencies = {}) {
  const kit = Object.fromEntries(
    Object.entries(tarballs).map(([pkg, path]) => [pkg, `file:${path}`]),
  );
  return JSON.stringify(
    {
      name,
      private: true,
      type: 'module',
      dependencies: { ...kit, ...dependencies },
      devDependencies,
      overrides: Object.fromEntries(Object.keys(tarballs).map((pkg) => [pkg, `$${pkg}`])),
    },
    null,
    2,
  );
}

const npmInstall = (dir) =>
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], dir);

const reactVersions = {
  react: versionOf('examples/admin-app', 'react'),
  'react-dom': versionOf('examples/admin-app', 'react-dom'),
  '@tanstack/react-query': versionOf('examples/admin-app', '@tanstack/react-query'),
};

// The host's own code, as the README's "From your users to a working widget" has it written: its
// users, its session, the kit (steps 2 to 5: provision, sync, identify, mount).
const hostServer = `
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { createDevBilling, createSeatsAdmin, createSeatsHandler, lazyStore } from '@seats/server';
import { toNodeHandler } from '@seats/server/node';
import { createPgliteStore } from '@seats/server/pglite';

// The host's user table and its signed-in user.
const users = [
  { id: 'u1', name: 'Ada Owner', email: 'ada@acme.example', role: 'owner', active: true },
  { id: 'u2', name: 'Bo Member', email: 'bo@acme.example', role: 'member', active: true },
  { id: 'u3', name: 'Cy Member', email: 'cy@acme.example', role: 'member', active: true },
  { id: 'u4', name: 'Di Gone', email: 'di@acme.example', role: 'member', active: false },
];
const signedIn = users[0];

const store = lazyStore(() => createPgliteStore({ dataDir: '.data/seats' }));
const monthStart = (months) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1)).toISOString();
};
const billing = createDevBilling();
const admin = createSeatsAdmin({ store });

// Provisioning on sign-up, then the sync the host runs nightly.
if ((await admin.getAccount('acme')) === null) {
  await admin.createAccount({
    id: 'acme',
    name: 'Acme',
    plan: 'Team',
    currency: 'USD',
    billingPeriod: { start: monthStart(0), end: monthStart(1) },
    contract: { kind: 'self-serve' },
    policy: 'delta-upgrade-at-limit',
    pools: [{ id: 'users', name: 'User licences', term: 'monthly', purchased: 5, unitPrice: 4900 }],
  });
}
const diff = await admin.reconcile(
  'acme',
  users.map((user) => ({
    externalId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    status: user.active ? 'active' : 'inactive',
    poolId: 'users',
  })),
);
console.log('reconciled', JSON.stringify({ created: diff.created.length, refused: diff.refused.length }));
const owner = await admin.getMember('acme', { externalId: signedIn.id });

const seats = createSeatsHandler({
  store,
  billing,
  basePath: '/api/seats',
  identify: () => ({ accountId: 'acme', memberId: owner.id, role: signedIn.role }),
});
const api = toNodeHandler(seats);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

// The host's own "create user" endpoint: its user first, then the kit's member for it.
async function createUser(request, response) {
  let body = '';
  for await (const chunk of request) body += chunk;
  const input = JSON.parse(body);
  const user = { id: \`u\${users.length + 1}\`, ...input };
  users.push(user);
  const result = await admin.upsertMember('acme', {
    externalId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    status: user.status,
    poolId: user.poolId ?? 'users',
  });
  response.writeHead(201, { 'content-type': 'application/json' });
  response.end(JSON.stringify(result));
}

createServer((request, response) => {
  if (request.url.startsWith('/api/seats/')) return api(request, response);
  if (request.method === 'POST' && request.url === '/users') {
    createUser(request, response).catch((error) => {
      response.writeHead(409, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: error.message }));
    });
    return;
  }
  const path = request.url === '/' ? '/index.html' : request.url.split('?')[0];
  try {
    const body = readFileSync(join('dist', path));
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
}).listen(0, '127.0.0.1', function () {
  console.log(\`listening on \${this.address().port}\`);
});
`;

const hostPage = `
import { createSeatsClient } from '@seats/client';
import {
  AddUserGuard,
  AdjustAllowanceDialog,
  SeatMeter,
  SeatsProvider,
  seatsKeys,
} from '@seats/react';
import '@seats/react/styles.css';
import { useQueryClient } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';

const client = createSeatsClient({ baseUrl: '/api/seats' });

// The README's "Use it" widgets, and its add-user sequence (step 6): the guard, the host's own form
// and user, then the licences refreshed.
function AddUser() {
  const queryClient = useQueryClient();
  return (
    <AddUserGuard
      asChild
      onProceed={async ({ member }) => {
        const user = { name: 'Eve New', email: 'eve@acme.example', ...member };
        await fetch('/users', { method: 'POST', body: JSON.stringify(user) });
        await queryClient.invalidateQueries({ queryKey: seatsKeys.all() });
        document.title = 'added';
      }}
    >
      <button type="button">Add user</button>
    </AddUserGuard>
  );
}

createRoot(document.getElementById('root')!).render(
  <SeatsProvider client={client} locale="en">
    <h1>Users</h1>
    <SeatMeter variant="detailed" />
    <AdjustAllowanceDialog />
    <AddUser />
  </SeatsProvider>,
);
`;

async function viteApp(tarballs) {
  const dir = join(work, 'vite-app');
  log('Vite app: npm install');
  write(dir, {
    'package.json': hostManifest(
      'host-vite-app',
      tarballs,
      {
        ...reactVersions,
        '@electric-sql/pglite': versionOf('packages/server', '@electric-sql/pglite'),
      },
      {
        vite: versionOf('examples/admin-app', 'vite'),
        '@vitejs/plugin-react': versionOf('examples/admin-app', '@vitejs/plugin-react'),
      },
    ),
    'index.html':
      '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>\n',
    'vite.config.js':
      "import react from '@vitejs/plugin-react';\nimport { defineConfig } from 'vite';\nexport default defineConfig({ plugins: [react()] });\n",
    'src/main.tsx': hostPage,
    'server.mjs': hostServer,
  });
  npmInstall(dir);
  log('Vite app: vite build');
  run('npx', ['vite', 'build', '--logLevel', 'warn'], dir);

  const server = spawn('node', ['server.mjs'], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => server.on('exit', resolve));
  let output = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the host server did not start: ${output}`)),
      60_000,
    );
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const listening = /listening on (\d+)/.exec(output);
      if (listening !== null) {
        clearTimeout(timer);
        resolve(Number(listening[1]));
      }
    });
    server.on('exit', (code) => reject(new Error(`the host server exited (${code}): ${output}`)));
  });
  log(`Vite app: host server up (${output.trim().split('\n')[0]})`);
  if (!output.includes('"created":4')) throw new Error(`the sync created not 4 members: ${output}`);

  const require = createRequire(join(root, 'examples/admin-app/package.json'));
  const { chromium } = require('playwright-core');
  const found = await findChromium();
  const browser = await chromium.launch({
    executablePath: found.executablePath,
    args: found.args,
    env: { ...process.env, ...found.env },
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    const meter = page.getByRole('meter').first();
    await meter.waitFor({ timeout: 30_000 });
    // Three active users of the host hold licences of the five bought; the inactive one none.
    const now = await meter.getAttribute('aria-valuenow');
    const max = await meter.getAttribute('aria-valuemax');
    if (now !== '3' || max !== '5') throw new Error(`the meter reads ${now} of ${max}, not 3 of 5`);
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.waitForFunction(() => document.title === 'added', null, { timeout: 10_000 });
    await page.waitForFunction(
      () => document.querySelector('[role="meter"]')?.getAttribute('aria-valuenow') === '4',
      null,
      { timeout: 10_000 },
    );
    log('Vite app: the meter reads 3 of 5; Add user creates the host user and its member: 4 of 5');
  } finally {
    await browser.close();
    server.kill();
    await exited;
  }
}

async function nextApp(tarballs) {
  const dir = join(work, 'next-app');
  log('Next.js app: npm install');
  write(dir, {
    'package.json': hostManifest(
      'host-next-app',
      tarballs,
      {
        ...reactVersions,
        next: versionOf('examples/next-app', 'next'),
        '@electric-sql/pglite': versionOf('packages/server', '@electric-sql/pglite'),
      },
      Object.fromEntries(
        ['typescript', '@types/react', '@types/node'].map((name) => [
          name,
          versionOf('examples/next-app', name),
        ]),
      ),
    ),
    'tsconfig.json': JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        lib: ['dom', 'dom.iterable', 'esnext'],
        strict: true,
        noEmit: true,
        module: 'esnext',
        moduleResolution: 'bundler',
        jsx: 'preserve',
        skipLibCheck: true,
        isolatedModules: true,
        esModuleInterop: true,
        resolveJsonModule: true,
        plugins: [{ name: 'next' }],
      },
      include: ['**/*.ts', '**/*.tsx'],
    }),
    'app/layout.tsx':
      'export default function Layout({ children }: { children: React.ReactNode }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n',
    'app/page.tsx': `'use client';
import { createSeatsClient } from '@seats/client';
import { AdjustAllowanceDialog, SeatMeter, SeatsProvider } from '@seats/react';
import '@seats/react/styles.css';

const client = createSeatsClient({ baseUrl: '/api/seats' });

export default function Page() {
  return (
    <SeatsProvider client={client}>
      <SeatMeter variant="detailed" />
      <AdjustAllowanceDialog />
    </SeatsProvider>
  );
}
`,
    'app/seats.ts': `import { createDevBilling, createSeatsHandler, lazyStore } from '@seats/server';
import { createPgliteStore } from '@seats/server/pglite';

const store = lazyStore(() => createPgliteStore({ dataDir: '.data/seats' }));

export const seats = createSeatsHandler({
  store,
  billing: createDevBilling(),
  basePath: '/api/seats',
  identify: async () => null,
});
`,
    // A server component calls the query keys: `@seats/react/query` must not be a client module.
    'app/keys/page.tsx': `import { seatsKeys } from '@seats/react/query';

export default function Keys() {
  return <p>{seatsKeys.summary().join('/')}</p>;
}
`,
    // The `@seats/server` README's Next.js route, under "Mount it".
    'app/api/seats/[...path]/route.ts':
      "export { seats as DELETE, seats as GET, seats as PATCH, seats as POST } from '../../../seats';\n",
  });
  npmInstall(dir);
  // Next 16 builds with Turbopack by default; `--webpack` is the other bundler a host may use.
  for (const bundler of ['turbopack', 'webpack']) {
    log(`Next.js app: next build (${bundler})`);
    run('npx', ['next', 'build', ...(bundler === 'webpack' ? ['--webpack'] : [])], dir, {
      NEXT_TELEMETRY_DISABLED: '1',
    });
    await nextServes(dir, bundler);
  }
}

/** Starts the built app and asks the mounted handler for its health, which opens the store. */
async function nextServes(dir, bundler) {
  const port = await new Promise((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  const server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const exited = new Promise((resolve) => server.on('exit', resolve));
  try {
    let answer = null;
    for (let attempt = 0; attempt < 120 && answer === null; attempt++) {
      answer = await fetch(`http://127.0.0.1:${port}/api/seats/v1/health`).catch(() => null);
      if (answer === null) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (answer === null) throw new Error(`next start (${bundler}) did not answer`);
    const body = await answer.text();
    if (answer.status !== 200)
      throw new Error(
        `next start (${bundler}): /api/seats/v1/health answered ${answer.status} ${body}`,
      );
    const keys = await (await fetch(`http://127.0.0.1:${port}/keys`)).text();
    if (!keys.includes('seats/default/summary'))
      throw new Error(
        `next start (${bundler}): /keys, a server component, did not render the keys`,
      );
    log(
      `Next.js app (${bundler}): built; next start answers the health route ${body}; a server component renders the query keys`,
    );
  } finally {
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
}

try {
  log('packing');
  const tarballs = packAll();
  await viteApp(tarballs);
  await nextApp(tarballs);
  log('done');
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`[install-check] the apps are in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
