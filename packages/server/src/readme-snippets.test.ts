import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import Fastify from 'fastify';
import Stripe from 'stripe';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readmeBlocks } from '../../../scripts/readme-blocks.mjs';
import {
  createDevBilling,
  createSeatsAdmin,
  createSeatsHandler,
  createSeatsJobs,
  runEventDeliveries,
  type SeatsAdmin,
  type SeatsStore,
} from './index';
import { toNodeHandler } from './node';
import { createPgliteStore } from './pglite';
import { settleFromStripeEvent } from './stripe';

// The integration guide's code blocks, read from the READMEs: each one either runs here, extracted
// as it is written (only the names it leaves to the host are given to it), or is mirrored by the
// test named in `snippets`. A block added to a README without an entry fails the inventory.

const root = join(import.meta.dirname, '../../..');
const readmes = ['README.md', 'packages/server/README.md'] as const;

interface Block {
  file: (typeof readmes)[number];
  heading: string;
  language: string;
  code: string;
}

function blocksOf(file: Block['file']): Block[] {
  return readmeBlocks(join(root, file)).map((block) => ({ file, ...block }));
}

const blocks = readmes.flatMap(blocksOf);

type SeatsHandler = (request: Request) => Promise<Response>;

/** The block of `file` under `heading` whose code starts with `start`. */
function snippet(file: Block['file'], heading: string, start: string): string {
  const found = blocks.filter(
    (block) => block.file === file && block.heading === heading && block.code.startsWith(start),
  );
  if (found.length !== 1)
    throw new Error(`${found.length} blocks in ${file} § ${heading}: ${start}`);
  return (found[0] as Block).code;
}

/** Every block, by file, heading and first line, with where it is proven. */
const snippets: { file: Block['file']; heading: string; start: string; provenBy: string }[] = [
  {
    file: 'README.md',
    heading: 'The two commands',
    start: 'npx -y pnpm@10.34.9 install && npx -y pnpm@10.34.9 start',
    provenBy: 'a command: .ci/run',
  },
  {
    file: 'README.md',
    heading: 'The two commands',
    start: 'npx -y pnpm@10.34.9 install && npx -y pnpm@10.34.9 test',
    provenBy: 'a command: .ci/run',
  },
  {
    file: 'README.md',
    heading: 'Use it',
    start: "import { createSeatsHandler, lazyStore } from '@seats/server';",
    provenBy:
      'here, and scripts/install-check.mjs (lib/use-it.ts of the Next.js app, built and asked)',
  },
  {
    file: 'README.md',
    heading: 'Use it',
    start: "import { createSeatsClient } from '@seats/client';",
    provenBy: 'scripts/install-check.mjs (the Next.js app page, strict tsc and next build)',
  },
  {
    file: 'README.md',
    heading: 'From your users to a working widget',
    start: "import { AddUserGuard, seatsKeys } from '@seats/react';",
    provenBy:
      'scripts/install-check.mjs (run in Chromium in the Vite app; strict tsc and next build)',
  },
  {
    file: 'README.md',
    heading: 'Storybook',
    start: 'pnpm storybook',
    provenBy: 'a command: .ci/run',
  },
  {
    file: 'packages/server/README.md',
    heading: '@seats/server',
    start: 'npm install @seats/server',
    provenBy: 'scripts/install-check.mjs (npm install of the tarballs)',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Mount it',
    start: "import { createSeatsHandler, lazyStore } from '@seats/server';",
    provenBy:
      'here, and scripts/install-check.mjs (lib/seats.ts of the Next.js app, built and asked)',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Mount it',
    start: "import { createServer } from 'node:http';",
    provenBy: 'here',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Mount it',
    start: "app.use('/api/seats', toNodeHandler(seats));",
    provenBy: 'here',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Mount it',
    start: 'const handle = toNodeHandler(seats);',
    provenBy: 'here',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Mount it',
    start: "import { Hono } from 'hono';",
    provenBy: 'here',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Mount it',
    start: 'export { seats as DELETE',
    provenBy: 'here, and scripts/install-check.mjs (next build with Turbopack and webpack)',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Billing',
    start: 'interface BillingProvider {',
    provenBy: 'here',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Stripe',
    start: "import Stripe from 'stripe';",
    provenBy: 'here',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Stripe',
    start: 'const event = stripe.webhooks.constructEvent(',
    provenBy: 'here',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Stripe',
    start: "import { createStripeSubscriptionBilling } from '@seats/server/stripe';",
    provenBy: 'here, and create-stripe-subscription-billing.test.ts at the HTTP boundary',
  },
  {
    file: 'packages/server/README.md',
    heading: 'The period end: `tick`',
    start: 'const jobs = createSeatsJobs({ store, billing, onEvent });',
    provenBy: 'here',
  },
  {
    file: 'packages/server/README.md',
    heading: 'The period end: `tick`',
    start: '# every 5 minutes',
    provenBy: 'seats-command.test.ts (seats tick)',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Events and webhooks',
    start: 'const deliveries = {',
    provenBy: 'here',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Events and webhooks',
    start: "import { Webhook } from 'standardwebhooks';",
    provenBy: 'here',
  },
  {
    file: 'packages/server/README.md',
    heading: "Admin API: accounts and the host's users",
    start: "import { createSeatsAdmin } from '@seats/server';",
    provenBy: 'here',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Syncing users: on sign-up and nightly',
    start: 'const { outcome, member } = await admin.upsertMember(',
    provenBy: 'here',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Syncing users: on sign-up and nightly',
    start: 'const users = (await db.users.forTenant(',
    provenBy: 'here',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Over HTTP',
    start: "import { createSeatsAdminHandler } from '@seats/server';",
    provenBy: 'here',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Demo data and MSW',
    start: "import { setupServer } from 'msw/node';",
    provenBy: 'here',
  },
  {
    file: 'packages/server/README.md',
    heading: 'Scaling',
    start: "SELECT create_distributed_table('seats_accounts', 'id');",
    provenBy: 'account-keys.test.ts (every key includes the account)',
  },
];

