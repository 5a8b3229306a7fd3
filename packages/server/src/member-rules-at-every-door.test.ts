import { ProblemSchema, ReconcileResultSchema } from '@seats/core/contract';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIdentify, seedDemoAccounts } from './demo';
import {
  AdminInputError,
  createDevBilling,
  createSeatsAdmin,
  createSeatsAdminHandler,
  createSeatsHandler,
  type SeatsAdmin,
  SeatsAdminError,
  type SeatsStore,
} from './index';
import {
  type AdminIntent,
  type Refusal,
  type RuleCase,
  ruleCases,
  type WidgetIntent,
} from './member-rules-at-every-door.test-cases';
import { createSeatsMsw, type SeatsMsw } from './msw';
import { createPgliteStore } from './pglite';
import { createPostgresStore } from './postgres';
import {
  announceSkippedPostgres,
  createPostgresTestSchema,
  testDatabaseUrl,
} from './postgres-test-schema';

announceSkippedPostgres('the member rules at every door');

const now = new Date('2026-03-10T12:00:00.000Z');
const clock = () => now;
const mswBase = 'http://doors.test/api/seats';
const newAccountId = 'doors-new-account';

/** What a door answered: a refusal as the host reads it, or that it accepted (with its status over HTTP). */
type Outcome =
  | { status?: number; code?: string; rule?: string; field?: string }
  | { accepted: number | true };

/** A field named inside a list (`users.0.poolId`, `members.0.poolId`) as the member's own. */
function memberField(field: string): string {
  return field.replace(/^(users|members)\.\d+\./, '');
}

async function outcomeOfResponse(response: Response): Promise<Outcome> {
  if (response.ok) return { accepted: response.status };
  const body: unknown = await response.json();
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = ProblemSchema.parse(body);
  const first = problem.errors?.[0];
  return {
    status: problem.status,
    code: problem.code,
    ...(first === undefined ? {} : { rule: first.code, field: memberField(first.field) }),
  };
}

/** The typed errors of the admin API in process, as the host reads them. */
function outcomeOfError(error: unknown): Outcome {
  if (error instanceof AdminInputError)
    return { code: 'validation_failed', rule: error.code, field: memberField(error.field) };
  if (error instanceof SeatsAdminError) {
    const issue = error.issues?.[0];
    return { code: error.code, ...(issue === undefined ? {} : { rule: issue.code }) };
  }
  throw error;
}

/** A reconcile refuses a user by listing it in `refused`; the others would still be written. */
function outcomeOfReconcile(result: unknown): Outcome {
  const refused = ReconcileResultSchema.parse(result).refused[0];
  return refused === undefined ? { accepted: true } : { code: refused.code };
}

/**
 * What a door answered, beside what it must answer: `status` is compared over HTTP only, `field`
 * where the case names one (an allowance change names `delta` in the widgets, `purchased` in the
 * admin API).
 */
function compared(outcome: Outcome, refusal: Refusal) {
  const { status, field, ...typed } = refusal;
  const want = {
    ...typed,
    ...('status' in outcome ? { status } : {}),
    ...(field === undefined ? {} : { field }),
  };
  if (field !== undefined || 'accepted' in outcome) return { seen: outcome, want };
  const { field: _ignored, ...seen } = outcome as { field?: string };
  return { seen, want };
}

/** One database a door writes through, and how to read it for "nothing changed". */
interface World {
  widget(accountId: string, intent: Omit<WidgetIntent, 'door'>): Promise<Response>;
  events(): number;
  reseed(): Promise<void>;
  /** The account a `createAccount` intent would create, which must not appear. */
  newAccount(): Promise<unknown>;
}

function widgetRequest(base: string, accountId: string, intent: Omit<WidgetIntent, 'door'>) {
  const headers: Record<string, string> = { 'x-seats-account': accountId };
  if (intent.role !== undefined) headers['x-seats-role'] = intent.role;
  if (intent.body !== undefined) headers['content-type'] = 'application/json';
  return new Request(`${base}/v1${intent.path}`, {
    method: intent.method,
    headers,
    ...(intent.body === undefined ? {} : { body: JSON.stringify(intent.body) }),
  });
}

/** The account as its admin sees it in the widgets: summary, every member, the events written. */
async function snapshot(world: World, accountId: string) {
  const read = async (path: string) =>
    (await world.widget(accountId, { method: 'GET', path })).json();
  return {
    summary: await read('/summary'),
    members: await read('/members?limit=200'),
    events: world.events(),
    newAccount: await world.newAccount(),
  };
}

