import { describe, expect, it } from 'vitest';
import {
  type AddUserAvailability,
  addUserAvailabilityAt,
  defaultNewMember,
  describeAddUser,
} from './describe-add-user';
import { describeUsage } from './describe-usage';
import type { Account, Pool } from './domain';
import { signedContractLicenceTypes } from './presets';

const account: Account = {
  id: 'acct',
  name: 'Acme',
  plan: 'Team',
  currency: 'GBP',
  billingPeriod: { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' },
  contract: { kind: 'self-serve' },
};
const pool: Pool = {
  id: 'contracted',
  name: 'Contracted',
  term: 'monthly',
  purchased: 2,
  scheduledRemoval: 0,
  pendingSignature: 0,
  unitPrice: 4_000,
};
const policy = signedContractLicenceTypes;

function usageFor(role: string, used: number) {
  return describeUsage({
    account,
    pools: [pool],
    usedByPool: { contracted: used },
    policy,
    viewerRole: role,
  });
}

describe('describeAddUser', () => {
  it('allows adding while a licence is free', () => {
    expect(describeAddUser({ policy, usage: usageFor('office-staff', 1) })).toEqual({
      outcome: 'allowed',
    });
  });

  it('offers only asking an admin at the limit, never buying or freeing a licence', () => {
    expect(describeAddUser({ policy, usage: usageFor('office-staff', 2) })).toEqual({
      outcome: 'needs-licence',
      remedies: [{ kind: 'ask-admin', roles: ['owner-manager', 'financial-office'] }],
    });
  });

  it('says forbidden to a role that may not manage members', () => {
    expect(describeAddUser({ policy, usage: usageFor('engineer', 0) })).toEqual({
      outcome: 'forbidden',
    });
  });

  it('decides for the member "Add user" creates by default', () => {
    expect(defaultNewMember(policy, [pool])).toEqual({
      status: 'active',
      role: 'engineer',
      poolId: 'contracted',
    });
  });
  it('gives the member "Add user" creates the first licence type that is not an add-on', () => {
    const addOn: Pool = { ...pool, id: 'add-on', term: 'add-on' };
    expect(defaultNewMember(policy, [addOn, pool]).poolId).toBe('contracted');
    expect(defaultNewMember(policy, [addOn]).poolId).toBeNull();
  });
});

describe('addUserAvailabilityAt', () => {
  const atZero: AddUserAvailability = {
    outcome: 'needs-licence',
    remedies: [{ kind: 'continue' }, { kind: 'ask-admin', roles: ['System Admin'] }],
  };

  it('keeps going on past the warning as the form opens', () => {
    expect(addUserAvailabilityAt(atZero, 'open')).toEqual(atZero);
  });

  it('drops it on saving, which is the check it defers to', () => {
    expect(addUserAvailabilityAt(atZero, 'save')).toEqual({
      outcome: 'needs-licence',
      remedies: [{ kind: 'ask-admin', roles: ['System Admin'] }],
    });
    expect(addUserAvailabilityAt({ outcome: 'allowed' }, 'save')).toEqual({ outcome: 'allowed' });
  });
});
