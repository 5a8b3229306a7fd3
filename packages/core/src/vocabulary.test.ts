import { describe, expect, it } from 'vitest';
import { fillTemplate } from './vocabulary';

describe('fillTemplate', () => {
  it('replaces each named parameter, formatting numbers with the given function', () => {
    expect(
      fillTemplate(
        'Number of Active Users: {used} · Maximum Active Users: {purchased}',
        { used: 1200, purchased: 1500 },
        (value) => value.toLocaleString('en'),
      ),
    ).toBe('Number of Active Users: 1,200 · Maximum Active Users: 1,500');
  });

  it('leaves a parameter it does not know as written, so a typo shows', () => {
    expect(fillTemplate('Purchase new {trem} licenses', { term: 'daily' })).toBe(
      'Purchase new {trem} licenses',
    );
  });
});
