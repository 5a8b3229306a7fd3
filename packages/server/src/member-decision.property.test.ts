import type { FullSummary } from '@seats/client';
import {
  createSeatsClient,
  ForbiddenError,
  InvalidRequestError,
  NoLicenceAvailableError,
  type SeatsClient,
} from '@seats/client';
import {
  type Account,
  decideConsumption,
  decideMemberChange,
  type MemberAssignment,
  type MemberChangeDecision,
  type Pool,
  presets,
  type SeatPolicy,
} from '@seats/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeatsHandler, type SeatsStore } from './index';
import { createPgliteStore } from './pglite';

// What a browser decides from the summary it was served (core's decideMemberChange, as the guard
// and the hooks run it) is what the server answers to the same write, for random accounts,
// policies, members and writes. Viewers are the roles that see licences: the others are served no
// usage to decide with. fast-check prints the seed and the shrunk case on failure.

const now = '2026-11-10T12:00:00.000Z';
let store: SeatsStore;
let handler: (request: Request) => Promise<Response>;
let accounts = 0;

beforeAll(async () => {
  store = await createPgliteStore();
  handler = createSeatsHandler({
    store,
    clock: () => new Date(now),
    identify: (request) => ({
      accountId: request.headers.get('x-account') as string,
      memberId: null,
      role: request.headers.get('x-role') as string,
    }),
  });
});

afterAll(() => store.close());

const as = (accountId: string, role: string): SeatsClient =>
  createSeatsClient({
    baseUrl: 'http://seats.test',
    fetch: (input, init) => handler(new Request(input, init)),
    headers: { 'x-account': accountId, 'x-role': role },
  });

type Outcome = MemberChangeDecision['outcome'];

/** The server's answer to a write, as the outcome core names, with what it says of a shortfall. */
async function answerOf(write: Promise<unknown>): Promise<{ outcome: Outcome; detail: unknown }> {
  try {
    await write;
    return { outcome: 'allowed', detail: null };
  } catch (error) {
    if (error instanceof NoLicenceAvailableError)
      return { outcome: 'needs-licence', detail: error.decision };
    if (error instanceof ForbiddenError) return { outcome: 'forbidden', detail: null };
    if (error instanceof InvalidRequestError) {
      return {
        outcome: 'invalid',
        detail: error.fieldErrors.map((field) => field.field).sort(),
      };
    }
    throw error;
  }
}

const scenario = fc
  .record({
    policy: fc.constantFrom(...Object.values(presets)),
    pools: fc.array(
      fc
        .record({ purchased: fc.integer({ min: 0, max: 4 }), scheduled: fc.nat(4) })
        .map(({ purchased, scheduled }) => ({
          purchased,
          scheduled: Math.min(purchased, scheduled),
        })),
      { minLength: 1, maxLength: 3 },
    ),
    members: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 8 }),
    viewer: fc.nat(),
    target: fc.option(fc.nat(), { nil: null }),
    after: fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -2, max: 5 })),
  })
  .filter(({ policy }) => policy.permissions.viewLicences.length > 0);

/** The `index`th item of a list, wrapping around. */
const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

function assignmentOf(
  policy: SeatPolicy,
  pools: Pool[],
  [status, role, pool]: [number, number, number],
): MemberAssignment {
  return {
    status: pick(policy.statuses, status),
    role: pick(policy.roles, role),
    // -2: a pool the account does not have; -1: none; otherwise one of the account's pools.
    poolId: pool === -2 ? 'no-such-pool' : pool === -1 ? null : pick(pools, pool).id,
  };
}

describe('a member write in the browser and on the server', () => {
  it('gets the same decision from the served summary as from the server', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (input) => {
        const { policy } = input;
        const accountId = `random-${++accounts}`;
        const pools: Pool[] = input.pools.map(({ purchased, scheduled }, index) => ({
          id: `pool-${index}`,
          name: `Pool ${index}`,
          term: 'monthly',
          purchased,
          scheduledRemoval: scheduled,
          pendingSignature: 0,
          unitPrice: 1_000,
        }));
        const account: Account = {
          id: accountId,
          name: 'Random',
          plan: 'Random plan',
          currency: 'EUR',
          billingPeriod: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
          contract: { kind: 'self-serve' },
        };
        const members = input.members.map(([status, role, pool], index) => {
          const assignment = assignmentOf(policy, pools, [
            status,
            role,
            (pool % (pools.length + 1)) - 1,
          ]);
          return {
            ...assignment,
            id: `${accountId}-m${index}`,
            name: `Member ${index}`,
            email: `m${index}@${accountId}.example`,
            consumes: decideConsumption(assignment, policy).consumes,
          };
        });
        await store.createAccount({ account, policy, pools, members, now });

        const role = pick(policy.permissions.viewLicences, input.viewer);
        const client = as(accountId, role);
        const summary = (await client.getSummary()) as FullSummary;
        const target =
          input.target === null || members.length === 0 ? null : pick(members, input.target);
        const after = assignmentOf(policy, pools, input.after);
        const browser = decideMemberChange({
          policy: summary.policy,
          usage: summary.usage,
          before: target,
          after,
        });

        const server = await answerOf(
          target === null
            ? client.createMember({ name: 'New', email: `new@${accountId}.example`, ...after })
            : client.updateMember(target.id, after),
        );
        expect(server.outcome).toBe(browser.outcome);
        if (browser.outcome === 'needs-licence') expect(server.detail).toEqual(browser);
        if (browser.outcome === 'invalid') {
          expect(server.detail).toEqual(browser.issues.map((issue) => issue.field).sort());
        }
        if (browser.outcome === 'allowed') {
          const usedAfter = Object.fromEntries(
            ((await client.getSummary()) as FullSummary).usage.pools.map((pool) => [
              pool.poolId,
              pool.used,
            ]),
          );
          const expected = Object.fromEntries(
            summary.usage.pools.map((pool) => [
              pool.poolId,
              pool.used +
                (browser.claims.includes(pool.poolId) ? 1 : 0) -
                (browser.releases.includes(pool.poolId) ? 1 : 0),
            ]),
          );
          expect(usedAfter).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
