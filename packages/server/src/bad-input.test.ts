import { PGlite } from '@electric-sql/pglite';
import type { FullSummary, Summary } from '@seats/client';
import { createSeatsClient } from '@seats/client';
import { ProblemSchema } from '@seats/core/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badInputCases } from './bad-input.test-cases';
import { demoIdentify, seedDemoAccounts } from './demo';
import { createDevBilling, createSeatsHandler, type SeatsStore } from './index';
import { createPgliteStore } from './pglite';

/** The summary, checked to be the full one a role that may see licences gets. */
function full(summary: Summary): FullSummary {
  if (summary.access !== 'full')
    throw new Error(`Expected the full summary, got ${summary.access}.`);
  return summary;
}

const openCrm = 'total-with-terms-no-self-decrease';
const admin = { 'x-seats-account': openCrm, 'x-seats-role': 'System Admin' };

let db: PGlite;
let store: SeatsStore;
let handler: (request: Request) => Promise<Response>;
const ids: Record<string, string> = {};
let before: string;

/** Every row of every table of the store, read straight from the database. */
async function snapshot(): Promise<string> {
  const tables = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const dump: Record<string, string[]> = {};
  for (const { name } of tables.rows) {
    const rows = await db.query(`SELECT * FROM "${name}"`);
    dump[name] = rows.rows.map((row) => JSON.stringify(row)).sort();
  }
  return JSON.stringify(dump);
}

function fill(text: string): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => ids[name] ?? whole);
}

beforeAll(async () => {
  db = new PGlite();
  store = await createPgliteStore({ db });
  const now = new Date('2026-11-10T12:00:00.000Z');
  await seedDemoAccounts(store, { now });
  handler = createSeatsHandler({
    store,
    identify: demoIdentify,
    billing: createDevBilling(),
    clock: () => now,
  });
  const client = createSeatsClient({
    baseUrl: 'http://seats.test',
    fetch: (input, init) => handler(new Request(input, init)),
    headers: admin,
  });
  const dialpad = createSeatsClient({
    baseUrl: 'http://seats.test',
    fetch: (input, init) => handler(new Request(input, init)),
    headers: { 'x-seats-account': 'scheduled-removal-with-restore' },
  });

  // Ids the cases refer to: a member of this account and of another, an applied change, a quote
  // that went stale when that change was committed, the committed quote and its key, a fresh quote.
  ids.member = (await client.listMembers({ limit: 1 })).items[0]?.id as string;
  ids.otherMember = (await dialpad.listMembers({ limit: 1 })).items[0]?.id as string;
  const total = full(await client.getSummary()).usage.nextPeriod;
  ids.staleQuote = (await client.createQuote({ poolId: 'users', total: total + 1 })).id;
  const used = await client.createQuote({ poolId: 'users', total: total + 2 });
  const commit = client.prepareCommit({ quoteId: used.id, confirmations: { termsAccepted: true } });
  ids.change = (await commit.send()).id;
  ids.usedQuote = used.id;
  ids.usedKey = commit.key;
  ids.quote = (await client.createQuote({ poolId: 'users', total: total + 3 })).id;
  before = await snapshot();
}, 60_000);

afterAll(async () => {
  await store.close();
  await db.close();
});

describe('bad input', () => {
  it('has at least 60 cases', () => {
    expect(badInputCases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(badInputCases)(
    'refuses $title with $status $code and changes nothing',
    async (testCase) => {
      const headers = new Headers(admin);
      if (testCase.body !== undefined) headers.set('content-type', 'application/json');
      for (const [name, value] of Object.entries(testCase.headers ?? {})) {
        if (value === null) headers.delete(name);
        else headers.set(name, fill(value));
      }
      const body =
        testCase.body === undefined
          ? undefined
          : 'text' in testCase.body
            ? testCase.body.text
            : fill(JSON.stringify(testCase.body.json));
      const response = await handler(
        new Request(`http://seats.test${fill(testCase.path)}`, {
          method: testCase.method,
          headers,
          ...(body === undefined ? {} : { body }),
        }),
      );

      const problem = ProblemSchema.safeParse(await response.json());
      expect(problem.success ? problem.data : problem.error.issues).toMatchObject({
        status: testCase.status,
        code: testCase.code,
      });
      expect(response.status).toBe(testCase.status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(problem.data?.requestId).toMatch(/\S/);
      expect(response.headers.get('x-request-id')).toBe(problem.data?.requestId);
      expect(await snapshot()).toBe(before);
    },
  );
});
