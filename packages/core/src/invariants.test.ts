import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Account,
  type AllowancePlan,
  applyAllowancePlan,
  completeSignature,
  decideMemberChange,
  definePolicy,
  describeUsage,
  type Pool,
  type PoolTerm,
  type ProrationUnit,
  planAllowanceChange,
  planRestore,
  presets,
  prorate,
  type Rounding,
  remainingFraction,
  type SeatPolicy,
} from './index';

const day = 86_400_000;
const roundings: Rounding[] = ['half-up', 'half-even', 'up', 'down'];
const units: ProrationUnit[] = ['none', 'day', 'second'];
const terms: PoolTerm[] = ['contracted', 'monthly', 'daily', 'add-on'];

const rounding = fc.constantFrom(...roundings);
const unit = fc.constantFrom(...units);
const preset = fc.constantFrom(...Object.values(presets));

/** A billing period of 1 to 400 days, not always on a day boundary, from 2020 on. */
const period = fc
  .record({
    start: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
    length: fc.integer({ min: 1_000, max: 400 * day }),
  })
  .map(({ start, length }) => ({
    start: new Date(start).toISOString(),
    end: new Date(start + length).toISOString(),
  }));

/** A period with an instant from a little before it starts to a little after it ends. */
const periodAndNow = period.chain((billingPeriod) => {
  const start = Date.parse(billingPeriod.start);
  const end = Date.parse(billingPeriod.end);
  return fc
    .integer({ min: start - 2 * day, max: end + 2 * day })
    .map((at) => ({ billingPeriod, now: new Date(at).toISOString() }));
});

const accountOf = (
  billingPeriod: Account['billingPeriod'],
  contract: Account['contract'] = { kind: 'self-serve' },
): Account => ({
  id: 'acct',
  name: 'Property Test Ltd',
  plan: 'Team',
  currency: 'EUR',
  billingPeriod,
  contract,
});

