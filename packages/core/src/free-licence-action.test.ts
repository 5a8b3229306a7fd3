import { describe, expect, it } from 'vitest';
import { dailyProratedWithPassword, freeLicenceAction, scheduledRemovalWithRestore } from './index';

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
});
