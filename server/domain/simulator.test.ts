import { describe, expect, it } from 'vitest';
import type { IndicatorId } from '../../shared/catalog';
import { regionSet } from '../../shared/regions';
import { makeLocalCalendar } from '../../shared/time';
import { Ingest } from '../sources/ingest';
import { LiveState } from '../state/liveState';
import { openMemoryStore } from '../store/sqlite/store';
import { buildSimulationModel } from './baseline';
import { makeRandom } from './random';
import { eventsToObservations, nextEvents, type SimEvent, startObservations } from './simulator';

/** A whole run from a seed: the model takes its draws first, then the events, as the simulator source does. */
function run(seed: number, count: number, countersOpen = true): SimEvent[] {
  const random = makeRandom(seed);
  const model = buildSimulationModel(regionSet, random);
  return nextEvents(model, random, count, countersOpen);
}

describe('nextEvents', () => {
  it('replays the same events from the same seed', async () => {
    const a = run(20240119, 200);
    const b = run(20240119, 200);
    expect(a).toHaveLength(200);
    expect(b).toEqual(a);
  });

  it('plays different events from a different seed', async () => {
    expect(run(20240120, 200)).not.toEqual(run(20240119, 200));
  });

  it('gives the same model from the same seed', async () => {
    const model = () => buildSimulationModel(regionSet, makeRandom(5));
    expect(model()).toEqual(model());
    expect(buildSimulationModel(regionSet, makeRandom(6))).not.toEqual(model());
  });

  it('draws events only for the region set, identity work only for districts', async () => {
    const districts = new Set(regionSet.districts.map((d) => d.code));
    for (const e of run(3, 2000)) {
      expect(regionSet.isUnit(e.unit)).toBe(true);
      if (e.kind !== 'record') expect(districts.has(e.unit)).toBe(true);
    }
  });

  it('makes almost every record an online one when counters are closed', async () => {
    const records = run(9, 4000, false).filter((e) => e.kind === 'record');
    const online = records.filter((e) => e.kind === 'record' && e.online).length;
    // Every unit's share is at least 92 % then; with thousands of records the share stays well above 85 %.
    expect(online / records.length).toBeGreaterThan(0.85);
    const open = run(9, 4000, true).filter((e) => e.kind === 'record');
    expect(open.filter((e) => e.kind === 'record' && e.online).length / open.length).toBeLessThan(0.8);
  });
});

describe('eventsToObservations', () => {
  const at = Date.UTC(2024, 0, 19, 2);
  const record = (unit: string, online: boolean): SimEvent => ({
    kind: 'record',
    unit,
    online,
    essential: false,
    digitised: true,
    paidOnline: null,
  });

  it('turns events into increments of counts and moved numerators and denominators of rates', async () => {
    const current = (region: string, indicator: IndicatorId) =>
      region === '412' && indicator === 'online-record-rate'
        ? { region, indicator, value: 50, num: 10, den: 20, at: 0, source: 's' }
        : undefined;
    const events: SimEvent[] = [
      record('412', true),
      record('412', false),
      record('412', true),
      { kind: 'eid-activated', unit: '413' },
      { kind: 'id-card-issued', unit: '413', newlyEligible: true },
    ];
    const observations = eventsToObservations(events, current, at);
    const find = (region: string, indicator: string) =>
      observations.filter((o) => o.region === region && o.indicator === indicator);
    expect(find('412', 'records-today-online')).toEqual([
      { region: '412', indicator: 'records-today-online', delta: 2, at },
    ]);
    expect(find('412', 'records-today-offline')).toEqual([
      { region: '412', indicator: 'records-today-offline', delta: 1, at },
    ]);
    expect(find('412', 'online-record-rate')).toEqual([
      { region: '412', indicator: 'online-record-rate', num: 12, den: 23, at },
    ]);
    // No current reading: counted from zero.
    expect(find('412', 'digitised-results-rate')).toEqual([
      { region: '412', indicator: 'digitised-results-rate', num: 3, den: 3, at },
    ]);
    expect(find('412', 'online-payment-rate')).toEqual([]);
    expect(find('412', 'essential-online-rate')).toEqual([]);
    expect(find('413', 'eid-activated')).toEqual([{ region: '413', indicator: 'eid-activated', delta: 1, at }]);
    expect(find('413', 'id-cards-issued')).toHaveLength(1);
    expect(find('413', 'eligible-citizens')).toHaveLength(1);
  });

  it('produces batches the ingest path accepts, which move the province counts by the events', async () => {
    const calendar = makeLocalCalendar('Asia/Ho_Chi_Minh');
    const random = makeRandom(20240119);
    const model = buildSimulationModel(regionSet, random);
    const state = new LiveState({ regions: regionSet, calendar, epoch: 'e' });
    const ingest = new Ingest({
      state,
      regions: regionSet,
      clock: { now: () => at },
      store: openMemoryStore().batches,
      onApplied: () => {},
    });
    expect(
      (
        await ingest.submit(
          'simulator',
          startObservations(model, at, 1000, (p) => p.online),
        )
      ).ok,
    ).toBe(true);
    const before = state.get('province', 'records-today-online')?.value ?? 0;
    const beforeOffline = state.get('province', 'records-today-offline')?.value ?? 0;
    let records = 0;
    for (let tick = 0; tick < 20; tick++) {
      const events = nextEvents(model, random, 25, true);
      records += events.filter((e) => e.kind === 'record').length;
      const result = await ingest.submit(
        'simulator',
        eventsToObservations(events, (r, i) => state.get(r, i), at),
      );
      expect(result).toMatchObject({ ok: true });
    }
    const after = state.get('province', 'records-today-online')?.value ?? 0;
    const afterOffline = state.get('province', 'records-today-offline')?.value ?? 0;
    expect(after - before + (afterOffline - beforeOffline)).toBe(records);
    expect(state.seq).toBe(21);
  });
});
