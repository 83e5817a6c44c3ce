import { describe, expect, it } from 'vitest';
import { apportion, apportionRate } from './apportion';
import { makeRandom } from './random';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('apportion', () => {
  it('splits in proportion when the shares divide the total', () => {
    expect(apportion(100, [1, 2, 3, 4])).toEqual([10, 20, 30, 40]);
  });

  it('gives the leftover units to the largest remainders, ties to the first', () => {
    // 3.5, 1.75, 1.75: floors 3, 1, 1 leave 2 for the two remainders of 0.75.
    expect(apportion(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });

  it('gives nothing to a zero share', () => {
    expect(apportion(5, [0, 1, 0])).toEqual([0, 5, 0]);
  });

  it('refuses shares that add up to nothing', () => {
    expect(() => apportion(5, [0, 0])).toThrow(RangeError);
  });

  it('adds up to the total exactly, each part within one of its exact share', () => {
    const random = makeRandom(7);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(random.between(0, 25));
      const shares = Array.from({ length: n }, () => random.between(0.01, 40));
      const total = Math.floor(random.between(0, 3_000_000));
      const parts = apportion(total, shares);
      expect(sum(parts)).toBe(total);
      const whole = sum(shares);
      parts.forEach((p, i) => {
        const exact = (total * (shares[i] ?? 0)) / whole;
        expect(Number.isInteger(p)).toBe(true);
        expect(Math.abs(p - exact)).toBeLessThan(1);
      });
    }
  });
});

describe('apportionRate', () => {
  it('keeps equal rates proportional to the denominators', () => {
    expect(apportionRate(30, [100, 200], [0.5, 0.5])).toEqual([10, 20]);
  });

  it('moves the excess of a unit pushed above 100 % to the others', () => {
    // Shares 9 and 10 would give 24 and 26; the first has only 10 records.
    expect(apportionRate(50, [10, 100], [0.9, 0.1])).toEqual([10, 40]);
  });

  it('fills every denominator when the numerator equals their sum', () => {
    expect(apportionRate(110, [10, 100], [0.9, 0.1])).toEqual([10, 100]);
  });

  it('refuses a numerator above the summed denominators', () => {
    expect(() => apportionRate(111, [10, 100], [0.5, 0.5])).toThrow(RangeError);
  });

  it('adds up exactly and never gives a unit more than its denominator', () => {
    const random = makeRandom(11);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(random.between(0, 25));
      const dens = Array.from({ length: n }, () => Math.floor(random.between(1, 50_000)));
      const rates = Array.from({ length: n }, () => random.between(0.02, 0.98));
      // Up to the whole capacity, so that capping is exercised.
      const totalNum = Math.floor(sum(dens) * random.between(0, 1));
      const nums = apportionRate(totalNum, dens, rates);
      expect(sum(nums)).toBe(totalNum);
      nums.forEach((num, i) => {
        expect(Number.isInteger(num)).toBe(true);
        expect(num).toBeGreaterThanOrEqual(0);
        expect(num).toBeLessThanOrEqual(dens[i] ?? 0);
      });
    }
  });
});