/** One way in, and the database it writes to. */
interface Door {
  name: string;
  world: World;
  kind: 'widget' | 'admin';
  attempt(accountId: string, intent: WidgetIntent | AdminIntent): Promise<Outcome>;
}

/**
 * Tries the case's intent at every door that applies, each on the account as seeded (after the
 * case's `arrange`): every door must answer the case's refusal and leave the account as it found
 * it. One assertion over every door, so that a failure shows which door answered what.
 */
async function tryEveryDoor(ruleCase: RuleCase, doors: Door[]) {
  const worlds = [...new Set(doors.map((door) => door.world))];
  const arrange = async (world: World) => {
    for (const intent of ruleCase.arrange ?? [])
      expect((await world.widget(ruleCase.account, intent)).ok).toBe(true);
    return snapshot(world, ruleCase.account);
  };
  const seen: Record<string, unknown> = {};
  const want: Record<string, unknown> = {};
  try {
    const last = new Map<World, Awaited<ReturnType<typeof snapshot>>>();
    for (const world of worlds) last.set(world, await arrange(world));
    for (const door of doors) {
      const intents = door.kind === 'widget' ? ruleCase.widget : ruleCase.admin;
      if ('notApplicable' in intents) continue;
      for (const intent of intents) {
        const label = `${door.name}: ${describeIntent(intent)}`;
        const answer = compared(await door.attempt(ruleCase.account, intent), ruleCase.refusal);
        const before = last.get(door.world);
        const after = await snapshot(door.world, ruleCase.account);
        const changed = (Object.keys(after) as (keyof typeof after)[]).filter(
          (part) => JSON.stringify(after[part]) !== JSON.stringify(before?.[part]),
        );
        seen[label] = { ...answer.seen, changed };
        want[label] = { ...answer.want, changed: [] };
        // A door that let the intent through changed its database: seeded again for the next door.
        if (changed.length > 0) {
          await door.world.reseed();
          last.set(door.world, await arrange(door.world));
        }
      }
    }
    expect(seen).toEqual(want);
  } finally {
    if (ruleCase.arrange !== undefined) for (const world of worlds) await world.reseed();
  }
}

function describeIntent(intent: WidgetIntent | AdminIntent): string {
  return intent.door === 'widget' ? `${intent.method} ${intent.path}` : intent.op;
}

async function inProcess(
  admin: SeatsAdmin,
  accountId: string,
  intent: AdminIntent,
): Promise<Outcome> {
  try {
    switch (intent.op) {
      case 'upsertMember':
        await admin.upsertMember(accountId, intent.input);
        return { accepted: true };
      case 'reconcile':
        return outcomeOfReconcile(
          await admin.reconcile(accountId, intent.users, { missing: 'keep' }),
        );
      case 'createAccount':
        await admin.createAccount(intent.input);
        return { accepted: true };
      case 'updateAccount':
        await admin.updateAccount(accountId, intent.patch);
        return { accepted: true };
      case 'setPurchased':
        await admin.setPurchased(accountId, intent.poolId, {
          purchased: intent.purchased,
          actor: 'sales',
          reason: 'A deal',
        });
        return { accepted: true };
      case 'updatePool':
        await admin.updatePool(accountId, intent.poolId, intent.patch);
        return { accepted: true };
    }
  } catch (error) {
    return outcomeOfError(error);
  }
}

