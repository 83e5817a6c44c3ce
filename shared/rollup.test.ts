import { describe, expect, it } from 'vitest';
import type { Rollup } from './catalog/indicators';
import { regionSet } from './regions';
import { type RollupInput, ratePercent, rollUp, rollupWeight } from './rollup';

const SUM: Rollup = { by: 'sum' };
const RATIO: Rollup = { by: 'ratio' };
const EQUAL: Rollup = { by: 'weighted', weights: 'equal' };
const BY_COMMUNES: Rollup = { by: 'weighted', weights: 'weight' };

const count = (value: number | null): RollupInput => ({ value, weight: 1 });
const rate = (num: number, den: number): RollupInput => ({ value: ratePercent(num, den), num, den, weight: 1 });

describe('ratePercent', () => {
  it('gives percent, and null when there is nothing to divide by', () => {
    expect(ratePercent(1, 4)).toBe(25);
    expect(ratePercent(0, 0)).toBeNull();
  });
});

describe('rollUp by sum', () => {
  it('adds the values', () => {
    expect(rollUp(SUM, [count(3), count(4), count(10)])).toEqual({ value: 17 });
  });

  it('leaves out units without a value, and has no value when none has one', () => {
    expect(rollUp(SUM, [count(3), count(null), count(4)])).toEqual({ value: 7 });
    expect(rollUp(SUM, [count(null), count(null)])).toEqual({ value: null });
    expect(rollUp(SUM, [])).toEqual({ value: null });
  });

  it('keeps a real zero apart from no value', () => {
    expect(rollUp(SUM, [count(0), count(null)])).toEqual({ value: 0 });
  });
});

describe('rollUp by ratio', () => {
  it('divides the summed numerators by the summed denominators', () => {
    expect(rollUp(RATIO, [rate(1, 4), rate(3, 4)])).toEqual({ value: 50, num: 4, den: 8 });
  });

  it('is not the mean of the unit rates when the units differ in size', () => {
    // 90 % of 100 records and 1 % of 1000 records: 100 of 1100 records online, 9.09 %, not (90 + 1) / 2 = 45.5 %.
    const inputs = [rate(90, 100), rate(10, 1000)];
    const meanOfRates = inputs.reduce((s, i) => s + (i.value ?? 0), 0) / inputs.length;
    expect(meanOfRates).toBeCloseTo(45.5, 10);
    const result = rollUp(RATIO, inputs);
    expect(result.num).toBe(100);
    expect(result.den).toBe(1100);
    expect(result.value).toBeCloseTo(9.0909, 4);
  });

  it('leaves out units without a numerator and denominator', () => {
    const noPair: RollupInput = { value: 99, weight: 1 };
    expect(rollUp(RATIO, [rate(1, 2), noPair])).toEqual({ value: 50, num: 1, den: 2 });
  });

  it('has no value when the summed denominator is zero', () => {
    expect(rollUp(RATIO, [rate(0, 0), rate(0, 0)])).toEqual({ value: null, num: 0, den: 0 });
    expect(rollUp(RATIO, []).value).toBeNull();
  });

  it('ignores the weights', () => {
    const heavy = { ...rate(90, 100), weight: 50 };
    expect(rollUp(RATIO, [heavy, rate(10, 100)]).value).toBe(50);
  });
});

describe('rollUp by weighted mean', () => {
  it('gives each unit the same say with equal weights', () => {
    const [vinh, cuaLo] = regionSet.districts;
    if (!vinh || !cuaLo) throw new Error('region set has fewer than two units');
    const inputs = [
      { value: 90, weight: rollupWeight(EQUAL, vinh) },
      { value: 60, weight: rollupWeight(EQUAL, cuaLo) },
    ];
    expect(rollUp(EQUAL, inputs)).toEqual({ value: 75 });
  });

  it('weighs units by their weight (a district by its commune-level units)', () => {
    // On nghe-an-2024, Vinh has 25 commune-level units and Cua Lo 7: (90 * 25 + 60 * 7) / 32 = 83.4375.
    const [vinh, cuaLo] = regionSet.districts;
    if (!vinh || !cuaLo) throw new Error('region set has fewer than two units');
    expect(rollupWeight(BY_COMMUNES, vinh)).toBe(vinh.weight);
    expect(rollupWeight(BY_COMMUNES, cuaLo)).toBe(cuaLo.weight);
    const inputs = [
      { value: 90, weight: rollupWeight(BY_COMMUNES, vinh) },
      { value: 60, weight: rollupWeight(BY_COMMUNES, cuaLo) },
    ];
    const expected = (90 * vinh.weight + 60 * cuaLo.weight) / (vinh.weight + cuaLo.weight);
    expect(rollUp(BY_COMMUNES, inputs).value).toBeCloseTo(expected, 10);
    if (regionSet.data.id === 'nghe-an-2024') expect(expected).toBe(83.4375);
  });

  it('gives a department, which has no commune-level units, a weight of 1', () => {
    const department = regionSet.departments[0];
    if (!department) throw new Error('no department');
    expect(rollupWeight(BY_COMMUNES, department)).toBe(1);
  });

  it('leaves out units without a value or with no weight', () => {
    const inputs = [
      { value: 80, weight: 2 },
      { value: null, weight: 5 },
      { value: 10, weight: 0 },
    ];
    expect(rollUp(EQUAL, inputs)).toEqual({ value: 80 });
    expect(rollUp(EQUAL, [{ value: null, weight: 1 }])).toEqual({ value: null });
  });

  it('gives every roll-up rule but weighted a weight of 1', () => {
    const vinh = regionSet.districts[0];
    if (!vinh) throw new Error('region set has no unit');
    expect(rollupWeight(SUM, vinh)).toBe(1);
    expect(rollupWeight(RATIO, vinh)).toBe(1);
  });
});
