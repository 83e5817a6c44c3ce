import { describe, expect, it } from 'vitest';
import type { IndicatorId } from '../../shared/catalog';
import { regionSet } from '../../shared/regions';
import { makeLocalCalendar } from '../../shared/time';
import type { Observation } from '../domain/observation';
import { unitAt } from '../test/units';
import { LiveState } from './liveState';

const calendar = makeLocalCalendar('Asia/Ho_Chi_Minh');
/** Local times in Vinh (UTC+7), as UTC instants. */
const local = (day: number, hour: number, minute = 0) => Date.UTC(2024, 0, day, hour - 7, minute);
const T = local(19, 9);

const fresh = () => new LiveState({ regions: regionSet, calendar, epoch: 'test-epoch' });
const value = (region: string, indicator: IndicatorId, v: number, at = T): Observation => ({
  region,
  indicator,
  at,
  value: v,
});
const delta = (region: string, indicator: IndicatorId, d: number, at = T): Observation => ({
  region,
  indicator,
  at,
  delta: d,
});
const rate = (region: string, num: number, den: number, at = T): Observation => ({
  region,
  indicator: 'online-record-rate',
  at,
  num,
  den,
});
const keys = (changes: { region: string; indicator: string }[]) => changes.map((c) => `${c.region}|${c.indicator}`);

describe('LiveState.apply: units', () => {
  it('keeps the current value when an older absolute value arrives', () => {
    const state = fresh();
    state.apply('police', [value(unitAt(0), 'id-cards-issued', 1000, local(19, 10))]);
    const { changes } = state.apply('police', [value(unitAt(0), 'id-cards-issued', 900, local(19, 9))]);
    expect(changes).toEqual([]);
    expect(state.get(unitAt(0), 'id-cards-issued')).toMatchObject({ value: 1000, source: 'police', at: local(19, 10) });
  });

  it('adds increments', () => {
    const state = fresh();
    state.apply('sim', [value(unitAt(0), 'eid-collected', 100)]);
    state.apply('sim', [delta(unitAt(0), 'eid-collected', 5), delta(unitAt(0), 'eid-collected', 2)]);
    expect(state.get(unitAt(0), 'eid-collected')?.value).toBe(107);
  });

  it('starts a daily count from 0 on a new local day, and ignores increments for an earlier day', () => {
    const state = fresh();
    state.apply('sim', [value(unitAt(5), 'records-today-online', 250, local(19, 23, 50))]);
    state.apply('sim', [delta(unitAt(5), 'records-today-online', 3, local(20, 0, 5))]);
    expect(state.get(unitAt(5), 'records-today-online')?.value).toBe(3);
    expect(state.get('province', 'records-today-online')?.value).toBe(3);
    state.apply('sim', [delta(unitAt(5), 'records-today-online', 9, local(19, 23, 55))]);
    expect(state.get(unitAt(5), 'records-today-online')?.value).toBe(3);
  });
});

describe('LiveState.countBefore', () => {
  it('is what an increment stamped at a time adds to', () => {
    const state = fresh();
    expect(state.countBefore(unitAt(5), 'records-today-online', T)).toBe(0);
    state.apply('sim', [
      value(unitAt(5), 'records-today-online', 12, local(19, 23)),
      value(unitAt(5), 'eid-collected', 50),
    ]);
    expect(state.countBefore(unitAt(5), 'records-today-online', local(19, 23, 30))).toBe(12);
    // A daily count starts again on the next local day; other counts carry on.
    expect(state.countBefore(unitAt(5), 'records-today-online', local(20, 0, 1))).toBe(0);
    expect(state.countBefore(unitAt(5), 'eid-collected', local(25, 9))).toBe(50);
  });
});

describe('LiveState.apply: derived rates', () => {
  it('refreshes the e-ID activation rate when either count changes', () => {
    const state = fresh();
    state.apply('police', [value(unitAt(0), 'eid-collected', 1000)]);
    // No rate until both counts are there.
    expect(state.get(unitAt(0), 'eid-activation-rate')).toBeUndefined();
    const first = state.apply('police', [value(unitAt(0), 'eid-activated', 800)]);
    expect(state.get(unitAt(0), 'eid-activation-rate')).toMatchObject({
      value: 80,
      num: 800,
      den: 1000,
      source: 'derived',
    });
    expect(keys(first.changes)).toContain(`${unitAt(0)}|eid-activation-rate`);
    expect(keys(first.changes)).toContain('province|eid-activation-rate');

    state.apply('police', [delta(unitAt(0), 'eid-activated', 100)]);
    expect(state.get(unitAt(0), 'eid-activation-rate')?.value).toBe(90);
    state.apply('police', [delta(unitAt(0), 'eid-collected', 125)]);
    expect(state.get(unitAt(0), 'eid-activation-rate')?.value).toBe(80);
  });

  it('rolls the derived rate up as sum over sum', () => {
    const state = fresh();
    state.apply('police', [
      value(unitAt(0), 'eid-collected', 100),
      value(unitAt(0), 'eid-activated', 90),
      value(unitAt(1), 'eid-collected', 1000),
      value(unitAt(1), 'eid-activated', 10),
    ]);
    expect(state.get('province', 'eid-activation-rate')).toMatchObject({ num: 100, den: 1100, source: 'rollup' });
    expect(state.get('province', 'eid-activation-rate')?.value).toBeCloseTo((100 / 1100) * 100, 10);
  });
});