async function overHttp(
  handle: (request: Request) => Promise<Response>,
  accountId: string,
  intent: AdminIntent,
) {
  const send = (method: string, path: string, body: unknown) =>
    handle(
      new Request(`http://host.test/admin/v1/accounts${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: 'Bearer host' },
        body: JSON.stringify(body),
      }),
    );
  const account = `/${encodeURIComponent(accountId)}`;
  switch (intent.op) {
    case 'upsertMember':
      return outcomeOfResponse(await send('POST', `${account}/members`, intent.input));
    case 'reconcile': {
      const response = await send('POST', `${account}/reconcile`, {
        users: intent.users,
        missing: 'keep',
      });
      return response.ok ? outcomeOfReconcile(await response.json()) : outcomeOfResponse(response);
    }
    case 'createAccount':
      return outcomeOfResponse(await send('POST', '', intent.input));
    case 'updateAccount':
      return outcomeOfResponse(await send('PATCH', account, intent.patch));
    case 'setPurchased':
      return outcomeOfResponse(
        await send('PUT', `${account}/pools/${intent.poolId}/purchased`, {
          purchased: intent.purchased,
          actor: 'sales',
          reason: 'A deal',
        }),
      );
    case 'updatePool':
      return outcomeOfResponse(
        await send('PATCH', `${account}/pools/${intent.poolId}`, intent.patch),
      );
  }
}

const drivers: {
  name: string;
  skip: boolean;
  open: () => Promise<{ store: SeatsStore; dispose: () => Promise<void> }>;
}[] = [
  {
    name: 'PGlite',
    skip: false,
    async open() {
      const store = await createPgliteStore();
      return { store, dispose: () => store.close() };
    },
  },
  {
    name: 'PostgreSQL',
    skip: testDatabaseUrl === undefined,
    async open() {
      const schema = await createPostgresTestSchema(testDatabaseUrl as string);
      const store = await createPostgresStore({ pool: schema.pool(4) });
      return { store, dispose: () => schema.drop() };
    },
  },
];

let mock: SeatsMsw;
let mockServer: ReturnType<typeof setupServer>;
let mockWorld: World;

beforeAll(async () => {
  mock = await createSeatsMsw({ baseUrl: mswBase, clock });
  mockServer = setupServer(...mock.handlers);
  mockServer.listen({ onUnhandledRequest: 'error' });
  mockWorld = {
    widget: (accountId, intent) => fetch(widgetRequest(mswBase, accountId, intent)),
    events: () => mock.events().length,
    reseed: () => mock.reset(),
    newAccount: async () => null,
  };
});

afterAll(() => {
  mockServer.close();
});

for (const driver of drivers) {
  describe.skipIf(driver.skip)(`every member rule at every door, on ${driver.name}`, () => {
    let dispose: () => Promise<void>;
    let doors: Door[];

    beforeAll(async () => {
      const opened = await driver.open();
      const { store } = opened;
      dispose = opened.dispose;
      let events = 0;
      const onEvent = () => {
        events++;
      };
      const admin = createSeatsAdmin({ store, clock, onEvent });
      const adminHttp = createSeatsAdminHandler({
        admin,
        authorize: (request) => request.headers.get('authorization') === 'Bearer host',
      });
      const handle = createSeatsHandler({
        store,
        identify: demoIdentify,
        billing: createDevBilling(),
        clock,
        onEvent,
      });
      await seedDemoAccounts(store, { now });
      const world: World = {
        widget: (accountId, intent) => handle(widgetRequest('http://app.test', accountId, intent)),
        events: () => events,
        async reseed() {
          await store.clear();
          await seedDemoAccounts(store, { now });
        },
        newAccount: () => admin.getAccount(newAccountId),
      };
      const widgetDoor = (name: string, on: World): Door => ({
        name,
        world: on,
        kind: 'widget',
        attempt: async (accountId, intent) =>
          outcomeOfResponse(await on.widget(accountId, intent as WidgetIntent)),
      });
      doors = [
        widgetDoor('createSeatsHandler', world),
        {
          name: 'createSeatsAdmin',
          world,
          kind: 'admin',
          attempt: (accountId, intent) => inProcess(admin, accountId, intent as AdminIntent),
        },
        {
          name: 'createSeatsAdminHandler',
          world,
          kind: 'admin',
          attempt: (accountId, intent) => overHttp(adminHttp, accountId, intent as AdminIntent),
        },
        // The mock keeps its own PGlite database whichever the others use: tried once.
        ...(driver.name === 'PGlite' ? [widgetDoor('createSeatsMsw', mockWorld)] : []),
      ];
    });

    afterAll(async () => {
      await dispose();
    });

    for (const ruleCase of ruleCases) {
      for (const [kind, names] of [
        ['widget', 'createSeatsHandler and createSeatsMsw'],
        ['admin', 'createSeatsAdmin and createSeatsAdminHandler'],
      ] as const) {
        const intents = kind === 'widget' ? ruleCase.widget : ruleCase.admin;
        if ('notApplicable' in intents)
          it.skip(`${ruleCase.intent}: ${names} do not apply: ${intents.notApplicable}`);
      }
      it(`${ruleCase.rule}: every door refuses to ${ruleCase.intent}`, async () => {
        await tryEveryDoor(ruleCase, doors);
      });
    }
  });
}
