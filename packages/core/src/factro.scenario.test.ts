/**
 * factro, "How Do I Add Licenses?": the cloud owner sets the new total with a stepper or by typing,
 * sees the price change, confirms with the password, and is billed per day pro rata over the main
 * contract's term; named licences follow rights groups and a guest uses none.
 */
import { describe, expect, it } from 'vitest';
import {
  type Account,
  applyAllowancePlan,
  countConsumingMembers,
  decideConsumption,
  decideMemberChange,
  describePlanPrice,
  describeUnitPrice,
  describeUsage,
  explainConsumption,
  type MemberAssignment,
  type Pool,
  planAllowanceChange,
  dailyProratedWithPassword as policy,
} from './index';

// The main contract runs for the calendar year, paid in advance, invoiced by calendar month; on
// 2 July, 183 of its 365 days are left.
const now = '2026-07-02T09:30:00.000Z';
const term = { start: '2026-01-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' };
const monthOf = (at: string) => {
  const date = new Date(at);
  return {
    start: new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)).toISOString(),
    end: new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)).toISOString(),
  };
};
const accountAt = (at: string): Account => ({
  id: 'factro-cloud',
  name: 'Baumann Planungsbüro',
  plan: 'factro Business',
  currency: 'EUR',
  billingPeriod: monthOf(at),
  contract: {
    kind: 'contracted',
    ...term,
    payment: 'upfront',
    renewal: { mode: 'renew', months: 12 },
  },
});
const account = accountAt(now);
// 12.00 a month, so 144.00 for the year of the main contract.
const licences: Pool = {
  id: 'named',
  name: 'Named licences',
  term: 'contracted',
  purchased: 5,
  scheduledRemoval: 0,
  pendingSignature: 0,
  unitPrice: 1_200,
};
const as = (role: string): MemberAssignment => ({ status: 'active', role, poolId: 'named' });
const cloud: MemberAssignment[] = [
  as('owner'),
  as('admin'),
  as('employee'),
  as('employee'),
  as('employee'),
  as('guest'),
  as('guest'),
];

