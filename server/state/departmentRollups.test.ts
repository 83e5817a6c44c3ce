import { describe, expect, it } from 'vitest';
import { type IndicatorId, indicatorOf, indicators } from '../../shared/catalog';
import { regionSet } from '../../shared/regions';
import { makeLocalCalendar } from '../../shared/time';
import { buildSimulationModel } from '../domain/baseline';
import { makeRandom } from '../domain/random';
import { startObservations } from '../domain/simulator';
import { Ingest } from '../sources/ingest';
import { openMemoryStore } from '../store/sqlite/store';
import { LiveState } from './liveState';

const AT = Date.UTC(2024, 0, 19, 3);

/** The live state after the simulator's starting figures, which give every department every rate. */
async function started() {
  const state = new LiveState({ regions: regionSet, calendar: makeLocalCalendar('Asia/Ho_Chi_Minh'), epoch: 'e' });
  const ingest = new Ingest({
    state,
    regions: regionSet,
    clock: { now: () => AT },
    store: openMemoryStore().batches,
    onApplied: () => {},
  });
  const model = buildSimulationModel(regionSet, makeRandom(20240119));
  const result = await ingest.submit(
    'simulator',
    startObservations(model, AT, 5000, (p) => p.online),
  );
  if (!result.ok) throw new Error('the starting figures were refused');
  return state;
}

const DEPARTMENT_RATES = indicators
  .filter((i) => i.kind === 'rate' && i.appliesTo.includes('department'))
  .map((i) => i.id);

const state = await started();

describe('the departments roll-up', () => {
  const sum = (codes: readonly { code: string }[], id: IndicatorId, part: 'num' | 'den') =>
    codes.reduce((total, u) => total + (state.get(u.code, id)?.[part] ?? 0), 0);

  it.each(DEPARTMENT_RATES)('%s: the departments’ records over their records, never a mean of their rates', (id) => {
    const num = sum(regionSet.departments, id, 'num');
    const den = sum(regionSet.departments, id, 'den');
    expect(state.get('departments', id)).toMatchObject({ num, den, source: 'rollup' });
    expect(state.get('departments', id)?.value).toBeCloseTo((num / den) * 100, 10);
  });

  it.each(DEPARTMENT_RATES)('%s: localities and departments together make the province', (id) => {
    const localities = state.get('localities', id);
    const departments = state.get('departments', id);
    expect(state.get('province', id)).toMatchObject({
      num: (localities?.num ?? 0) + (departments?.num ?? 0),
      den: (localities?.den ?? 0) + (departments?.den ?? 0),
    });
  });

  it('gives the service index the equal-weighted mean of the departments’ scores', async () => {
    expect(indicatorOf('service-index').rollup).toEqual({ by: 'weighted', weights: 'equal' });
    const scores = regionSet.departments.map((d) => state.get(d.code, 'service-index')?.value ?? Number.NaN);
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    expect(state.get('departments', 'service-index')?.value).toBeCloseTo(mean, 10);
  });

  it('sums the departments’ records received today', async () => {
    for (const id of ['records-today-online', 'records-today-offline'] as const) {
      const total = regionSet.departments.reduce((t, d) => t + (state.get(d.code, id)?.value ?? 0), 0);
      expect(state.get('departments', id)?.value).toBe(total);
    }
  });

  it('has no departments figure for identity work, which districts do', async () => {
    for (const id of ['id-cards-issued', 'eid-collected', 'eid-activated', 'eid-activation-rate'] as const) {
      expect(state.get('departments', id), id).toBeUndefined();
    }
  });
});
