import { describe, expect, it } from 'vitest';
import { cancellableQuantity, removalLeft, shareRestoredLicences } from './index';

describe('shareRestoredLicences', () => {
  it('gives back the newest scheduled removal first and leaves the older ones whole', () => {
    const shares = shareRestoredLicences(
      [
        { id: 'newer', removed: 3 },
        { id: 'older', removed: 2 },
      ],
      3,
    );
    expect(shares).toEqual([{ id: 'newer', restored: 3, remaining: 0 }]);
  });

  it('shrinks the next removal when the restore outgrows the newest one', () => {
    const shares = shareRestoredLicences(
      [
        { id: 'newer', removed: 3 },
        { id: 'older', removed: 2 },
      ],
      4,
    );
    expect(shares).toEqual([
      { id: 'newer', restored: 3, remaining: 0 },
      { id: 'older', restored: 1, remaining: 1 },
    ]);
  });

  it('restores no more than is scheduled and nothing for a non-positive quantity', () => {
    expect(shareRestoredLicences([{ id: 'only', removed: 2 }], 5)).toEqual([
      { id: 'only', restored: 2, remaining: 0 },
    ]);
    expect(shareRestoredLicences([{ id: 'only', removed: 2 }], 0)).toEqual([]);
    expect(shareRestoredLicences([{ id: 'only', removed: 2 }], -1)).toEqual([]);
  });
});

describe('removalLeft', () => {
  it('is what the removal asked for less what purchases gave back, never below 0', () => {
    expect(removalLeft({ plan: { removed: 3 }, restored: 0 })).toBe(3);
    expect(removalLeft({ plan: { removed: 3 }, restored: 1 })).toBe(2);
    expect(removalLeft({ plan: { removed: 3 }, restored: 4 })).toBe(0);
  });
});

describe('cancellableQuantity', () => {
  const removal = (removed: number, restored = 0) => ({ plan: { removed }, restored });

  it('gives back what a removal still removes, at most what the pool still has scheduled', () => {
    expect(cancellableQuantity(removal(3), { scheduledRemoval: 5 })).toBe(3);
    expect(cancellableQuantity(removal(3), { scheduledRemoval: 1 })).toBe(1);
    expect(cancellableQuantity(removal(3), undefined)).toBe(0);
  });

  it('leaves out what a purchase already restored', () => {
    expect(cancellableQuantity(removal(3, 1), { scheduledRemoval: 5 })).toBe(2);
    expect(cancellableQuantity(removal(3, 3), { scheduledRemoval: 5 })).toBe(0);
  });
});
