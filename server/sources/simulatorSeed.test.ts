import { describe, expect, it } from 'vitest';
import vietnam from '../../deployments/vietnam-2025/regions.json';
import { createRegionSet, type RegionSet, regionSet } from '../../shared/regions';
import { buildSimulationModel } from '../domain/baseline';
import { makeRandom } from '../domain/random';
import { startObservations } from '../domain/simulator';
import { HISTORY_SEED_BUDGET, seedsEveryFigureHourly } from './simulatorSource';

/** Observations one history point of the day takes on a region set. */
const perPoint = (regions: RegionSet) =>
  startObservations(buildSimulationModel(regions, makeRandom(1)), 0, 1000, (p) => p.online).length;

describe('the day seeded at start', () => {
  it('seeds every figure every hour on the deployment under test, late in the day', () => {
    expect(seedsEveryFigureHourly(23, perPoint(regionSet))).toBe(true);
  });

  it('seeds a national set every figure only once, past the first hours', () => {
    const n = perPoint(createRegionSet(vietnam));
    expect(n).toBeGreaterThan(30_000);
    expect(seedsEveryFigureHourly(2, n)).toBe(true);
    expect(seedsEveryFigureHourly(3, n)).toBe(false);
    expect(3 * n).toBeGreaterThan(HISTORY_SEED_BUDGET);
  });
});
