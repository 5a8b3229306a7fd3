/** An amount in integer minor units (cents, pence, yen) of an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/**
 * How a fractional minor unit is settled.
 * - `half-up`: to the nearest minor unit, halves away from zero (the default, what invoices usually print);
 * - `half-even`: to the nearest, halves to the even neighbour (banker's rounding);
 * - `up`: away from zero, so the seller never under-charges;
 * - `down`: toward zero, so the buyer never over-pays.
 */
export type Rounding = 'half-up' | 'half-even' | 'up' | 'down';

export function money(amount: number, currency: string): Money {
  return { amount, currency };
}

/**
 * `numerator / denominator` rounded to an integer by `rounding`, computed exactly with BigInt
 * so that quantity x price x seconds never loses a minor unit to floating point.
 */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: Rounding): number {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const remainder = magnitude % denominator;
  if (remainder !== 0n) {
    const twice = remainder * 2n;
    const roundsAway =
      rounding === 'up' ||
      (rounding === 'half-up' && twice >= denominator) ||
      (rounding === 'half-even' &&
        (twice > denominator || (twice === denominator && quotient % 2n === 1n)));
    if (roundsAway) quotient += 1n;
  }
  return Number(negative ? -quotient : quotient);
}
