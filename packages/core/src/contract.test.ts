import { describe, expect, it } from 'vitest';
import {
  AccountSchema,
  AccountUsageSchema,
  AllowancePlanSchema,
  ChangeRequestSchema,
  CreateMemberRequestSchema,
  MoneySchema,
  NeedsLicenceSchema,
  PlanIssueSchema,
  PoolSchema,
  ProblemSchema,
  QuoteRequestSchema,
  SeatPolicySchema,
  UpdateMemberRequestSchema,
} from './contract';
import {
  type Account,
  type AllowancePlanDecision,
  decideMemberChange,
  describeUsage,
  type Pool,
  type PresetName,
  planAllowanceChange,
  planRestore,
  presets,
  type SeatPolicy,
} from './index';

const now = '2026-11-16T08:30:00.000Z';
const account: Account = {
  id: 'acct',
  name: 'Wire Ltd',
  plan: 'Customer Journey Plan',
  currency: 'EUR',
  billingPeriod: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
  contract: {
    kind: 'contracted',
    start: '2026-01-01T00:00:00.000Z',
    end: '2028-01-01T00:00:00.000Z',
  },
  storageUsedBytes: 25_000_000_000,
};
const selfServe: Account = { ...account, contract: { kind: 'self-serve' } };
const pools: Pool[] = [
  {
    id: 'contracted',
    name: 'Contracted',
    term: 'contracted',
    purchased: 5,
    scheduledRemoval: 0,
    pendingSignature: 1,
    unitPrice: 4_500,
    storagePerLicenceBytes: 20_000_000_000,
  },
  {
    id: 'monthly',
    name: 'Monthly',
    term: 'monthly',
    purchased: 4,
    scheduledRemoval: 1,
    pendingSignature: 0,
    unitPrice: 5_500,
    storagePerLicenceBytes: 20_000_000_000,
    min: 1,
    max: 50,
  },
  {
    id: 'daily',
    name: 'Daily',
    term: 'daily',
    purchased: 2,
    scheduledRemoval: 0,
    pendingSignature: 0,
    unitPrice: 300,
  },
  {
    id: 'add-on',
    name: 'Add-on',
    term: 'add-on',
    purchased: 1,
    scheduledRemoval: 0,
    pendingSignature: 0,
    unitPrice: 999,
  },
];
const usedByPool = { contracted: 6, monthly: 3, daily: 1 };
const presetNames = Object.keys(presets) as PresetName[];
const admin = (policy: SeatPolicy) => policy.permissions.changeAllowance[0] ?? 'owner';

/** Every plan and refusal a preset can produce over the fixture's pools. */
function decisionsOf(policy: SeatPolicy): AllowancePlanDecision[] {
  const decisions: AllowancePlanDecision[] = [];
  for (const target of [account, selfServe]) {
    for (const pool of pools) {
      const used = usedByPool[pool.id as keyof typeof usedByPool] ?? 0;
      const input = { account: target, pool, used, policy, viewerRole: admin(policy), now };
      for (const request of [
        { poolId: pool.id, delta: 2 },
        { poolId: pool.id, delta: -1 },
        { poolId: pool.id, total: 0 },
        { poolId: pool.id, total: pool.purchased - pool.scheduledRemoval },
        { poolId: pool.id, delta: 0.5 },
      ]) {
        decisions.push(planAllowanceChange({ ...input, request }));
      }
      decisions.push(planRestore({ ...input, quantity: 1 }));
    }
  }
  decisions.push(
    planAllowanceChange({
      account,
      pool: undefined,
      used: 0,
      policy,
      viewerRole: admin(policy),
      request: { poolId: 'nope', delta: 1 },
      now,
    }),
  );
  return decisions;
}

