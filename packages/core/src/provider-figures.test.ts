import { describe, expect, it } from 'vitest';
import {
  type AllowanceRequest,
  billsProvider,
  definePolicy,
  planAllowanceChange,
  prorationBehaviorOf,
  type SeatPolicy,
  subscriptionUpdateOf,
  withProviderFigures,
} from './index';
import { defaults } from './plan-allowance-change.test-cases';

function planned(request: AllowanceRequest, policy: SeatPolicy) {
  const decision = planAllowanceChange({ ...defaults, policy, request });
  if (decision.status !== 'planned') throw new Error(`not planned: ${decision.status}`);
  return decision.plan;
}

const chargedNow = definePolicy({ charge: 'now', decrease: { mode: 'immediate' } });
const nextInvoice = definePolicy({ charge: 'next-invoice' });
const atPeriodEnd = definePolicy({ decrease: { mode: 'period-end', restorable: true } });
const unprorated = definePolicy({ charge: 'now', proration: { unit: 'none' } });

describe('the subscription-quantity mode in core', () => {
  it.each([
    {
      title: 'a purchase the policy charges now',
      delta: 2,
      policy: chargedNow,
      behavior: 'always-invoice',
    },
    {
      title: 'a purchase on the next invoice',
      delta: 2,
      policy: nextInvoice,
      behavior: 'create-prorations',
    },
    { title: 'an immediate removal', delta: -2, policy: chargedNow, behavior: 'create-prorations' },
    {
      title: 'a purchase where nothing is prorated',
      delta: 2,
      policy: unprorated,
      behavior: 'none',
    },
    { title: 'a removal at the period end', delta: -2, policy: atPeriodEnd, behavior: 'none' },
  ] as const)('prorates $title as $behavior', ({ delta, policy, behavior }) => {
    expect(prorationBehaviorOf(policy, planned({ poolId: 'seats', delta }, policy))).toBe(behavior);
  });

  it('calls the provider when the quantity changes now, not for a removal at the period end', () => {
    const purchase = planned({ poolId: 'seats', delta: 2 }, chargedNow);
    const removal = planned({ poolId: 'seats', delta: -2 }, atPeriodEnd);
    expect(billsProvider(purchase, 'subscription-quantity')).toBe(true);
    expect(billsProvider(removal, 'subscription-quantity')).toBe(false);
    expect(billsProvider(removal, 'charges')).toBe(false);
  });

  it("shows the provider's figures and leaves out the kit's price lines, keeping its rules", () => {
    const plan = planned({ poolId: 'seats', delta: 2 }, chargedNow);
    expect(plan.lines.some((line) => line.kind === 'prorated-charge')).toBe(true);
    const shown = withProviderFigures(
      plan,
      {
        dueNow: { amount: 2_950, currency: 'EUR' },
        nextInvoice: {
          before: { amount: 30_000, currency: 'EUR' },
          after: { amount: 36_000, currency: 'EUR' },
        },
        lines: [{ description: 'Remaining time on 12 × Seats', amount: 2_950, poolId: 'seats' }],
      },
      { quantity: 12, prorationBehavior: 'always-invoice', prorationDate: defaults.now },
    );
    expect(shown.lines).toEqual([]);
    expect(shown.dueNow).toEqual({ amount: 2_950, currency: 'EUR' });
    expect(shown.nextInvoiceChange).toEqual({ amount: 6_000, currency: 'EUR' });
    expect(shown.provider).toMatchObject({ quantity: 12, prorationBehavior: 'always-invoice' });
    expect(shown).toMatchObject({
      added: plan.added,
      to: plan.to,
      confirmations: plan.confirmations,
      result: plan.result,
    });
  });

  it("prorates the update from the quote's instant, and not at all without proration", () => {
    const quoted = withProviderFigures(
      planned({ poolId: 'seats', delta: 2 }, chargedNow),
      {
        dueNow: { amount: 2_950, currency: 'EUR' },
        nextInvoice: {
          before: { amount: 30_000, currency: 'EUR' },
          after: { amount: 36_000, currency: 'EUR' },
        },
        lines: [],
      },
      { quantity: 12, prorationBehavior: 'always-invoice', prorationDate: defaults.now },
    );
    const later = new Date(Date.parse(defaults.now) + 3 * 86_400_000).toISOString();
    expect(subscriptionUpdateOf(defaults.pool, chargedNow, quoted, later)).toEqual({
      quantity: defaults.pool.purchased + 2,
      prorationBehavior: 'always-invoice',
      prorationDate: defaults.now,
    });
    const unquoted = planned({ poolId: 'seats', delta: 2 }, unprorated);
    expect(subscriptionUpdateOf(defaults.pool, unprorated, unquoted, later).prorationDate).toBe(
      null,
    );
  });
});
