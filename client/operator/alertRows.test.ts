import { describe, expect, it } from 'vitest';
import { ageParts, selectAllState, stillListed } from './alertRows';

describe('alert rows', () => {
  it('gives an age in days, hours and minutes, never negative', () => {
    expect(ageParts(59_999)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(ageParts(125 * 60_000 + 30_000)).toEqual({ days: 0, hours: 2, minutes: 5 });
    expect(ageParts((2 * 1440 + 3 * 60 + 7) * 60_000)).toEqual({ days: 2, hours: 3, minutes: 7 });
    expect(ageParts(-5_000)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });

  it('keeps selected only the alerts still listed, in the list’s order', () => {
    expect(stillListed(new Set(['c', 'a', 'gone']), ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(stillListed(new Set(), ['a'])).toEqual([]);
  });

  it('shows the select-all box checked, mixed or empty', () => {
    expect(selectAllState(0, 5)).toBe('none');
    expect(selectAllState(2, 5)).toBe('some');
    expect(selectAllState(5, 5)).toBe('all');
    expect(selectAllState(0, 0)).toBe('none');
  });
});
