import { definePolicy } from '@seats/core';
import type { NewAccount, NewMember } from './seats-store';

export interface TestAccountOptions {
  /** The licences of its one monthly pool, `seats`. @default 10 */
  purchased?: number;
  /** @default 1000 */
  unitPrice?: number;
  members?: NewMember[];
  /** The billing period's first day; it lasts a calendar month. @default '2026-06-01' */
  periodStart?: string;
}

/** A self-serve account with one monthly pool of licences, as the tests create it. */
export function testAccount(
  id: string,
  {
    purchased = 10,
    unitPrice = 1_000,
    members = [],
    periodStart = '2026-06-01',
  }: TestAccountOptions = {},
): NewAccount {
  const start = new Date(`${periodStart}T00:00:00.000Z`);
  const end = new Date(
    Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate()),
  );
  return {
    account: {
      id,
      name: id,
      plan: 'Team',
      currency: 'EUR',
      billingPeriod: { start: start.toISOString(), end: end.toISOString() },
      contract: { kind: 'self-serve' },
    },
    policy: definePolicy({ name: id }),
    pools: [
      {
        id: 'seats',
        name: 'Seats',
        term: 'monthly',
        purchased,
        scheduledRemoval: 0,
        pendingSignature: 0,
        unitPrice,
      },
    ],
    members,
    now: start.toISOString(),
  };
}
