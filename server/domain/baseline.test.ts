import { describe, expect, it } from 'vitest';
import type { IndicatorId } from '../../shared/catalog';
import type { RollupId } from '../../shared/regions';
import { regionSet } from '../../shared/regions';
import { makeLocalCalendar } from '../../shared/time';
import { loadConfig } from '../config';
import { Ingest } from '../sources/ingest';
import { LiveState } from '../state/liveState';
import { openMemoryStore } from '../store/sqlite/store';
import { buildSimulationModel, project06 } from './baseline';
import { makeRandom } from './random';
import { startObservations } from './simulator';

const AT = Date.UTC(2024, 0, 19, 3);
const RECORDS_TODAY = 4321;
/** The seed a deployment runs with unless told otherwise. */
const DEFAULT_SEED = loadConfig({}).simulator.seed;

/** A fresh live state fed the simulator's starting figures through the ingest path. */
async function started(seed: number) {
  const model = buildSimulationModel(regionSet, makeRandom(seed));
  const state = new LiveState({ regions: regionSet, calendar: makeLocalCalendar('Asia/Ho_Chi_Minh'), epoch: 'e' });
  const ingest = new Ingest({
    state,
    regions: regionSet,
    clock: { now: () => AT },
    store: openMemoryStore().batches,
    onApplied: () => {},
  });
  const result = await ingest.submit(
    'simulator',
    startObservations(model, AT, RECORDS_TODAY, (p) => p.online),
  );
  if (!result.ok) throw new Error(`baseline refused: ${JSON.stringify(result)}`);
  return { state, model };
}

const f = project06.figures;
const round2 = (v: number | null | undefined) => (v == null ? null : Math.round(v * 100) / 100);

const SEEDS = [DEFAULT_SEED, 1, 42];
const startedBySeed = new Map(await Promise.all(SEEDS.map(async (seed) => [seed, await started(seed)] as const)));

describe.each(SEEDS)('the starting figures with seed %i', (seed) => {
  const { state } = startedBySeed.get(seed) as Awaited<ReturnType<typeof started>>;
  const rollup = (region: RollupId, id: IndicatorId) => state.get(region, id);

  it('add up to the article’s counts exactly', async () => {
    expect(f.chipCitizenIdCardsIssued.value).toBe(2_852_992);
    expect(rollup('province', 'id-cards-issued')?.value).toBe(2_852_992);
    expect(rollup('province', 'eid-collected')?.value).toBe(2_389_718);
    expect(rollup('province', 'eid-activated')?.value).toBe(1_899_673);
    // Identity work is the districts'.
    expect(rollup('localities', 'id-cards-issued')?.value).toBe(2_852_992);
    expect(rollup('departments', 'id-cards-issued')).toBeUndefined();
  });

  it('give the article’s online record rates to two decimals', async () => {
    expect(round2(rollup('province', 'online-record-rate')?.value)).toBe(45.03);
    expect(round2(rollup('localities', 'online-record-rate')?.value)).toBe(57.12);
    expect(round2(rollup('departments', 'online-record-rate')?.value)).toBe(27.96);
    expect(round2(rollup('province', 'essential-online-rate')?.value)).toBe(74.4);
  });

  it('derive the activation rate from the counts', async () => {
    const rate = rollup('province', 'eid-activation-rate');
    expect(rate).toMatchObject({ num: 1_899_673, den: 2_389_718 });
    expect(round2(rate?.value)).toBe(79.49);
  });

  it('keep every rate possible: no numerator above its denominator', async () => {
    const rates = state.readings().filter((r) => r.num !== undefined);
    expect(rates.length).toBeGreaterThan(0);
    for (const r of rates) expect(r.num).toBeLessThanOrEqual(r.den ?? -1);
  });

  it('spread today’s records over the units', async () => {
    const online = rollup('province', 'records-today-online')?.value ?? 0;
    const offline = rollup('province', 'records-today-offline')?.value ?? 0;
    // Each unit rounds its share once: 31 units, at most half a record each.
    expect(Math.abs(online + offline - RECORDS_TODAY)).toBeLessThanOrEqual(regionSet.units.length / 2);
  });
});

describe('the default seed', () => {
  it('has districts on both sides of the 40 % online-record target', async () => {
    const { state } = await started(DEFAULT_SEED);
    const rates = regionSet.districts.map((d) => state.get(d.code, 'online-record-rate')?.value ?? Number.NaN);
    expect(rates.every(Number.isFinite)).toBe(true);
    expect(rates.some((r) => r < 40)).toBe(true);
    expect(rates.some((r) => r >= 40)).toBe(true);
  });
});
