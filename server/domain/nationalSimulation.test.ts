import { describe, expect, it } from 'vitest';
import vietnam from '../../deployments/vietnam-2025/regions.json';
import ownFigures from '../../deployments/vietnam-2025/simulation.json';
import { SimulationFiguresSchema } from '../../shared/deployment';
import { createRegionSet } from '../../shared/regions';
import { buildSimulationModel, withOwnFigures } from './baseline';
import { makeRandom } from './random';

const regions = createRegionSet(vietnam);
const figures = SimulationFiguresSchema.parse(ownFigures);
const model = buildSimulationModel(regions, makeRandom(20240119), withOwnFigures(figures));

/** A rate rolled up from the communes into each province (Σnum / Σden), in %. */
function provinceRates(indicator: 'online-record-rate' | 'essential-online-rate'): number[] {
  const sums = new Map<string, [number, number]>();
  for (const s of model.start) {
    const parent = regions.subunit(s.code)?.parent;
    const pair = s.rates[indicator];
    if (parent === undefined || !pair) continue;
    const sum = sums.get(parent) ?? [0, 0];
    sums.set(parent, [sum[0] + pair[0], sum[1] + pair[1]]);
  }
  return [...sums.values()].map(([num, den]) => (100 * num) / den);
}

describe('the national simulation', () => {
  it('counts the country: its own identity figures summed over the communes', () => {
    const total = (key: 'id-cards-issued' | 'eid-collected' | 'eid-activated') =>
      model.start.reduce((sum, s) => sum + (s.counts[key] ?? 0), 0);
    expect(total('id-cards-issued')).toBe(figures.chipCitizenIdCardsIssued);
    expect(total('eid-collected')).toBe(figures.electronicIdAccounts.collected);
    expect(total('eid-activated')).toBe(figures.electronicIdAccounts.activated);
  });

  it('spreads the provinces: most meet the 40 % target, some miss it and a few are critical', () => {
    const rates = provinceRates('online-record-rate');
    expect(rates).toHaveLength(34);
    const below = rates.filter((r) => r < 40).length;
    const critical = rates.filter((r) => r < 30).length;
    expect(below).toBeGreaterThanOrEqual(3);
    expect(critical).toBeGreaterThanOrEqual(1);
    expect(below).toBeLessThan(17);
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(30);
  });
});
