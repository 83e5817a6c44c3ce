import { describe, expect, it } from 'vitest';
import vietnam from '../../deployments/vietnam-2025/regions.json';
import { createRegionSet, type RegionSet, regionSet } from '../../shared/regions';
import { buildSimulationModel } from '../domain/baseline';
import { makeRandom } from '../domain/random';
import { startObservations } from '../domain/simulator';
import { HISTORY_SEED_BUDGET, historyStepHours } from './simulatorSource';

/** Observations one history point of the day takes on a region set. */
const perPoint = (regions: RegionSet) =>
  startObservations(buildSimulationModel(regions, makeRandom(1)), 0, 1000, (p) => p.online).length;

describe('the day seeded at start', () => {
  it('keeps a point every hour on the deployment under test, late in the day', () => {
    expect(historyStepHours(23, perPoint(regionSet))).toBe(1);
  });

  it('seeds a national set every few hours, within the budget, at every hour of the day', () => {
    const n = perPoint(createRegionSet(vietnam));
    expect(n).toBeGreaterThan(30_000);
    for (let hours = 0; hours <= 23; hours += 1) {
      const step = historyStepHours(hours, n);
      // The latest start in that hour: a point at every step up to the hour itself.
      const points = Math.floor(hours / step);
      expect(points * n).toBeLessThanOrEqual(HISTORY_SEED_BUDGET);
    }
    expect(historyStepHours(21, n)).toBe(8);
  });

  it('never steps less than an hour', () => {
    expect(historyStepHours(0, 0)).toBe(1);
    expect(historyStepHours(5, 10 ** 9)).toBe(6);
  });
});