describe('LiveState.apply: roll-ups', () => {
  it('rolls the online record rate up to localities, departments and the province as sum over sum', () => {
    const state = fresh();
    state.apply('dvc', [rate(unitAt(0), 90, 100), rate(unitAt(1), 10, 1000), rate('CAT', 5, 100)]);
    expect(state.get('localities', 'online-record-rate')).toMatchObject({ num: 100, den: 1100 });
    expect(state.get('localities', 'online-record-rate')?.value).toBeCloseTo(9.0909, 4);
    expect(state.get('departments', 'online-record-rate')).toMatchObject({ value: 5, num: 5, den: 100 });
    // (90 + 10 + 5) / (100 + 1000 + 100) = 105 / 1200.
    expect(state.get('province', 'online-record-rate')).toMatchObject({ value: 8.75, num: 105, den: 1200 });
  });

  it('sums counts, and has no departments roll-up for a district-only indicator', () => {
    const state = fresh();
    state.apply('police', [value(unitAt(0), 'id-cards-issued', 1000), value(unitAt(1), 'id-cards-issued', 234)]);
    expect(state.get('province', 'id-cards-issued')?.value).toBe(1234);
    expect(state.get('localities', 'id-cards-issued')?.value).toBe(1234);
    expect(state.get('departments', 'id-cards-issued')).toBeUndefined();
  });

  it('recomputes a roll-up from every unit, not only the ones in the batch', () => {
    const state = fresh();
    state.apply('sim', [value(unitAt(0), 'records-today-online', 10), value('CAT', 'records-today-online', 4)]);
    state.apply('sim', [delta(unitAt(1), 'records-today-online', 1)]);
    expect(state.get('province', 'records-today-online')?.value).toBe(15);
    expect(state.get('localities', 'records-today-online')?.value).toBe(11);
    expect(state.get('departments', 'records-today-online')?.value).toBe(4);
  });

  it('takes the latest time of its members', () => {
    const state = fresh();
    state.apply('sim', [value(unitAt(0), 'id-cards-issued', 1, local(19, 8)), value(unitAt(1), 'id-cards-issued', 1)]);
    expect(state.get('province', 'id-cards-issued')?.at).toBe(T);
  });
});

describe('LiveState.apply: seq and changes', () => {
  it('takes the next seq for every applied batch, changed or not', () => {
    const state = new LiveState({ regions: regionSet, calendar, epoch: 'e', seq: 41 });
    expect(state.seq).toBe(41);
    expect(state.apply('sim', [delta(unitAt(5), 'records-today-online', 1)]).seq).toBe(42);
    expect(state.apply('sim', []).seq).toBe(43);
    expect(state.seq).toBe(43);
  });

  it('lists every changed reading once, with its final value', () => {
    const state = fresh();
    const { changes } = state.apply('sim', [
      delta(unitAt(5), 'records-today-online', 1),
      delta(unitAt(5), 'records-today-online', 1),
      delta(unitAt(0), 'records-today-online', 5),
    ]);
    expect(keys(changes).sort()).toEqual(
      [
        `${unitAt(0)}|records-today-online`,
        `${unitAt(5)}|records-today-online`,
        'localities|records-today-online',
        'province|records-today-online',
      ].sort(),
    );
    expect(changes.find((c) => c.region === unitAt(5))?.value).toBe(2);
    expect(changes.find((c) => c.region === 'province')?.value).toBe(7);
  });

  it('lists readings as they now are in the state', () => {
    const state = fresh();
    const { changes } = state.apply('dvc', [rate('CAT', 1, 4)]);
    for (const c of changes) expect(state.get(c.region, c.indicator)).toEqual(c);
    expect(keys(changes).sort()).toEqual(
      ['CAT|online-record-rate', 'departments|online-record-rate', 'province|online-record-rate'].sort(),
    );
  });

  it('starts from the readings it is given', () => {
    const state = fresh();
    state.apply('sim', [value(unitAt(0), 'id-cards-issued', 7)]);
    const copy = new LiveState({ regions: regionSet, calendar, epoch: 'e2', readings: state.readings() });
    expect(copy.get(unitAt(0), 'id-cards-issued')?.value).toBe(7);
    expect(copy.get('province', 'id-cards-issued')?.value).toBe(7);
  });
});
