import { describe, expect, it } from 'vitest';
import { divideRounded, money, type Rounding } from './index';

describe('divideRounded', () => {
  // numerator / denominator: the exact value, then each rounding's result
  it.each([
    { n: 10n, d: 5n, exact: '2', 'half-up': 2, 'half-even': 2, up: 2, down: 2 },
    { n: 7n, d: 2n, exact: '3.5', 'half-up': 4, 'half-even': 4, up: 4, down: 3 },
    { n: 5n, d: 2n, exact: '2.5', 'half-up': 3, 'half-even': 2, up: 3, down: 2 },
    { n: 1n, d: 2n, exact: '0.5', 'half-up': 1, 'half-even': 0, up: 1, down: 0 },
    { n: 7n, d: 3n, exact: '2.333', 'half-up': 2, 'half-even': 2, up: 3, down: 2 },
    { n: 8n, d: 3n, exact: '2.667', 'half-up': 3, 'half-even': 3, up: 3, down: 2 },
    { n: 1n, d: 1000n, exact: '0.001', 'half-up': 0, 'half-even': 0, up: 1, down: 0 },
    { n: 0n, d: 7n, exact: '0', 'half-up': 0, 'half-even': 0, up: 0, down: 0 },
    { n: -5n, d: 2n, exact: '-2.5', 'half-up': -3, 'half-even': -2, up: -3, down: -2 },
    { n: -7n, d: 2n, exact: '-3.5', 'half-up': -4, 'half-even': -4, up: -4, down: -3 },
    { n: -7n, d: 3n, exact: '-2.333', 'half-up': -2, 'half-even': -2, up: -3, down: -2 },
    { n: -8n, d: 3n, exact: '-2.667', 'half-up': -3, 'half-even': -3, up: -3, down: -2 },
    { n: -1n, d: 2n, exact: '-0.5', 'half-up': -1, 'half-even': 0, up: -1, down: 0 },
  ])('rounds $exact by each rule', ({ n, d, exact: _exact, ...expected }) => {
    const roundings: Rounding[] = ['half-up', 'half-even', 'up', 'down'];
    const rounded = Object.fromEntries(roundings.map((how) => [how, divideRounded(n, d, how)]));
    expect(rounded).toEqual(expected);
  });

  it('rounds halves away from zero with half-up and to the even neighbour with half-even', () => {
    const halves = [-3.5, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5];
    const of = (how: Rounding) =>
      halves.map((half) => divideRounded(BigInt(half * 2), 2n, how) + 0);
    expect(of('half-up')).toEqual([-4, -3, -2, -1, 1, 2, 3, 4]);
    expect(of('half-even')).toEqual([-4, -2, -2, 0, 0, 2, 2, 4]);
  });

  it('stays exact when quantity x price x seconds exceeds the safe integers', () => {
    // 999,999 licences x 99,999.99 x 31,622,399 seconds / 31,622,400 seconds in a leap year
    const numerator = 999_999n * 9_999_999n * 31_622_399n;
    expect(divideRounded(numerator, 31_622_400n, 'half-up')).toBe(9_999_988_683_770);
    expect(divideRounded(numerator, 31_622_400n, 'down')).toBe(9_999_988_683_769);
  });

  it('refuses a denominator that is not positive', () => {
    expect(() => divideRounded(1n, 0n, 'half-up')).toThrow(RangeError);
    expect(() => divideRounded(1n, -2n, 'half-up')).toThrow('denominator must be positive');
  });
});

describe('money', () => {
  it('pairs an amount in minor units with its currency', () => {
    expect(money(1_999, 'EUR')).toEqual({ amount: 1_999, currency: 'EUR' });
  });
});