/**
 * Runs a TypeScript snippet as written: its imports come from `modules`, the names it leaves to
 * the host from `scope`; answers what it declares at its top level.
 */
async function run(
  code: string,
  scope: Record<string, unknown>,
  modules: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const source = ts.createSourceFile('snippet.ts', code, ts.ScriptTarget.ES2022, true);
  const declared: string[] = [];
  let body = '';
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      if (!(from in modules)) throw new Error(`the snippet imports ${from}, which the test lacks`);
      const clause = statement.importClause;
      if (clause?.name !== undefined)
        body += `const ${clause.name.text} = __modules[${JSON.stringify(from)}].default;\n`;
      const bindings = clause?.namedBindings;
      if (bindings !== undefined && ts.isNamedImports(bindings)) {
        const names = bindings.elements.filter((element) => !element.isTypeOnly);
        body += `const { ${names
          .map((element) =>
            element.propertyName === undefined
              ? element.name.text
              : `${element.propertyName.text}: ${element.name.text}`,
          )
          .join(', ')} } = __modules[${JSON.stringify(from)}];\n`;
      }
      continue;
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      if (!(from in modules))
        throw new Error(`the snippet exports from ${from}, which the test lacks`);
      const names = (statement.exportClause as ts.NamedExports).elements.map((element) => {
        declared.push(element.name.text);
        return `${(element.propertyName ?? element.name).text}: ${element.name.text}`;
      });
      body += `const { ${names.join(', ')} } = __modules[${JSON.stringify(from)}];\n`;
      continue;
    }
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        declared.push(...namesOf(declaration.name));
    }
    if (ts.isFunctionDeclaration(statement) && statement.name !== undefined)
      declared.push(statement.name.text);
    body += `${statement.getFullText(source)}\n`;
  }
  const javascript = ts.transpileModule(body, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  const withoutExports = javascript.replace(/^export (const|function|let|class) /gm, '$1 ');
  const AsyncFunction = (async () => {}).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<Record<string, unknown>>;
  const names = Object.keys(scope);
  const execute = new AsyncFunction(
    '__modules',
    ...names,
    `${withoutExports}\nreturn { ${declared.join(', ')} };`,
  );
  return execute(modules, ...names.map((name) => scope[name]));
}

function namesOf(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) =>
    ts.isOmittedExpression(element) ? [] : namesOf(element.name),
  );
}

async function listening(server: import('node:http').Server) {
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  return (server.address() as { port: number }).port;
}

const monthStart = (months: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + months, 1)).toISOString();
};

const serverModules = async () => ({
  '@seats/server': await import('./index'),
  '@seats/server/pglite': await import('./pglite'),
  '@seats/server/node': await import('./node'),
  '@seats/server/stripe': await import('./stripe'),
  '@seats/server/msw': await import('./msw'),
});