const pool = fc
  .record({
    term: fc.constantFrom(...terms),
    purchased: fc.integer({ min: 0, max: 500 }),
    scheduledShare: fc.integer({ min: 0, max: 100 }),
    pendingSignature: fc.integer({ min: 0, max: 5 }),
    unitPrice: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map(
    ({ term, purchased, scheduledShare, pendingSignature, unitPrice }): Pool => ({
      id: 'pool',
      name: 'Licences',
      term,
      purchased,
      scheduledRemoval: Math.floor((purchased * scheduledShare) / 100),
      pendingSignature,
      unitPrice,
    }),
  );

/** A pool a member can hold as its licence: an add-on needs one to add on to. */
const basePool = pool.filter((seats) => seats.term !== 'add-on');

const changer = (policy: SeatPolicy) => policy.permissions.changeAllowance[0] ?? 'owner';
const manager = (policy: SeatPolicy) => policy.permissions.manageMembers[0] ?? 'owner';
const consumingMember = (policy: SeatPolicy, poolId: string) => ({
  status: policy.consumingStatuses[0] ?? 'active',
  role: policy.roles.find((role) => !policy.nonConsumingRoles.includes(role)) ?? 'member',
  poolId,
});
/** The pool once a plan is committed, and signed when it waits for a signature. */
const commit = (before: Pool, plan: AllowancePlan) => {
  const after = applyAllowancePlan(before, plan);
  return plan.result === 'pending-signature' ? completeSignature(after, plan) : after;
};

describe('invariants of the seat policy', () => {
  it('never lets an allowed add take used beyond purchased less scheduled removals', () => {
    fc.assert(
      fc.property(preset, basePool, fc.integer({ min: 0, max: 510 }), (policy, seats, used) => {
        const usage = describeUsage({
          account: accountOf({
            start: '2026-11-01T00:00:00.000Z',
            end: '2026-12-01T00:00:00.000Z',
          }),
          pools: [seats],
          usedByPool: { pool: used },
          policy,
          viewerRole: manager(policy),
        });
        const decision = decideMemberChange({
          policy,
          usage,
          before: null,
          after: consumingMember(policy, 'pool'),
        });
        if (decision.outcome === 'allowed') {
          expect(decision.claims).toEqual(['pool']);
          expect(used + 1).toBeLessThanOrEqual(seats.purchased - seats.scheduledRemoval);
        } else {
          expect(decision.outcome).toBe('needs-licence');
          if (decision.outcome !== 'needs-licence') return;
          expect(decision.shortfall).toBe(used + 1 - (seats.purchased - seats.scheduledRemoval));
        }
      }),
    );
  });

  it('makes room for the member once the shortfall the buy remedy names is bought', () => {
    fc.assert(
      fc.property(
        preset.filter((policy) => policy.increase.mode === 'self-serve'),
        basePool,
        fc.integer({ min: 0, max: 5 }),
        periodAndNow,
        (policy, seats, over, { billingPeriod, now }) => {
          const account = accountOf(billingPeriod);
          const used = seats.purchased - seats.scheduledRemoval + over;
          const viewerRole = changer(policy);
          const member = consumingMember(policy, 'pool');
          const usage = describeUsage({
            account,
            pools: [seats],
            usedByPool: { pool: used },
            policy,
            viewerRole,
          });
          const decision = decideMemberChange({ policy, usage, before: null, after: member });
          if (decision.outcome !== 'needs-licence') throw new Error(decision.outcome);
          const buy = decision.remedies.find((remedy) => remedy.kind === 'buy');
          if (buy?.kind !== 'buy') throw new Error('no buy remedy for an admin');
          const request =
            policy.changeInput === 'delta'
              ? { poolId: 'pool', delta: buy.quantity }
              : { poolId: 'pool', total: buy.total };
          const plan = planAllowanceChange({
            account,
            pool: seats,
            used,
            policy,
            viewerRole,
            request,
            now,
          });
          if (plan.status !== 'planned') throw new Error(plan.status);
          const after = describeUsage({
            account,
            pools: [commit(seats, plan.plan)],
            usedByPool: { pool: used },
            policy,
            viewerRole,
          });
          expect(decideMemberChange({ policy, usage: after, before: null, after: member })).toEqual(
            {
              outcome: 'allowed',
              claims: ['pool'],
              releases: [],
              consumption: expect.objectContaining({ consumes: true, poolId: 'pool' }),
            },
          );
        },
      ),
    );
  });

  it('prorates a full period to the full price for every unit and rounding', () => {
    fc.assert(
      fc.property(
        period,
        unit,
        rounding,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 5 * day }),
        (billingPeriod, proration, how, quantity, unitPrice, early) => {
          const now = new Date(Date.parse(billingPeriod.start) - early).toISOString();
          const fraction = remainingFraction(billingPeriod, now, proration);
          expect(fraction.remaining).toBe(fraction.total);
          expect(prorate(quantity, unitPrice, fraction, how)).toBe(quantity * unitPrice);
        },
      ),
    );
  });

  it('charges a full period in full when a purchase is planned at its start', () => {
    fc.assert(
      fc.property(
        period,
        unit,
        rounding,
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (billingPeriod, proration, how, added, unitPrice) => {
          const policy = definePolicy({ proration: { unit: proration, rounding: how } });
          const decision = planAllowanceChange({
            account: accountOf(billingPeriod),
            pool: {
              id: 'pool',
              name: 'Licences',
              term: 'monthly',
              purchased: 3,
              scheduledRemoval: 0,
              pendingSignature: 0,
              unitPrice,
            },
            used: 3,
            policy,
            viewerRole: 'owner',
            request: { poolId: 'pool', delta: added },
            now: billingPeriod.start,
          });
          if (decision.status !== 'planned') throw new Error(decision.status);
          expect(decision.plan.dueNow.amount).toBe(added * unitPrice);
        },
      ),
    );
  });

  it('prorates exactly to the minor unit, each rounding on its side of the exact amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        rounding,
        (total, share, quantity, unitPrice, how) => {
          const remaining = Math.floor((total * share) / 100);
          const rounded = prorate(quantity, unitPrice, { unit: 'second', remaining, total }, how);
          // exact = numerator / total; compare rounded x total with numerator, all in integers
          const numerator = BigInt(quantity) * BigInt(unitPrice) * BigInt(remaining);
          const error = BigInt(rounded) * BigInt(total) - numerator;
          const distance = error < 0n ? -error : error;
          expect(distance < BigInt(total)).toBe(true);
          if (how === 'half-up' || how === 'half-even') {
            expect(2n * distance <= BigInt(total)).toBe(true);
          }
          if (how === 'half-even' && 2n * distance === BigInt(total)) {
            expect(rounded % 2).toBe(0);
          }
          if (how === 'half-up' && 2n * distance === BigInt(total)) expect(error > 0n).toBe(true);
          if (how === 'up') expect(error >= 0n).toBe(true);
          if (how === 'down') expect(error <= 0n).toBe(true);
        },
      ),
    );
  });

  it('gives the same plan for the same inputs and leaves the inputs untouched', () => {
    fc.assert(
      fc.property(
        preset,
        pool,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: -600, max: 600 }),
        fc.boolean(),
        periodAndNow,
        (policy, seats, used, value, asTotal, { billingPeriod, now }) => {
          const input = {
            account: accountOf(billingPeriod),
            pool: seats,
            used,
            policy,
            viewerRole: changer(policy),
            request: asTotal ? { poolId: 'pool', total: value } : { poolId: 'pool', delta: value },
            now,
          };
          const copy = structuredClone(input);
          const first = planAllowanceChange(input);
          expect(planAllowanceChange(copy)).toEqual(first);
          expect(planAllowanceChange(input)).toEqual(first);
          expect(input).toEqual(copy);
        },
      ),
    );
  });

  it('never charges for a restore, and undoes on the next invoice what the removal saved', () => {
    fc.assert(
      fc.property(
        pool,
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom<SeatPolicy['charge']>('now', 'next-invoice'),
        unit,
        rounding,
        periodAndNow,
        (seats, extra, share, charge, proration, how, { billingPeriod, now }) => {
          const policy = definePolicy({
            decrease: { mode: 'period-end', restorable: true },
            charge,
            proration: { unit: proration, rounding: how },
          });
          const account = accountOf(billingPeriod);
          // Contracted pools cannot be decreased before renewal, so there is nothing to restore.
          const start: Pool = {
            ...seats,
            term: seats.term === 'contracted' ? 'monthly' : seats.term,
            purchased: seats.purchased + extra,
            scheduledRemoval: 0,
          };
          const removed = Math.max(1, Math.floor((start.purchased * share) / 50));
          const removal = planAllowanceChange({
            account,
            pool: start,
            used: 0,
            policy,
            viewerRole: 'owner',
            request: { poolId: 'pool', delta: -Math.min(removed, start.purchased) },
            now,
          });
          if (removal.status !== 'planned') throw new Error(removal.status);
          const scheduled = applyAllowancePlan(start, removal.plan);
          const restore = planRestore({
            account,
            pool: scheduled,
            used: 0,
            policy,
            viewerRole: 'owner',
            quantity: scheduled.scheduledRemoval,
            now,
          });
          if (restore.status !== 'planned') throw new Error(restore.status);
          expect(restore.plan.kind).toBe('restore');
          expect(restore.plan.dueNow.amount).toBe(0);
          expect(restore.plan.confirmations).toEqual([]);
          expect(restore.plan.lines.some((line) => line.kind === 'prorated-charge')).toBe(false);
          expect(restore.plan.nextInvoiceChange.amount).toBeGreaterThanOrEqual(0);
          expect(restore.plan.nextInvoiceChange.amount).toBe(
            -removal.plan.nextInvoiceChange.amount,
          );
          expect(applyAllowancePlan(scheduled, restore.plan)).toEqual(start);
        },
      ),
    );
  });

  it("sums a plan's due-now amount from exactly the lines charged now", () => {
    fc.assert(
      fc.property(
        preset,
        fc.constantFrom<SeatPolicy['charge']>('now', 'next-invoice'),
        unit,
        pool,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: -600, max: 600 }),
        fc.boolean(),
        periodAndNow,
        (base, charge, proration, seats, used, delta, contracted, { billingPeriod, now }) => {
          const policy = definePolicy({
            ...base,
            charge,
            proration: { ...base.proration, unit: proration },
          });
          const account = accountOf(
            billingPeriod,
            contracted
              ? {
                  kind: 'contracted',
                  start: billingPeriod.start,
                  end: new Date(Date.parse(billingPeriod.end) + 400 * day).toISOString(),
                }
              : { kind: 'self-serve' },
          );
          const decision = planAllowanceChange({
            account,
            pool: seats,
            used: Math.min(used, seats.purchased),
            policy,
            viewerRole: changer(policy),
            request: { poolId: 'pool', delta },
            now,
          });
          if (decision.status !== 'planned') return;
          const chargedNow = decision.plan.lines
            .filter((line) => line.kind === 'prorated-charge' || line.kind === 'prorated-credit')
            .reduce((sum, line) => sum + line.amount, 0);
          expect(decision.plan.dueNow.amount).toBe(charge === 'now' ? chargedNow : 0);
          expect(decision.plan.dueNow.currency).toBe('EUR');
          expect(decision.plan.nextInvoiceChange.currency).toBe('EUR');
        },
      ),
    );
  });

  it('keeps the counts consistent through an increase followed by a decrease', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<SeatPolicy['decrease']>(
          { mode: 'immediate' },
          { mode: 'period-end', restorable: false },
        ),
        fc.constantFrom<SeatPolicy['confirmation']>('review', 'terms', 'password', 'e-signature'),
        pool,
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 200 }),
        periodAndNow,
        (decrease, confirmation, seats, usedShare, added, removed, { billingPeriod, now }) => {
          const policy = definePolicy({ decrease, confirmation });
          const account = accountOf(billingPeriod);
          const start: Pool = {
            ...seats,
            term: seats.term === 'contracted' ? 'monthly' : seats.term,
            // An immediate-decrease policy would restore imported scheduled removals first.
            scheduledRemoval: decrease.mode === 'immediate' ? 0 : seats.scheduledRemoval,
          };
          const capacity = start.purchased - start.scheduledRemoval;
          const used = Math.floor((capacity * usedShare) / 100);
          const increase = planAllowanceChange({
            account,
            pool: start,
            used,
            policy,
            viewerRole: 'owner',
            request: { poolId: 'pool', delta: added },
            now,
          });
          if (increase.status !== 'planned') throw new Error(increase.status);
          expect(increase.plan).toMatchObject({
            kind: 'increase',
            from: capacity,
            to: capacity + added,
          });
          const bigger = commit(start, increase.plan);
          const described = describeUsage({
            account,
            pools: [bigger],
            usedByPool: { pool: used },
            policy,
            viewerRole: 'owner',
          }).pools[0];
          expect(described?.nextPeriod).toBe(increase.plan.to);
          expect(described?.available).toBe(increase.plan.to - used);

          const smaller = planAllowanceChange({
            account,
            pool: bigger,
            used,
            policy,
            viewerRole: 'owner',
            request: { poolId: 'pool', delta: -removed },
            now,
          });
          if (increase.plan.to - removed < used) {
            expect(smaller).toEqual({
              status: 'invalid',
              issues: [
                used > 0
                  ? { field: 'delta', code: 'below-assigned', limit: used }
                  : { field: 'delta', code: 'below-min', limit: 0 },
              ],
            });
            return;
          }
          if (smaller.status !== 'planned') throw new Error(smaller.status);
          const after = applyAllowancePlan(bigger, smaller.plan);
          expect(after.scheduledRemoval).toBeLessThanOrEqual(after.purchased);
          expect(after.purchased).toBeGreaterThanOrEqual(0);
          const usage = describeUsage({
            account,
            pools: [after],
            usedByPool: { pool: used },
            policy,
            viewerRole: 'owner',
          }).pools[0];
          expect(usage?.nextPeriod).toBe(smaller.plan.to);
          expect(usage?.used).toBeLessThanOrEqual(usage?.nextPeriod ?? -1);
          expect(usage?.over).toBe(0);
          expect(smaller.plan.dueNow.amount).toBeLessThanOrEqual(0);
          expect(smaller.plan.nextInvoiceChange.amount).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});
