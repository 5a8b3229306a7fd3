import { describe, expect, it } from 'vitest';
import {
  blankEntry,
  deltaPool,
  draftCases,
  missingCases,
  planAsking,
  totalPool,
} from './allowance-draft.test-cases';
import {
  chooseDraftDirection,
  describeAllowanceDraft,
  enterDraftValue,
  initialAllowanceDraftEntry,
  missingConfirmations,
} from './index';

describe('describeAllowanceDraft', () => {
  it.each(draftCases)('$title', ({ pool, changeInput, entry, quote, expected }) => {
    const draft = describeAllowanceDraft({
      pool,
      changeInput,
      entry: { ...blankEntry, ...entry },
      ...(quote === undefined ? {} : { quote }),
    });
    expect(draft).toMatchObject(expected);
  });

  it('keeps the stepper and restore entries requests of their own', () => {
    const draft = describeAllowanceDraft({
      pool: totalPool,
      changeInput: 'total',
      entry: { ...blankEntry, value: '10' },
    });
    const next = describeAllowanceDraft({
      pool: totalPool,
      changeInput: 'total',
      entry: draft.steps?.increment ?? blankEntry,
    });
    expect(next.request).toEqual({ poolId: 'seats', total: 11 });
  });
});

describe('initialAllowanceDraftEntry', () => {
  it('starts a total from the next period, not yet a request', () => {
    expect(initialAllowanceDraftEntry({ pool: totalPool, changeInput: 'total' })).toEqual({
      ...blankEntry,
      value: '10',
    });
  });

  it('starts a delta empty, and a prefilled number as a request', () => {
    expect(initialAllowanceDraftEntry({ pool: deltaPool, changeInput: 'delta' }).value).toBe('');
    expect(
      initialAllowanceDraftEntry({ pool: deltaPool, changeInput: 'delta', defaultValue: 3 }),
    ).toMatchObject({ value: '3', touched: true });
  });
});

describe('the entry transitions', () => {
  it('makes a typed value a request and a direction one only with a value', () => {
    expect(enterDraftValue(blankEntry, '4')).toMatchObject({ value: '4', touched: true });
    expect(chooseDraftDirection(blankEntry, 'remove')).toMatchObject({
      direction: 'remove',
      touched: false,
    });
    expect(chooseDraftDirection({ ...blankEntry, value: '2' }, 'remove').touched).toBe(true);
  });
});

describe('missingConfirmations', () => {
  it.each(missingCases)('finds $title', ({ asks, given, missing }) => {
    expect(missingConfirmations(planAsking(...asks), given)).toEqual(missing);
  });
});