let store: SeatsStore;
let admin: SeatsAdmin;
let seats: SeatsHandler;
const dataDirs: string[] = [];
const tenantId = 'acme';

beforeAll(async () => {
  store = await createPgliteStore();
  admin = createSeatsAdmin({ store });
  await admin.createAccount({
    id: tenantId,
    name: 'Acme',
    plan: 'Team',
    currency: 'USD',
    billingPeriod: { start: monthStart(0), end: monthStart(1) },
    contract: { kind: 'self-serve' },
    policy: 'delta-upgrade-at-limit',
    pools: [
      { id: 'users', name: 'User licences', term: 'monthly', purchased: 5, unitPrice: 4_900 },
    ],
  });
  seats = createSeatsHandler({
    store,
    billing: createDevBilling(),
    basePath: '/api/seats',
    recoverOnStart: false,
    identify: () => ({ accountId: tenantId, memberId: null, role: 'owner' }),
  });
});

afterAll(async () => {
  await store?.close();
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder in place of the README's `./.data/seats`, so the test writes nothing in the repository. */
function withDataDir(code: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'seats-readme-'));
  dataDirs.push(dir);
  expect(code).toContain("'./.data/seats'");
  return code.replace("'./.data/seats'", JSON.stringify(join(dir, 'seats')));
}

describe('the README inventory', () => {
  it('names where every code block of the integration guide is proven', () => {
    const listed = blocks.map((block) => {
      const entry = snippets.find(
        (candidate) =>
          candidate.file === block.file &&
          candidate.heading === block.heading &&
          block.code.startsWith(candidate.start),
      );
      return `${block.file} § ${block.heading}: ${entry?.provenBy ?? 'NOT PROVEN'}`;
    });
    expect(listed.filter((line) => line.endsWith('NOT PROVEN'))).toEqual([]);
    expect(listed).toHaveLength(snippets.length);
  });
});

describe('README.md', () => {
  it('Use it: the handler answers the host identify says is calling', async () => {
    const user = { current: null as null | { id: string; tenantId: string; role: string } };
    const { seats: handler } = await run(
      withDataDir(
        snippet(
          'README.md',
          'Use it',
          "import { createSeatsHandler, lazyStore } from '@seats/server';",
        ),
      ),
      { billing: createDevBilling(), currentUser: async () => user.current },
      await serverModules(),
    );
    const mounted = handler as SeatsHandler;
    const ask = (path: string) => mounted(new Request(`http://host.test/api/seats${path}`));
    expect((await ask('/v1/health')).status).toBe(200);
    expect((await ask('/v1/summary')).status).toBe(401);
    user.current = { id: 'u1', tenantId: 'not-provisioned', role: 'owner' };
    const missing = await ask('/v1/summary');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'account_not_found' });
  });
});

