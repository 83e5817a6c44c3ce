import { describe, expect, it } from 'vitest';
import { percentile, slope } from './stats';

describe('slope', () => {
  it('fits a line through noisy points', () => {
    expect(
      slope([
        [0, 1],
        [1, 3],
        [2, 5],
      ]),
    ).toBe(2);
    expect(
      slope([
        [0, 10],
        [1, 9],
        [2, 11],
        [3, 10],
      ]),
    ).toBeCloseTo(0.2, 6);
  });

  it('is 0 without a spread of x', () => {
    expect(slope([])).toBe(0);
    expect(
      slope([
        [1, 5],
        [1, 7],
      ]),
    ).toBe(0);
  });
});

describe('percentile', () => {
  it('takes the nearest rank, the median of three being the middle one', () => {
    expect(percentile([14.2, 13.3, 13.6], 0.5)).toBe(13.6);
  });
});
