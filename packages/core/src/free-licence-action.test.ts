import { describe, expect, it } from 'vitest';
import {
  dailyProratedWithPassword,
  freeLicenceAction,
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
