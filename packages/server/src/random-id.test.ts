import { describe, expect, it } from 'vitest';
import { randomId } from './random-id';

describe('randomId', () => {
  it('answers distinct identifiers of the asked length, also across draws of random bytes', () => {
    const ids = Array.from({ length: 2_000 }, (_, index) => randomId('mem', 1 + (index % 40)));
    for (const [index, id] of ids.entries())
      expect(id).toMatch(new RegExp(`^mem_[0-9a-f]{${2 * (1 + (index % 40))}}$`));
    const long = ids.filter((id) => id.length > 20);
    expect(new Set(long).size).toBe(long.length);
    expect(randomId('tok', 5_000)).toHaveLength(4 + 10_000);
  });
});
