import { describe, expect, it } from 'vitest';
import { currentBillingPeriod, nextBillingPeriod } from './index';

describe('nextBillingPeriod', () => {
  it('follows a calendar month with the next calendar month', () => {
    expect(
      nextBillingPeriod({ start: '2026-01-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z' }),
    ).toEqual({ start: '2026-02-01T00:00:00.000Z', end: '2026-03-01T00:00:00.000Z' });
  });

  it('keeps the length of a period that is not whole months', () => {
    expect(
      nextBillingPeriod({ start: '2026-01-01T00:00:00.000Z', end: '2026-01-15T00:00:00.000Z' }),
    ).toEqual({ start: '2026-01-15T00:00:00.000Z', end: '2026-01-29T00:00:00.000Z' });
  });

  it('rolls forward over several missed periods to the one containing now', () => {
    expect(
      currentBillingPeriod(
        { start: '2026-01-01T00:00:00.000Z', end: '2026-02-01T00:00:00.000Z' },
        '2026-04-10T12:00:00.000Z',
      ),
    ).toEqual({ start: '2026-04-01T00:00:00.000Z', end: '2026-05-01T00:00:00.000Z' });
  });
});