describe('factro: adding licences (dailyProratedWithPassword)', () => {
  describe('Login to the cloud management', () => {
    it('lets the cloud owner, as the contract partner, change the number of users', () => {
      const usage = describeUsage({
        account,
        pools: [licences],
        usedByPool: countConsumingMembers(cloud, policy),
        policy,
        viewerRole: 'owner',
      });
      expect(usage.viewer.changeAllowance).toBe(true);
      expect(usage.pools[0]?.adjust).toBe('shown');
    });

    it('shows an admin who is not the owner why the change is not available', () => {
      const usage = describeUsage({
        account,
        pools: [licences],
        usedByPool: countConsumingMembers(cloud, policy),
        policy,
        viewerRole: 'admin',
      });
      expect(usage.pools[0]).toMatchObject({
        adjust: 'explained',
        increase: { allowed: false, reason: 'forbidden' },
      });
      expect(
        planAllowanceChange({
          account,
          pool: licences,
          used: 5,
          policy,
          viewerRole: 'admin',
          request: { poolId: 'named', total: 6 },
          now,
        }),
      ).toEqual({ status: 'forbidden', reason: 'change-allowance' });
    });
  });

  describe('Increase in the number of licences', () => {
    it('starts "Change number of users" from the current total of licensed users', () => {
      const usage = describeUsage({
        account,
        pools: [licences],
        usedByPool: countConsumingMembers(cloud, policy),
        policy,
        viewerRole: 'owner',
      });
      expect(policy.changeInput).toBe('total');
      expect(usage.pools[0]).toMatchObject({ nextPeriod: 5, used: 5, state: 'full' });
    });

    it('takes the new total from one press of "+", the current total plus one', () => {
      const decision = planAllowanceChange({
        account,
        pool: licences,
        used: 5,
        policy,
        viewerRole: 'owner',
        request: { poolId: 'named', total: 5 + 1 },
        now,
      });
      expect(decision).toMatchObject({
        status: 'planned',
        plan: { from: 5, to: 6, added: 1, kind: 'increase' },
      });
    });

    it('takes the new total typed directly into the field', () => {
      const decision = planAllowanceChange({
        account,
        pool: licences,
        used: 5,
        policy,
        viewerRole: 'owner',
        request: { poolId: 'named', total: 7 },
        now,
      });
      expect(decision).toMatchObject({
        status: 'planned',
        plan: { from: 5, to: 7, added: 2, kind: 'increase' },
      });
    });

    it('shows the resulting change in the amount before confirming, per day of the main contract', () => {
      const decision = planAllowanceChange({
        account,
        pool: licences,
        used: 5,
        policy,
        viewerRole: 'owner',
        request: { poolId: 'named', total: 7 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan.lines[0]).toEqual({
        kind: 'prorated-charge',
        quantity: 2,
        // The price of the main contract's term, whose days the charge is a share of.
        unitPrice: 14_400,
        fraction: { unit: 'day', remaining: 183, total: 365 },
        // 2 x 144.00 x 183 / 365 = 144.3945..., rounded half-up
        amount: 14_439,
        term,
        // Paid in advance: the charge runs to the end of the main contract, not of the month.
        until: term.end,
      });
      expect(decision.plan.dueNow).toEqual({ amount: 14_439, currency: 'EUR' });
      // The renewal's invoice, the next for these licences, grows by a year of two licences.
      expect(decision.plan.nextInvoiceChange).toEqual({ amount: 2 * 14_400, currency: 'EUR' });
    });

    it('bills by the days of the main contract, not the length of the month invoiced', () => {
      const dayOf = (at: string) => {
        const decision = planAllowanceChange({
          account: accountAt(at),
          pool: licences,
          used: 5,
          policy,
          viewerRole: 'owner',
          request: { poolId: 'named', total: 6 },
          now: at,
        });
        if (decision.status !== 'planned') throw new Error(decision.status);
        return decision.plan.dueNow.amount;
      };
      // A day costs 144.00 / 365 whether it falls in 28-day February or 31-day March.
      const february = dayOf('2026-02-27T12:00:00.000Z') - dayOf('2026-02-28T12:00:00.000Z');
      const march = dayOf('2026-03-30T12:00:00.000Z') - dayOf('2026-03-31T12:00:00.000Z');
      expect(Math.abs(february - march)).toBeLessThanOrEqual(1);
      expect(dayOf('2026-03-01T00:00:00.000Z')).toBe(Math.round((14_400 * 306) / 365));
    });

    it('asks the owner to authorise the booking by entering the password', () => {
      const decision = planAllowanceChange({
        account,
        pool: licences,
        used: 5,
        policy,
        viewerRole: 'owner',
        request: { poolId: 'named', total: 7 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan.confirmations).toEqual(['password']);
    });

    it('completes the purchase on Confirm and equips the cloud with the additional licences', () => {
      const decision = planAllowanceChange({
        account,
        pool: licences,
        used: 5,
        policy,
        viewerRole: 'owner',
        request: { poolId: 'named', total: 7 },
        now,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      expect(decision.plan).toMatchObject({ result: 'applied', effectiveAt: now });
      const usage = describeUsage({
        account,
        pools: [applyAllowancePlan(licences, decision.plan)],
        usedByPool: countConsumingMembers(cloud, policy),
        policy,
        viewerRole: 'owner',
      });
      expect(usage).toMatchObject({ purchased: 7, used: 5, available: 2 });
    });

    it('bills per day in proportion to what is left of the main contract', () => {
      const price = (at: string) => {
        const decision = planAllowanceChange({
          account: accountAt(at),
          pool: licences,
          used: 5,
          policy,
          viewerRole: 'owner',
          request: { poolId: 'named', total: 6 },
          now: at,
        });
        if (decision.status !== 'planned') throw new Error(decision.status);
        return decision.plan.dueNow.amount;
      };
      expect(price('2026-01-01T00:00:00.000Z')).toBe(14_400);
      // 144.00 x 1 / 365 = 0.3945..., the last day of the term
      expect(price('2026-12-31T23:00:00.000Z')).toBe(39);
      expect(price('2026-07-02T00:00:00.000Z')).toBe(price('2026-07-02T23:59:59.000Z'));
      expect(price('2026-07-02T00:00:00.000Z')).toBeGreaterThan(price('2026-07-03T00:00:00.000Z'));
    });
  });

  describe('The price shown in the accounting method of the main contract', () => {
    // The demo cloud: 10 named licences at 12.90 a month, so 154.80 for the year of the main
    // contract; two are added on 29 November, 33 of the contract's 365 days before it ends.
    const november = '2026-11-29T10:00:00.000Z';
    const demo = accountAt(november);
    const named: Pool = { ...licences, purchased: 10, unitPrice: 1_290 };
    const quoted = (account = demo) => {
      const decision = planAllowanceChange({
        account,
        pool: named,
        used: 7,
        policy,
        viewerRole: 'owner',
        request: { poolId: 'named', total: 12 },
        now: november,
      });
      if (decision.status !== 'planned') throw new Error(decision.status);
      return describePlanPrice({ plan: decision.plan, period: account.billingPeriod });
    };

    it('prices one licence per year of the main contract, the unit its lines use', () => {
      expect(describeUnitPrice(named, demo, policy)).toEqual({ unitPrice: 15_480, per: 'year' });
      const price = quoted();
      expect(price.dueNow.rows).toEqual([
        expect.objectContaining({ unitPrice: 15_480, per: 'year', days: 33, ofDays: 365 }),
      ]);
      expect(price.nextInvoice.rows).toEqual([
        expect.objectContaining({ unitPrice: 15_480, per: 'year', quantity: 2 }),
      ]);
    });

    it('charges today the days from now to the end of the main contract, not of the month', () => {
      const { dueNow } = quoted();
      // The 33 days charged: November 29, today, counting whole, to the term's end.
      expect(dueNow).toMatchObject({
        from: '2026-11-29T00:00:00.000Z',
        until: '2027-01-01T00:00:00.000Z',
        // 2 x 154.80 x 33 / 365 = 27.9912..., rounded half-up
        total: 2_799,
      });
      expect(dueNow.rows.map((row) => row.amount)).toEqual([2_799]);
    });

    it('invoices the added licences next at the renewal, for the whole next year', () => {
      const { nextInvoice } = quoted();
      expect(nextInvoice).toMatchObject({
        at: '2027-01-01T00:00:00.000Z',
        change: 2 * 15_480,
        before: 10 * 15_480,
        after: 12 * 15_480,
      });
    });

    it('invoices them next when the main contract ends, by the month, where it is not renewed', () => {
      const contract = { ...term, kind: 'contracted', payment: 'upfront' } as const;
      const { nextInvoice } = quoted({
        ...demo,
        contract: { ...contract, renewal: { mode: 'monthly' } },
      });
      expect(nextInvoice).toMatchObject({
        at: '2027-01-01T00:00:00.000Z',
        change: 2 * 1_290,
        before: 10 * 1_290,
        after: 12 * 1_290,
      });
      expect(nextInvoice.rows).toEqual([
        expect.objectContaining({ unitPrice: 1_290, per: 'month', quantity: 2 }),
      ]);
    });
  });

  describe('Return to the cloud and use the new licences', () => {
    const upgraded: Pool = { ...licences, purchased: 7 };

    it('invites new users on the new free licences', () => {
      const usage = describeUsage({
        account,
        pools: [upgraded],
        usedByPool: countConsumingMembers(cloud, policy),
        policy,
        viewerRole: 'admin',
      });
      expect(
        decideMemberChange({ policy, usage, before: null, after: as('employee') }),
      ).toMatchObject({ outcome: 'allowed', claims: ['named'] });
    });

    it('upgrades an existing guest to a higher permission group on a free licence', () => {
      const usage = describeUsage({
        account,
        pools: [upgraded],
        usedByPool: countConsumingMembers(cloud, policy),
        policy,
        viewerRole: 'admin',
      });
      expect(
        decideMemberChange({ policy, usage, before: as('guest'), after: as('employee') }),
      ).toMatchObject({ outcome: 'allowed', claims: ['named'], releases: [] });
    });

    it('needs a licence to upgrade a guest when every licence is in use', () => {
      const usage = describeUsage({
        account,
        pools: [licences],
        usedByPool: countConsumingMembers(cloud, policy),
        policy,
        viewerRole: 'owner',
      });
      const decision = decideMemberChange({
        policy,
        usage,
        before: as('guest'),
        after: as('employee'),
      });
      expect(decision).toEqual({
        outcome: 'needs-licence',
        poolId: 'named',
        purchased: 5,
        used: 5,
        available: 0,
        shortfall: 1,
        remedies: [
          { kind: 'buy', poolId: 'named', quantity: 1, total: 6 },
          { kind: 'use-non-consuming', statuses: ['deactivated'], roles: ['guest'] },
          { kind: 'free-licence', poolId: 'named', quantity: 1 },
        ],
      });
    });
  });

  describe('Named licences and rights groups', () => {
    it('assigns licences through rights groups, so a guest uses none', () => {
      expect(countConsumingMembers(cloud, policy)).toEqual({ named: 5 });
      const guest = decideConsumption(as('guest'), policy);
      expect(guest).toEqual({
        consumes: false,
        reason: { kind: 'role-does-not-consume', role: 'guest' },
      });
      expect(explainConsumption(guest.reason)).toBe('Does not count because its role is guest.');
    });

    it('frees the licence for reuse when a user is moved from employee to guest', () => {
      const usage = describeUsage({
        account,
        pools: [licences],
        usedByPool: countConsumingMembers(cloud, policy),
        policy,
        viewerRole: 'admin',
      });
      expect(
        decideMemberChange({ policy, usage, before: as('employee'), after: as('guest') }),
      ).toMatchObject({ outcome: 'allowed', claims: [], releases: ['named'] });
      const moved = cloud.map((member, index) => (index === 2 ? as('guest') : member));
      const after = describeUsage({
        account,
        pools: [licences],
        usedByPool: countConsumingMembers(moved, policy),
        policy,
        viewerRole: 'admin',
      });
      expect(after.available).toBe(1);
      expect(
        decideMemberChange({ policy, usage: after, before: null, after: as('employee') }).outcome,
      ).toBe('allowed');
    });

    it('keeps a named licence with its user whether or not the user is logged in', () => {
      // Only status and rights group decide; there is no notion of a session in the count.
      expect(decideConsumption(as('employee'), policy)).toMatchObject({ consumes: true });
      expect(countConsumingMembers([as('employee'), as('employee')], policy)).toEqual({ named: 2 });
    });

    it('offers an admin without purchase rights to ask the owner, a guest role, or freeing a licence', () => {
      const usage = describeUsage({
        account,
        pools: [licences],
        usedByPool: countConsumingMembers(cloud, policy),
        policy,
        viewerRole: 'admin',
      });
      const decision = decideMemberChange({ policy, usage, before: null, after: as('employee') });
      if (decision.outcome !== 'needs-licence') throw new Error(decision.outcome);
      expect(decision.remedies.map((remedy) => remedy.kind)).toEqual([
        'use-non-consuming',
        'free-licence',
        'ask-admin',
      ]);
      expect(decision.remedies[2]).toEqual({ kind: 'ask-admin', roles: ['owner'] });
    });
  });
  describe("the article's words", () => {
    it('speaks German: Nutzeranzahl ändern opens the change, Bestätigen confirms it', () => {
      const words = policy.vocabulary?.messages ?? {};
      expect(policy.vocabulary?.locale).toBe('de');
      expect(words.adjustTrigger).toBe('Nutzeranzahl ändern');
      expect(words.submitIncrease).toBe('Bestätigen');
    });
  });
});
