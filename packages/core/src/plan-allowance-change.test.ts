import { describe, expect, it } from 'vitest';
import {
  applyAllowancePlan,
  completeSignature,
  explainPlanIssue,
  planAllowanceChange,
  planRestore,
  settlePeriodEnd,
} from './index';
import {
  defaults,
  everyIssueCode,
  issueCases,
  monthly,
  type PlanCaseInput,
  planCases,
  restoreIssueCases,
} from './plan-allowance-change.test-cases';

const plan = (input: PlanCaseInput) =>
  planAllowanceChange({
    ...defaults,
    ...input,
    pool: 'pool' in input ? input.pool : defaults.pool,
  });

describe('planAllowanceChange', () => {
  describe('refuses a request with the field and the reason', () => {
    it.each(issueCases)('when it $title', ({ issue, ...input }) => {
      expect(plan(input)).toEqual({ status: 'invalid', issues: [issue] });
    });

    it.each(restoreIssueCases)('when a restore $title', ({ pool, policy, quantity, issue }) => {
      expect(
        planRestore({ ...defaults, policy: policy ?? defaults.policy, pool, quantity }),
      ).toEqual({ status: 'invalid', issues: [issue] });
    });

    it('reaches every issue code, and each has an explanation', () => {
      const reached = new Set(
        [...issueCases, ...restoreIssueCases].map((testCase) => testCase.issue.code),
      );
      expect([...reached].sort()).toEqual(Object.keys(everyIssueCode).sort());
      for (const testCase of [...issueCases, ...restoreIssueCases]) {
        expect(explainPlanIssue(testCase.issue)).toMatch(/\.$/);
      }
    });
  });

  describe('plans a change', () => {
    it.each(planCases)('$title', ({ plan: expected, title: _title, ...input }) => {
      const decision = plan(input);
      expect(decision.status).toBe('planned');
      if (decision.status === 'planned') expect(decision.plan).toMatchObject(expected);
    });
  });

  it('refuses any change, valid or not, from a role that may not change the allowance', () => {
    expect(plan({ viewerRole: 'member', request: { poolId: 'seats', delta: 2 } })).toEqual({
      status: 'forbidden',
      reason: 'change-allowance',
    });
    expect(plan({ viewerRole: 'admin', request: { poolId: 'seats', delta: 1.5 } })).toEqual({
      status: 'forbidden',
      reason: 'change-allowance',
    });
    expect(
      planRestore({
        ...defaults,
        viewerRole: 'admin',
        pool: { ...monthly, scheduledRemoval: 2 },
        quantity: 9,
      }),
    ).toEqual({ status: 'forbidden', reason: 'change-allowance' });
  });

  it('charges nothing for the part of a period already past its end', () => {
    const decision = planAllowanceChange({
      ...defaults,
      request: { poolId: 'seats', delta: 1 },
      now: '2026-12-05T00:00:00.000Z',
    });
    if (decision.status !== 'planned') throw new Error(decision.status);
    expect(decision.plan.dueNow.amount).toBe(0);
    expect(decision.plan.nextInvoiceChange.amount).toBe(3_000);
  });

  it('rounds each prorated line by the policy rounding', () => {
    const at = (rounding: 'half-up' | 'half-even' | 'up' | 'down') => {
      const decision = planAllowanceChange({
        ...defaults,
        // 1 x 0.01 x 15/30 = 0.005: a half of a minor unit.
        pool: { ...monthly, unitPrice: 1 },
        policy: { ...defaults.policy, proration: { unit: 'day', rounding } },
        request: { poolId: 'seats', delta: 1 },
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      return decision.plan.dueNow.amount;
    };
    expect([at('half-up'), at('half-even'), at('up'), at('down')]).toEqual([1, 0, 1, 0]);
  });
});

describe('applying plans', () => {
  it('adds purchased licences and takes restored ones off the removal schedule', () => {
    const decision = plan({
      pool: { ...monthly, scheduledRemoval: 3 },
      request: { poolId: 'seats', total: 12 },
    });
    if (decision.status !== 'planned') throw new Error(decision.status);
    expect(applyAllowancePlan({ ...monthly, scheduledRemoval: 3 }, decision.plan)).toEqual({
      ...monthly,
      purchased: 12,
      scheduledRemoval: 0,
    });
  });

  it('schedules a period-end decrease and settles it when the period ends', () => {
    const decision = plan({ request: { poolId: 'seats', total: 6 } });
    if (decision.status !== 'planned') throw new Error(decision.status);
    const scheduled = applyAllowancePlan(monthly, decision.plan);
    expect(scheduled).toEqual({ ...monthly, scheduledRemoval: 4 });
    expect(settlePeriodEnd(scheduled)).toEqual({ ...monthly, purchased: 6, scheduledRemoval: 0 });
  });

  it('keeps a signed purchase pending until signed, then applies it with its restores', () => {
    const pool = { ...monthly, scheduledRemoval: 1 };
    const decision = plan({
      pool,
      policy: { ...defaults.policy, confirmation: 'e-signature' },
      request: { poolId: 'seats', total: 12 },
    });
    if (decision.status !== 'planned') throw new Error(decision.status);
    expect(decision.plan).toMatchObject({ restored: 1, added: 2, result: 'pending-signature' });
    const pending = applyAllowancePlan(pool, decision.plan);
    expect(pending).toEqual({ ...pool, pendingSignature: 2 });
    expect(completeSignature(pending, decision.plan)).toEqual({
      ...monthly,
      purchased: 12,
      scheduledRemoval: 0,
      pendingSignature: 0,
    });
  });
});
