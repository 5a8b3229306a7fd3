// What a host team does with the published packages, outside the workspace: pack every package,
// install the tarballs with npm into a fresh Vite + React app, provision an account and sync the
// host's users through the admin API, drive the widgets in Chromium (the README's add-user step as
// written), then assemble a fresh Next.js app from the READMEs' code blocks as written, type-check
// them under strict settings, build it with `next build` (Turbopack, then webpack) and no
// configuration of the kit's, and ask each build's `next start` for its routes, without and with a
// billing provider. Run after `pnpm build`; exits 1 on the first failure. `--keep` leaves the apps
// in the temporary folder; `--only=vite` or `--only=next` checks one app.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.mjs';
import { nextFromReadmes, nextHostFiles } from './next-host-app.mjs';
import { addUserStep, fromReadme } from './readme-blocks.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'seats-install-'));
const keep = process.argv.includes('--keep');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
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
import { AdjustAllowanceDialog, SeatMeter, SeatsProvider } from '@seats/react';
import '@seats/react/styles.css';
import { createRoot } from 'react-dom/client';
import { AddUserButton } from './add-user-button';

const client = createSeatsClient({ baseUrl: '/api/seats' });

createRoot(document.getElementById('root')!).render(
  <SeatsProvider client={client} locale="en">
    <h1>Users</h1>
    <SeatMeter variant="detailed" />
    <AdjustAllowanceDialog />
    <AddUserButton form={{ name: 'Eve New', email: 'eve@acme.example' }} />
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
    'src/add-user-button.tsx': fromReadme(addUserStep),
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
    ...nextHostFiles(),
  });
  npmInstall(dir);
  log('Next.js app: tsc --noEmit under strict settings');
  run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.strict.json'], dir);
  log(`Next.js app: ${Object.keys(nextFromReadmes).length} README blocks type-check`);
  // Next 16 builds with Turbopack by default; `--webpack` is the other bundler a host may use.
  for (const bundler of ['turbopack', 'webpack']) {
    log(`Next.js app: next build (${bundler})`);
    run('npx', ['next', 'build', ...(bundler === 'webpack' ? ['--webpack'] : [])], dir, {
      NEXT_TELEMETRY_DISABLED: '1',
    });
    await nextServes(dir, bundler);
  }
}

/**
 * Starts the built app three times: without billing, where the page renders and both README
 * handlers refuse every request with `billing_required` and log what to pass; then with billing,
 * once per handler (each opens the same PGlite folder), which then answer as `identify` says.
 */
async function nextServes(dir, bundler) {
  await nextStart(dir, {}, async (ask, output) => {
    const page = await ask('/');
    const html = await page.text();
    if (page.status !== 200 || !html.includes('Add user'))
      throw new Error(`next start (${bundler}): / answered ${page.status} ${html.slice(0, 300)}`);
    for (const base of ['/api/seats', '/api/use-it'])
      await expectAnswer(ask, `${base}/v1/health`, {}, 500, 'billing_required');
    if (!output().includes('BillingRequiredError: createSeatsHandler: pass a `billing` provider'))
      throw new Error(`next start (${bundler}) logged no BillingRequiredError: ${output()}`);
    // A server component calls the query keys: `@seats/react/query` must not be a client module.
    const keys = await (await ask('/keys')).text();
    if (!keys.includes('seats/default/summary'))
      throw new Error(
        `next start (${bundler}): /keys, a server component, did not render the keys`,
      );
  });
  for (const base of ['/api/seats', '/api/use-it']) {
    await nextStart(dir, { HOST_BILLING: 'development' }, async (ask) => {
      await expectAnswer(ask, `${base}/v1/health`, {}, 200);
      await expectAnswer(ask, `${base}/v1/summary`, {}, 401, 'unauthenticated');
      await expectAnswer(ask, `${base}/v1/summary`, { 'x-user': 'u1' }, 404, 'account_not_found');
    });
  }
  log(
    `Next.js app (${bundler}): built; a server component renders the query keys; without billing every route answers 500 billing_required, with it both README handlers answer as identify says`,
  );
}

async function expectAnswer(ask, path, headers, status, code) {
  const answer = await ask(path, headers);
  const body = await answer.text();
  const problemCode = () => {
    try {
      return JSON.parse(body).code;
    } catch {
      return null;
    }
  };
  const answered = answer.status === status && (code === undefined || problemCode() === code);
  if (!answered)
    throw new Error(`${path} answered ${answer.status} ${body}, not ${status} ${code ?? ''}`);
}

/** Runs `next start` with `env` added, calls `check` with a way to ask it, then stops it. */
async function nextStart(dir, env, check) {
  const port = await new Promise((resolve) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  const server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  server.stdout.on('data', (chunk) => {
    output += chunk;
  });
  server.stderr.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise((resolve) => server.on('exit', resolve));
  const ask = (path, headers = {}) => fetch(`http://127.0.0.1:${port}${path}`, { headers });
  try {
    let up = false;
    for (let attempt = 0; attempt < 120 && !up; attempt++) {
      up = await fetch(`http://127.0.0.1:${port}/favicon.ico`).then(
        () => true,
        () => false,
      );
      if (!up) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (!up) throw new Error(`next start did not answer: ${output}`);
    await check(ask, () => output);
  } catch (error) {
    console.error(output);
    throw error;
  } finally {
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
}

try {
  log('packing');
  const tarballs = packAll();
  if (only !== 'next') await viteApp(tarballs);
  if (only !== 'vite') await nextApp(tarballs);
  log('done');
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  if (keep) console.log(`[install-check] the apps are in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