describe('the contract schemas', () => {
  describe.each(presetNames)('with the %s preset', (name) => {
    const policy = presets[name];

    it('parse the policy, the account and the pools', () => {
      expect(SeatPolicySchema.parse(policy)).toEqual(policy);
      expect(AccountSchema.parse(account)).toEqual(account);
      for (const pool of pools) expect(PoolSchema.parse(pool)).toEqual(pool);
    });

    it('parse the usage as every role sees it', () => {
      for (const viewerRole of policy.roles) {
        const usage = describeUsage({ account, pools, usedByPool, policy, viewerRole });
        expect(AccountUsageSchema.parse(usage)).toEqual(usage);
      }
    });

    it('parse every plan and every plan issue', () => {
      const decisions = decisionsOf(policy);
      const planned = decisions.filter((decision) => decision.status === 'planned');
      const invalid = decisions.filter((decision) => decision.status === 'invalid');
      expect(planned.length).toBeGreaterThan(0);
      expect(invalid.length).toBeGreaterThan(0);
      for (const decision of planned) {
        expect(AllowancePlanSchema.parse(decision.plan)).toEqual(decision.plan);
      }
      for (const decision of invalid) {
        for (const issue of decision.issues) expect(PlanIssueSchema.parse(issue)).toEqual(issue);
      }
    });

    it('parse the decision to refuse a member for lack of a licence, with its remedies', () => {
      for (const viewerRole of policy.permissions.manageMembers) {
        const usage = describeUsage({ account, pools, usedByPool, policy, viewerRole });
        const decision = decideMemberChange({
          policy,
          usage,
          before: null,
          after: {
            status: policy.consumingStatuses[0] ?? 'active',
            role: policy.roles.find((role) => !policy.nonConsumingRoles.includes(role)) ?? 'owner',
            poolId: 'contracted',
          },
        });
        if (decision.outcome !== 'needs-licence') throw new Error(decision.outcome);
        expect(NeedsLicenceSchema.parse(decision)).toEqual(decision);
      }
    });
  });

  describe('reject wrong shapes', () => {
    const usage = describeUsage({
      account,
      pools,
      usedByPool,
      policy: presets['signed-contract-licence-types'],
      viewerRole: 'owner-manager',
    });
    const planned = planAllowanceChange({
      account: selfServe,
      pool: pools[1],
      used: 3,
      policy: presets['scheduled-removal-with-restore'],
      viewerRole: 'office-admin',
      request: { poolId: 'monthly', delta: 2 },
      now,
    });
    if (planned.status !== 'planned') throw new Error(planned.status);
    const plan = planned.plan;

    it.each([
      ['an unknown state', { ...usage, state: 'empty' }],
      ['a negative count', { ...usage, used: -1 }],
      ['a fractional count', { ...usage, available: 1.5 }],
      ['a date that is not ISO-8601', { ...usage, renewsAt: '1 December 2026' }],
      ['a missing viewer', { ...usage, viewer: undefined }],
      [
        'an unknown change availability',
        { ...usage, pools: [{ ...usage.pools[0], adjust: 'maybe' }] },
      ],
    ])('refuses a usage with %s', (_what, value) => {
      expect(AccountUsageSchema.safeParse(value).success).toBe(false);
    });

    it.each([
      ['a fractional amount due now', { ...plan, dueNow: { amount: 0.5, currency: 'EUR' } }],
      ['a lower-case currency', { ...plan, dueNow: { amount: 1, currency: 'eur' } }],
      ['an unknown kind', { ...plan, kind: 'swap' }],
      ['a negative number added', { ...plan, added: -1 }],
      [
        'a restore line that costs something',
        { ...plan, lines: [{ kind: 'restore', quantity: 1, amount: 5 }] },
      ],
      ['an unknown result', { ...plan, result: 'maybe' }],
      ['an unknown confirmation', { ...plan, confirmations: ['fingerprint'] }],
    ])('refuses a plan with %s', (_what, value) => {
      expect(AllowancePlanSchema.safeParse(value).success).toBe(false);
    });

    it('refuses an amount of money that is not whole minor units', () => {
      expect(MoneySchema.safeParse({ amount: 12.5, currency: 'EUR' }).success).toBe(false);
      expect(MoneySchema.safeParse({ amount: 12, currency: 'EURO' }).success).toBe(false);
      expect(MoneySchema.safeParse({ amount: -12, currency: 'JPY' }).success).toBe(true);
    });
  });

  describe('QuoteRequestSchema', () => {
    it.each([
      { poolId: 'seats', delta: 2 },
      { poolId: 'seats', delta: -3 },
      { poolId: 'seats', total: 12 },
      { poolId: 'seats', total: 0 },
    ])('accepts %j', (request) => {
      expect(QuoteRequestSchema.parse(request)).toEqual(request);
    });

    it.each([
      ['a fractional delta', { poolId: 'seats', delta: 1.5 }],
      ['a fractional total', { poolId: 'seats', total: 10.25 }],
      ['a numeric string', { poolId: 'seats', delta: '2' }],
      ['not a number', { poolId: 'seats', total: Number.NaN }],
      ['an unknown field', { poolId: 'seats', delta: 2, price: 0 }],
      ['both a delta and a total', { poolId: 'seats', delta: 2, total: 12 }],
      ['neither a delta nor a total', { poolId: 'seats' }],
      ['an empty pool id', { poolId: '', delta: 2 }],
      ['a delta beyond a million', { poolId: 'seats', delta: 1_000_001 }],
      ['a total below minus a million', { poolId: 'seats', total: -1_000_001 }],
    ])('rejects %s', (_what, request) => {
      expect(QuoteRequestSchema.safeParse(request).success).toBe(false);
    });
  });

  describe('member and change requests', () => {
    it('reject unknown fields and malformed e-mail addresses', () => {
      const member = { name: 'Ada', email: 'ada@example.com', status: 'active', role: 'member' };
      expect(CreateMemberRequestSchema.safeParse(member).success).toBe(true);
      expect(CreateMemberRequestSchema.safeParse({ ...member, admin: true }).success).toBe(false);
      expect(CreateMemberRequestSchema.safeParse({ ...member, email: 'ada' }).success).toBe(false);
      expect(UpdateMemberRequestSchema.safeParse({ status: 'inactive' }).success).toBe(true);
      expect(UpdateMemberRequestSchema.safeParse({ consumes: false }).success).toBe(false);
      expect(ChangeRequestSchema.safeParse({ quoteId: 'q1' }).success).toBe(true);
      expect(
        ChangeRequestSchema.safeParse({ quoteId: 'q1', confirmations: { signature: 'x' } }).success,
      ).toBe(false);
    });

    it('accept a problem document only with a known error code', () => {
      const problem = {
        type: 'about:blank',
        title: 'No licence available',
        status: 409,
        code: 'no_licence_available',
        requestId: 'req-1',
      };
      expect(ProblemSchema.safeParse(problem).success).toBe(true);
      expect(ProblemSchema.safeParse({ ...problem, code: 'teapot' }).success).toBe(false);
    });
  });
});
