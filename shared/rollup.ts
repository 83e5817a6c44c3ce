import type { Rollup } from './catalog/indicators';
import type { Subunit, Unit } from './regions/schema';

/** The measurable part of a reading: a value, and for rates the numerator and denominator it comes from. */
export interface Measure {
  value: number | null;
  num?: number;
  den?: number;
}

export interface RollupInput extends Measure {
  /** The unit's say in a weighted roll-up; ignored by sums and ratios. */
  weight: number;
}

/** A rate in percent, or null when there is nothing to divide by. */
export function ratePercent(num: number, den: number): number | null {
  return den > 0 ? (num / den) * 100 : null;
}

/** The weight a unit carries in a weighted roll-up. */
export function rollupWeight(rule: Rollup, unit: Unit | Subunit): number {
  if (rule.by !== 'weighted' || rule.weights === 'equal') return 1;
  return 'weight' in unit ? unit.weight : 1;
}

/**
 * Rolls unit measures up to one aggregate. Counts add; rates divide the summed numerators by the summed
 * denominators (so a large district weighs as much as its records do, unlike a mean of rates); scores take the
 * declared weighted mean. Units without a value are left out; with none at all the result has no value.
 */
export function rollUp(rule: Rollup, inputs: readonly RollupInput[]): Measure {
  switch (rule.by) {
    case 'sum': {
      let total = 0;
      let any = false;
      for (const input of inputs) {
        if (input.value === null) continue;
        total += input.value;
        any = true;
      }
      return { value: any ? total : null };
    }
    case 'ratio': {
      let num = 0;
      let den = 0;
      for (const input of inputs) {
        if (input.num === undefined || input.den === undefined) continue;
        num += input.num;
        den += input.den;
      }
      return { value: ratePercent(num, den), num, den };
    }
    case 'weighted': {
      let weighted = 0;
      let weights = 0;
      for (const input of inputs) {
        if (input.value === null || input.weight <= 0) continue;
        weighted += input.value * input.weight;
        weights += input.weight;
      }
      return { value: weights > 0 ? weighted / weights : null };
    }
  }
}
