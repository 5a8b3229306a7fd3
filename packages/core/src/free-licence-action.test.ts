import { describe, expect, it } from 'vitest';
import {
  dailyProratedWithPassword,
  freeLicenceAction,
  isFreeLicenceCandidate,
  scheduledRemovalWithRestore,
  signedContractLicenceTypes,
} from './index';

describe('freeLicenceAction', () => {
  it('sets the first status that consumes no licence (factro: deactivated)', () => {
    expect(freeLicenceAction(dailyProratedWithPassword, { allowDelete: true })).toEqual({
      kind: 'set-status',
      status: 'deactivated',
    });
  });

  it('deletes the member only when allowed, when every status consumes (Dialpad)', () => {
    expect(freeLicenceAction(scheduledRemovalWithRestore, { allowDelete: true })).toEqual({
      kind: 'delete',
    });
    expect(freeLicenceAction(scheduledRemovalWithRestore, { allowDelete: false })).toBeNull();
  });

  it('deletes the member to make room for a removal where every holder counts (Commusoft)', () => {
    const commusoft = signedContractLicenceTypes;
    expect(freeLicenceAction(commusoft, { allowDelete: true })).toEqual({
      kind: 'set-status',
      status: 'inactive',
    });
    expect(freeLicenceAction(commusoft, { allowDelete: true, purpose: 'decrease' })).toEqual({
      kind: 'delete',
    });
    expect(freeLicenceAction(commusoft, { allowDelete: false, purpose: 'decrease' })).toBeNull();
    expect(
      freeLicenceAction(dailyProratedWithPassword, { allowDelete: true, purpose: 'decrease' }),
    ).toEqual({ kind: 'set-status', status: 'deactivated' });
  });
});

describe('isFreeLicenceCandidate', () => {
  it('never offers the acting member nor a role that may change the allowance (factro)', () => {
    const policy = dailyProratedWithPassword;
    expect(isFreeLicenceCandidate(policy, 'm1', { id: 'm2', role: 'employee' })).toBe(true);
    expect(isFreeLicenceCandidate(policy, 'm2', { id: 'm2', role: 'employee' })).toBe(false);
    expect(isFreeLicenceCandidate(policy, null, { id: 'm3', role: 'owner' })).toBe(false);
    expect(isFreeLicenceCandidate(policy, null, { id: 'm4', role: 'admin' })).toBe(true);
  });
});