describe('packages/server/README.md', () => {
  const file = 'packages/server/README.md';

  it('Mount it: the handler over a lazy PGlite store, with the host session', async () => {
    const session = { current: null as null | { id: string; tenantId: string; role: string } };
    const { seats: handler } = await run(
      withDataDir(
        snippet(file, 'Mount it', "import { createSeatsHandler, lazyStore } from '@seats/server';"),
      ),
      { billing: createDevBilling(), sessionUser: async () => session.current },
      await serverModules(),
    );
    const mounted = handler as SeatsHandler;
    expect((await mounted(new Request('http://host.test/api/seats/v1/health'))).status).toBe(200);
    expect((await mounted(new Request('http://host.test/api/seats/v1/summary'))).status).toBe(401);
  });

  it('Mount it: node:http through toNodeHandler', async () => {
    const servers: import('node:http').Server[] = [];
    const http = await import('node:http');
    const code = snippet(file, 'Mount it', "import { createServer } from 'node:http';");
    // Port 0 in place of 3000: the machine may have something on 3000.
    await run(
      code.replace('listen(3000', 'listen(0'),
      { seats },
      {
        ...(await serverModules()),
        'node:http': {
          createServer: (...args: Parameters<typeof http.createServer>) => {
            const server = http.createServer(...args);
            servers.push(server);
            return server;
          },
        },
      },
    );
    const [server] = servers;
    if (server === undefined) throw new Error('the snippet created no server');
    try {
      const port = await listening(server);
      const summary = await fetch(`http://127.0.0.1:${port}/api/seats/v1/summary`);
      expect(summary.status).toBe(200);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('Mount it: Express, with a JSON body parser in front', async () => {
    const app = express();
    app.use(express.json());
    await run(snippet(file, 'Mount it', "app.use('/api/seats', toNodeHandler(seats));"), {
      app,
      seats,
      toNodeHandler,
    });
    const server = app.listen(0, '127.0.0.1');
    try {
      const port = await listening(server);
      const created = await fetch(`http://127.0.0.1:${port}/api/seats/v1/members`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Express',
          email: 'express@acme.example',
          status: 'inactive',
          role: 'member',
        }),
      });
      expect(created.status).toBe(201);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('Mount it: Fastify, its body left for the kit', async () => {
    const app = Fastify();
    await run(snippet(file, 'Mount it', 'const handle = toNodeHandler(seats);'), {
      app,
      seats,
      toNodeHandler,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const port = (app.server.address() as { port: number }).port;
      const created = await fetch(`http://127.0.0.1:${port}/api/seats/v1/members`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Fastify',
          email: 'fastify@acme.example',
          status: 'inactive',
          role: 'member',
        }),
      });
      expect(created.status).toBe(201);
    } finally {
      await app.close();
    }
  });

  it('Mount it: Hono', async () => {
    const { app } = await run(
      snippet(file, 'Mount it', "import { Hono } from 'hono';"),
      { seats },
      { hono: await import('hono') },
    );
    const answer = await (app as import('hono').Hono).request('/api/seats/v1/summary');
    expect(answer.status).toBe(200);
  });

  it('Mount it: a Next.js route exports the handler for each method', async () => {
    const route = await run(
      snippet(file, 'Mount it', 'export { seats as DELETE'),
      {},
      { '@/lib/seats': { seats } },
    );
    expect(Object.keys(route).sort()).toEqual(['DELETE', 'GET', 'PATCH', 'POST']);
    const GET = route.GET as SeatsHandler;
    expect((await GET(new Request('http://host.test/api/seats/v1/summary'))).status).toBe(200);
  });

  it('Billing: every member the README names is one of the exported types', () => {
    const membersOf = (sourceFile: ts.SourceFile) => {
      const found = new Map<string, Set<string>>();
      for (const statement of sourceFile.statements) {
        if (!ts.isInterfaceDeclaration(statement) && !ts.isTypeAliasDeclaration(statement))
          continue;
        const names = new Set<string>();
        const visit = (node: ts.Node) => {
          if ((ts.isPropertySignature(node) || ts.isMethodSignature(node)) && node.name)
            names.add(node.name.getText(sourceFile));
          ts.forEachChild(node, visit);
        };
        visit(statement);
        found.set(statement.name.text, names);
      }
      return found;
    };
    const parse = (name: string, text: string) =>
      ts.createSourceFile(name, text, ts.ScriptTarget.ES2022, true);
    const readme = membersOf(
      parse('readme.ts', snippet(file, 'Billing', 'interface BillingProvider {')),
    );
    const source = membersOf(
      parse('billing.ts', readFileSync(join(import.meta.dirname, 'billing-provider.ts'), 'utf8')),
    );
    expect([...readme.keys()]).toEqual([
      'BillingProvider',
      'BillingRequest',
      'BillingResult',
      'SubscriptionBillingProvider',
      'SubscriptionPreviewRequest',
      'SetQuantityRequest',
    ]);
    for (const [name, names] of readme) {
      const actual = source.get(name);
      expect(actual, name).toBeDefined();
      for (const member of names) expect(actual?.has(member), `${name}.${member}`).toBe(true);
    }
  });

  it('Stripe: the billing, jobs and webhook endpoint, which refuses an unsigned event', async () => {
    vi.stubEnv('STRIPE_SECRET_KEY', 'sk_test_readme');
    vi.stubEnv('STRIPE_WEBHOOK_SECRET', 'whsec_readme');
    try {
      const declared = await run(
        snippet(file, 'Stripe', "import Stripe from 'stripe';"),
        {
          store,
          identify: () => null,
          db: { account: async () => ({ stripeCustomerId: 'cus_readme' }) },
        },
        { ...(await serverModules()), stripe: { default: Stripe } },
      );
      expect(Object.keys(declared).sort()).toEqual([
        'billing',
        'jobs',
        'seats',
        'stripe',
        'stripeWebhook',
      ]);
      const webhook = declared.stripeWebhook as SeatsHandler;
      const unsigned = await webhook(
        new Request('http://host.test/stripe/webhook', { method: 'POST', body: '{}' }),
      );
      expect(unsigned.status).toBe(400);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('Stripe: the subscription-quantity mode maps each pool to its subscription item', async () => {
    const declared = await run(
      snippet(
        file,
        'Stripe',
        "import { createStripeSubscriptionBilling } from '@seats/server/stripe';",
      ),
      {
        store,
        identify: () => null,
        stripe: new Stripe('sk_test_readme'),
        db: {
          account: async () => ({
            stripeSubscriptionId: 'sub_readme',
            stripeItems: { users: 'si_readme' },
          }),
        },
      },
      await serverModules(),
    );
    expect(Object.keys(declared).sort()).toEqual(['billedByStripe', 'subscriptionBilling']);
    expect((declared.subscriptionBilling as { mode: string }).mode).toBe('subscription-quantity');
  });

  it('Stripe: a verified event of its own route settles through settleFromStripeEvent', async () => {
    const stripe = new Stripe('sk_test_readme');
    const secret = 'whsec_readme';
    const rawBody = JSON.stringify({
      id: 'evt_readme',
      object: 'event',
      type: 'customer.created',
      data: { object: { id: 'cus_readme', object: 'customer' } },
    });
    const header = stripe.webhooks.generateTestHeaderString({ payload: rawBody, secret });
    const settled: unknown[] = [];
    const { event } = await run(
      snippet(file, 'Stripe', 'const event = stripe.webhooks.constructEvent('),
      {
        stripe,
        rawBody,
        secret,
        request: { headers: { 'stripe-signature': header } },
        jobs: createSeatsJobs({ store, billing: createDevBilling() }),
        settleFromStripeEvent: async (...args: Parameters<typeof settleFromStripeEvent>) => {
          const result = await settleFromStripeEvent(...args);
          settled.push(result);
          return result;
        },
      },
    );
    expect(event).toMatchObject({ id: 'evt_readme', type: 'customer.created' });
    expect(settled).toEqual([expect.objectContaining({ settled: 'ignored' })]);
  });

  it('The period end: jobs.tick() reports what it did', async () => {
    const { report } = await run(
      snippet(
        file,
        'The period end: `tick`',
        'const jobs = createSeatsJobs({ store, billing, onEvent });',
      ),
      { store, billing: createDevBilling(), onEvent: () => {}, createSeatsJobs },
    );
    expect(report).toMatchObject({ accountsAdvanced: 0 });
  });

  it('Events and webhooks: deliveries to a webhook and a subscriber, in the handler or a worker', async () => {
    vi.stubEnv('SEATS_WEBHOOK_SECRET', `whsec_${Buffer.from('readme-secret').toString('base64')}`);
    // A store of its own, with no events, so that no delivery leaves the machine.
    const empty = await createPgliteStore();
    const controller = new AbortController();
    controller.abort();
    try {
      const { deliveries, jobs } = await run(
        snippet(file, 'Events and webhooks', 'const deliveries = {'),
        {
          store: empty,
          billing: createDevBilling(),
          identify: () => null,
          ledger: { record: async () => {} },
          signal: controller.signal,
          createSeatsHandler,
          createSeatsJobs,
          runEventDeliveries,
        },
      );
      expect(deliveries).toMatchObject({
        webhooks: [{ id: 'crm' }],
        subscribers: [{ id: 'ledger' }],
      });
      expect(await (jobs as ReturnType<typeof createSeatsJobs>).deliver()).toMatchObject({
        claimed: 0,
      });
    } finally {
      vi.unstubAllEnvs();
      await empty.close();
    }
  });

  it('Events and webhooks: the receiving side verifies the signature on the raw body', async () => {
    const secret = `whsec_${Buffer.from('readme-secret').toString('base64')}`;
    vi.stubEnv('SEATS_WEBHOOK_SECRET', secret);
    const app = express();
    const standardwebhooks = await import('standardwebhooks');
    try {
      await run(
        snippet(file, 'Events and webhooks', "import { Webhook } from 'standardwebhooks';"),
        { app, express },
        { standardwebhooks },
      );
      const server = app.listen(0, '127.0.0.1');
      try {
        const port = await listening(server);
        const body = JSON.stringify({ type: 'seat.claimed', timestamp: '', data: { id: 'evt_1' } });
        const timestamp = new Date();
        const signature = new standardwebhooks.Webhook(secret).sign('evt_1', timestamp, body);
        const send = (signed: string) =>
          fetch(`http://127.0.0.1:${port}/seats`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'webhook-id': 'evt_1',
              'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
              'webhook-signature': signed,
            },
            body,
          });
        expect((await send(signature)).status).toBe(204);
        expect((await send('v1,Zm9yZ2Vk')).status).not.toBe(204);
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('Admin API: provisions a tenant, its pools and a sales deal, then erases it', async () => {
    const { admin: declared } = await run(
      snippet(
        file,
        "Admin API: accounts and the host's users",
        "import { createSeatsAdmin } from '@seats/server';",
      ),
      {
        store,
        tenant: { id: 'readme-tenant', name: 'Readme Tenant' },
        monthStart: monthStart(0),
        nextMonthStart: monthStart(1),
      },
      await serverModules(),
    );
    expect(await (declared as SeatsAdmin).getAccount('readme-tenant')).toBeNull();
  });

  it('Syncing users: on sign-up, one upsert; again, unchanged', async () => {
    const code = snippet(
      file,
      'Syncing users: on sign-up and nightly',
      'const { outcome, member } = await admin.upsertMember(',
    );
    const scope = {
      admin,
      tenant: { id: tenantId },
      user: {
        id: 'u-signup',
        name: 'Sign Up',
        email: 'signup@acme.example',
        active: true,
        role: 'member',
      },
    };
    const first = await run(code, scope);
    expect(first).toMatchObject({ outcome: 'created', member: { externalId: 'u-signup' } });
    expect(await run(code, scope)).toMatchObject({ outcome: 'unchanged' });
  });

  it('Syncing users: nightly, a dry run then the reconcile, refusals told to the admins', async () => {
    const hostUsers = [1, 2, 3, 4, 5, 6, 7].map((number) => ({
      id: `night-${number}`,
      name: `Night ${number}`,
      email: `night.${number}@acme.example`,
      status: 'active',
      role: 'member',
    }));
    const notices: string[] = [];
    const code = snippet(
      file,
      'Syncing users: on sign-up and nightly',
      'const users = (await db.users.forTenant(',
    );
    const scope = {
      admin,
      tenant: { id: tenantId },
      db: { users: { forTenant: async () => hostUsers } },
      notifyAdmins: (message: string) => notices.push(message),
    };
    const { preview, diff } = await run(code, scope);
    expect(preview).toMatchObject({ dryRun: true });
    expect(diff).toMatchObject({ dryRun: false });
    // Five licences: the seven users get five, the other two are refused and the admins told.
    expect((diff as { created: unknown[] }).created).toHaveLength(5);
    expect(notices).toHaveLength(2);
    expect((await admin.getAccount(tenantId))?.usedByPool).toEqual({ users: 5 });
    const again = await run(code, { ...scope, notifyAdmins: () => {} });
    expect(again.diff).toMatchObject({ created: [], updated: [], deactivated: [], unchanged: 5 });
  });

  it('Over HTTP: the admin handler behind a bearer token', async () => {
    vi.stubEnv('SEATS_ADMIN_TOKEN', 'readme-token');
    try {
      const { adminHandler } = await run(
        snippet(file, 'Over HTTP', "import { createSeatsAdminHandler } from '@seats/server';"),
        { admin },
        { ...(await serverModules()), 'node:crypto': await import('node:crypto') },
      );
      const handler = adminHandler as SeatsHandler;
      const url = `http://host.test/api/seats/admin/v1/accounts/${tenantId}`;
      expect((await handler(new Request(url))).status).toBe(401);
      const wrong = { authorization: 'Bearer wrong-token!' };
      expect((await handler(new Request(url, { headers: wrong }))).status).toBe(403);
      const right = { authorization: 'Bearer readme-token' };
      expect((await handler(new Request(url, { headers: right }))).status).toBe(200);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('Demo data and MSW: the API answered inside MSW in Node', async () => {
    const { server } = await run(
      snippet(file, 'Demo data and MSW', "import { setupServer } from 'msw/node';"),
      {},
      { ...(await serverModules()), 'msw/node': await import('msw/node') },
    );
    try {
      const health = await fetch('http://localhost/api/seats/v1/health');
      expect(health.status).toBe(200);
    } finally {
      (server as { close(): void }).close();
    }
  });
});
