import { describe, expect, it } from 'vitest';
import vietnam from '../../deployments/vietnam-2025/regions.json';
import { indicatorOf } from '../../shared/catalog';
import { createRegionSet } from '../../shared/regions';
import { rollupWeight } from '../../shared/rollup';
import { makeLocalCalendar } from '../../shared/time';
import { rolloverObservations } from '../sources/dayRollover';
import { LiveState } from './liveState';

const regions = createRegionSet(vietnam);
const calendar = makeLocalCalendar('Asia/Ho_Chi_Minh');
const T = Date.UTC(2026, 11, 2, 3);
const [baDinh, hoanKiem] = regions.subunitsOf('P01');
if (!baDinh || !hoanKiem) throw new Error('fixture: P01 has communes');

describe('LiveState with sub-units (vietnam-2025: provinces rolled up from their communes)', () => {
  const state = new LiveState({ regions, calendar, epoch: 'e' });
  const { changes } = state.apply('s', [
    { region: baDinh.code, indicator: 'records-today-online', at: T, delta: 3 },
    { region: hoanKiem.code, indicator: 'records-today-online', at: T, delta: 4 },
    { region: baDinh.code, indicator: 'service-index', at: T, value: 90 },
    { region: hoanKiem.code, indicator: 'service-index', at: T, value: 60 },
  ]);

  it('rolls communes up into their province, then the province into the wall roll-ups, in one batch', () => {
    const regionsChanged = new Set(changes.map((r) => r.region));
    expect(regionsChanged).toEqual(new Set([baDinh.code, hoanKiem.code, 'P01', 'province', 'localities']));
    expect(state.get('P01', 'records-today-online')).toMatchObject({ value: 7, source: 'rollup' });
    expect(state.get('localities', 'records-today-online')?.value).toBe(7);
    // A score takes the catalogue's weighted mean over the communes.
    const rule = indicatorOf('service-index').rollup;
    const [wA, wB] = [rollupWeight(rule, baDinh), rollupWeight(rule, hoanKiem)];
    const expected = (90 * wA + 60 * wB) / (wA + wB);
    expect(state.get('P01', 'service-index')?.value).toBeCloseTo(expected, 10);
  });

  it("keeps the communes' readings out of what a wall screen loads, and serves them by province", () => {
    expect(state.wallReadings().some((r) => regions.subunit(r.region))).toBe(false);
    expect(
      state
        .subunitReadings('P01')
        .map((r) => r.region)
        .sort(),
    ).toEqual([baDinh.code, baDinh.code, hoanKiem.code, hoanKiem.code].sort());
    expect(state.readings()).toHaveLength(state.wallReadings().length + 4);
  });

  it("starts the communes' daily counts again at midnight, not the provinces' (their roll-up follows)", () => {
    const next = rolloverObservations(state.readings(), regions, calendar, T + 86_400_000);
    expect(next.map((o) => o.region).sort()).toEqual([baDinh.code, hoanKiem.code].sort());
  });
});
