import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IndicatorId } from '../../shared/catalog';
import type { Reading } from '../../shared/protocol';
import { regionSet } from '../../shared/regions';
import { makeLocalCalendar } from '../../shared/time';
import { createLogger } from '../logger';
import { LiveState } from '../state/liveState';
import { openMemoryStore } from '../store/sqlite/store';
import { unitAt } from '../test/units';
import { rolloverObservations, SYSTEM_SOURCE, startDayRollover } from './dayRollover';
import { Ingest } from './ingest';

const calendar = makeLocalCalendar('Asia/Ho_Chi_Minh');
/** Local times in Vinh (UTC+7), as UTC instants. */
const local = (day: number, hour: number, minute = 0, second = 0) => Date.UTC(2024, 0, day, hour - 7, minute, second);

const reading = (region: string, indicator: IndicatorId, value: number | null, at: number): Reading => ({
  region,
  indicator,
  value,
  at,
  source: 'dvc',
});

describe('rolloverObservations', () => {
  const now = local(20, 0, 0, 1);

  it('zeroes every daily count of a unit whose value belongs to an earlier local day', async () => {
    // 23:59 on the 19th and 00:00:01 on the 20th are the same UTC day.
    const readings = [
      reading(unitAt(5), 'records-today-online', 250, local(19, 23, 59)),
      reading('CAT', 'records-today-offline', 12, local(18, 10)),
    ];
    expect(rolloverObservations(readings, regionSet, calendar, now)).toEqual([
      { region: unitAt(5), indicator: 'records-today-online', at: now, value: 0 },
      { region: 'CAT', indicator: 'records-today-offline', at: now, value: 0 },
    ]);
  });

  it('leaves today’s counts, counts already at zero, other counts and roll-ups alone', async () => {
    const readings = [
      reading(unitAt(5), 'records-today-online', 3, local(20, 0, 0, 0)),
      reading(unitAt(0), 'records-today-online', 0, local(19, 15)),
      reading(unitAt(0), 'id-cards-issued', 1000, local(19, 15)),
      reading('province', 'records-today-online', 250, local(19, 23, 59)),
      reading('localities', 'records-today-offline', 250, local(19, 23, 59)),
    ];
    expect(rolloverObservations(readings, regionSet, calendar, now)).toEqual([]);
  });
});

describe('startDayRollover', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('resets at start, then a second after each local midnight', async () => {
    vi.useFakeTimers({ now: local(19, 23, 59) });
    const clock = { now: () => Date.now() };
    const state = new LiveState({ regions: regionSet, calendar, epoch: 'e' });
    const submitted: number[] = [];
    const ingest = new Ingest({
      state,
      regions: regionSet,
      clock,
      store: openMemoryStore().batches,
      onApplied: (seq) => submitted.push(seq),
    });
    // Yesterday's count is zeroed at start; today's stays until midnight.
    await ingest.submit('dvc', [
      { region: unitAt(5), indicator: 'records-today-online', at: local(19, 23, 58), value: 9 },
      { region: unitAt(0), indicator: 'records-today-online', at: local(18, 16), value: 4 },
    ]);
    const deps = { ingest, readings: () => state.readings(), regions: regionSet, calendar, clock };
    const rollover = await startDayRollover({ ...deps, logger: createLogger('silent') });
    try {
      expect(state.get(unitAt(0), 'records-today-online')).toMatchObject({ value: 0, source: SYSTEM_SOURCE });
      expect(state.get(unitAt(5), 'records-today-online')?.value).toBe(9);
      expect(state.get('province', 'records-today-online')?.value).toBe(9);

      await vi.advanceTimersByTimeAsync(60_000);
      expect(state.get(unitAt(5), 'records-today-online')?.value).toBe(9);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(state.get(unitAt(5), 'records-today-online')).toMatchObject({ value: 0, source: SYSTEM_SOURCE });
      expect(state.get('province', 'records-today-online')?.value).toBe(0);

      // The next day too, and nothing is submitted when nothing needs a reset.
      const batches = submitted.length;
      await ingest.submit('dvc', [{ region: unitAt(5), indicator: 'records-today-online', at: Date.now(), delta: 5 }]);
      await vi.advanceTimersByTimeAsync(24 * 3_600_000 - 1_000);
      expect(state.get(unitAt(5), 'records-today-online')?.value).toBe(5);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(state.get(unitAt(5), 'records-today-online')?.value).toBe(0);
      expect(submitted.length).toBe(batches + 2);
    } finally {
      rollover.stop();
    }
    expect(vi.getTimerCount()).toBe(0);
  });
});
