import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Account,
  applyAllowancePlan,
  type ChangeAvailability,
  checkAllowanceBounds,
  checkAllowanceChange,
  definePolicy,
  describePool,
  describeUsage,
  type Pool,
  planAllowanceChange,
  planRestore,
  presets,
  resolvePermissions,
  type SeatPolicy,
} from './index';

const period = { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' };
const now = '2026-11-16T10:00:00.000Z';

const account = fc
  .record({
    contracted: fc.boolean(),
    endsWithPeriod: fc.boolean(),
  })
  .map(
    ({ contracted, endsWithPeriod }): Account => ({
      id: 'acct',
      name: 'Property Test Ltd',
      plan: 'Team',
      currency: 'EUR',
      billingPeriod: period,
      contract: contracted
        ? {
            kind: 'contracted',
            start: '2026-01-01T00:00:00.000Z',
            end: endsWithPeriod ? period.end : '2027-06-01T00:00:00.000Z',
          }
        : { kind: 'self-serve' },
    }),
  );

/** A preset, or a policy mixing every way of increasing, decreasing and confirming. */
const policy: fc.Arbitrary<SeatPolicy> = fc.oneof(
  fc.constantFrom(...Object.values(presets)),
  fc
    .record({
      increase: fc.constantFrom(
        { mode: 'self-serve' as const },
        { mode: 'refuse' as const, contact: 'Sales' },
      ),
      decrease: fc.constantFrom(
        { mode: 'refuse' as const, contact: 'Support' },
        { mode: 'immediate' as const },
        { mode: 'period-end' as const, restorable: true },
        { mode: 'period-end' as const, restorable: false },
      ),
      contractLocksDecrease: fc.constantFrom('contracted-pools' as const, 'all-pools' as const),
      atRenewal: fc.constantFrom('none' as const, 'decrease' as const),
      confirmation: fc.constantFrom('review' as const, 'terms' as const, 'e-signature' as const),
    })
    .map((options) => definePolicy(options)),
);

const pool = fc
  .record({
    term: fc.constantFrom('contracted' as const, 'monthly' as const, 'daily' as const),
    purchased: fc.integer({ min: 0, max: 30 }),
    scheduled: fc.integer({ min: 0, max: 30 }),
    pendingSignature: fc.integer({ min: 0, max: 3 }),
    min: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
    maxOver: fc.option(fc.integer({ min: -2, max: 4 }), { nil: undefined }),
  })
  .map(
    ({ term, purchased, scheduled, pendingSignature, min, maxOver }): Pool => ({
      id: 'pool',
      name: 'Licences',
      term,
      purchased,
      scheduledRemoval: Math.min(scheduled, purchased),
      pendingSignature,
      unitPrice: 3_000,
      ...(min === undefined ? {} : { min }),
      ...(maxOver === undefined
        ? {}
        : { max: Math.max(0, purchased + pendingSignature + maxOver) }),
    }),
  );

const used = fc.integer({ min: 0, max: 32 });

const accepts = (availability: ChangeAvailability) => availability.allowed;

describe('one truth: what describePool offers is what planAllowanceChange accepts', () => {
  it('refuses +1 when the licences paid this period are at max, even with a removal scheduled', () => {
    const policy = definePolicy({ decrease: { mode: 'period-end', restorable: false } });
    const seats: Pool = {
      id: 'pool',
      name: 'Licences',
      term: 'monthly',
      purchased: 10,
      scheduledRemoval: 1,
      pendingSignature: 0,
      unitPrice: 3_000,
      max: 10,
    };
    const self: Account = {
      id: 'acct',
      name: 'Max Ltd',
      plan: 'Team',
      currency: 'EUR',
      billingPeriod: period,
      contract: { kind: 'self-serve' },
    };
    const viewer = resolvePermissions(policy, 'owner');
    expect(describePool(seats, 3, self, policy, viewer).increase).toEqual({
      allowed: false,
      reason: 'at-max',
      max: 10,
    });
    expect(
      planAllowanceChange({
        account: self,
        pool: seats,
        used: 3,
        policy,
        viewerRole: 'owner',
        request: { poolId: 'pool', delta: 1 },
        now,
      }),
    ).toEqual({
      status: 'invalid',
      issues: [{ field: 'delta', code: 'above-max', limit: 10 }],
    });
  });

  it('offers an increase, a decrease and a restore exactly when the plan of one is accepted', () => {
    fc.assert(
      fc.property(account, policy, pool, used, (acct, rules, seats, inUse) => {
        const viewerRole = rules.permissions.changeAllowance[0] ?? 'owner';
        const usage = describeUsage({
          account: acct,
          pools: [seats],
          usedByPool: { pool: inUse },
          policy: rules,
          viewerRole,
        });
        const described = usage.pools[0];
        if (described === undefined) throw new Error('no pool');
        const plan = (delta: number) =>
          planAllowanceChange({
            account: acct,
            pool: seats,
            used: inUse,
            policy: rules,
            viewerRole,
            request: { poolId: 'pool', delta },
            now,
          });
        const more = plan(1);
        const fewer = plan(-1);
        const restore = planRestore({
          account: acct,
          pool: seats,
          used: inUse,
          policy: rules,
          viewerRole,
          quantity: 1,
          now,
        });
        expect(accepts(described.increase)).toBe(more.status === 'planned');
        expect(accepts(described.decrease)).toBe(fewer.status === 'planned');
        expect(accepts(described.restore)).toBe(restore.status === 'planned');
        if (more.status === 'planned' && described.increase.allowed) {
          expect(described.increase.effective === 'after-signature').toBe(
            more.plan.result === 'pending-signature',
          );
        }
        if (fewer.status === 'planned' && described.decrease.allowed) {
          expect(described.decrease.effective === 'period-end').toBe(
            fewer.plan.result === 'scheduled',
          );
          expect(described.decrease.at).toBe(
            fewer.plan.result === 'scheduled' ? fewer.plan.effectiveAt : null,
          );
        }
      }),
    );
  });

  it('never lets an accepted plan take a pool past its bounds, and describes what it produced', () => {
    fc.assert(
      fc.property(
        account,
        policy,
        pool,
        used,
        fc.integer({ min: -10, max: 10 }).filter((delta) => delta !== 0),
        (acct, rules, seats, inUse, delta) => {
          const viewerRole = rules.permissions.changeAllowance[0] ?? 'owner';
          const decision = planAllowanceChange({
            account: acct,
            pool: seats,
            used: inUse,
            policy: rules,
            viewerRole,
            request: { poolId: 'pool', delta },
            now,
          });
          if (decision.status !== 'planned') return;
          const after = applyAllowancePlan(seats, decision.plan);
          const next = after.purchased - after.scheduledRemoval;
          if (seats.max !== undefined && delta > 0) {
            expect(next + after.pendingSignature).toBeLessThanOrEqual(seats.max);
            if (decision.plan.added > 0) {
              expect(after.purchased + after.pendingSignature).toBeLessThanOrEqual(seats.max);
            }
          }
          if (delta < 0) {
            expect(next).toBeGreaterThanOrEqual(Math.max(inUse, seats.min ?? 0));
          }
          const described = describeUsage({
            account: acct,
            pools: [after],
            usedByPool: { pool: inUse },
            policy: rules,
            viewerRole,
          }).pools[0];
          expect(described?.nextPeriod).toBe(
            decision.plan.result === 'pending-signature' ? decision.plan.from : decision.plan.to,
          );
          expect(described?.available).toBe(Math.max(0, next - inUse));
        },
      ),
    );
  });
});

describe('checkAllowanceBounds: the bounds that hold for the vendor too', () => {
  it('refuses exactly what a self-serve change with no lock refuses for its bounds', () => {
    const selfServe = definePolicy({ decrease: { mode: 'immediate' } });
    const holders = definePolicy({ decrease: { mode: 'immediate' }, removalFloor: 'holders' });
    fc.assert(
      fc.property(
        pool
          .filter((seats) => seats.term !== 'contracted')
          .map((seats) => ({ ...seats, scheduledRemoval: 0 })),
        used,
        used,
        fc.constantFrom(selfServe, holders),
        fc.integer({ min: -30, max: 30 }),
        (seats, consuming, held, policy, delta) => {
          const input = { pool: seats, used: consuming, held, policy, delta };
          const checked = checkAllowanceChange({
            ...input,
            account: {
              id: 'acct',
              name: 'Vendor Deal Ltd',
              plan: 'Team',
              currency: 'EUR',
              billingPeriod: period,
              contract: { kind: 'self-serve' },
            },
          });
          const bound = checkAllowanceBounds(input);
          if (delta === 0) expect(bound).toBeNull();
          else if (checked.status === 'ok') expect(bound).toBeNull();
          else expect(bound).toEqual(checked.issue);
        },
      ),
    );
  });
});
