import { describe, expect, it } from 'vitest';
import { indicatorOf } from '../../shared/catalog';
import type { Reading } from '../../shared/protocol';
import { makeLocalCalendar } from '../../shared/time';
import { nextReading } from './applyObservation';
import type { Observation } from './observation';

const calendar = makeLocalCalendar('Asia/Ho_Chi_Minh');
/** Local times in Vinh (UTC+7), as UTC instants. */
const local = (day: number, hour: number, minute = 0) => Date.UTC(2024, 0, day, hour - 7, minute);

const reading = (o: Partial<Reading>): Reading => ({
  region: '417',
  indicator: 'records-today-online',
  value: 10,
  at: local(19, 9),
  source: 'src',
  ...o,
});
const obs = (o: Partial<Observation>): Observation => ({
  region: '417',
  indicator: 'records-today-online',
  at: local(19, 10),
  ...o,
});

const apply = (prev: Reading | undefined, o: Observation) =>
  nextReading(prev, o, indicatorOf(o.indicator), 'src', calendar);

describe('nextReading with absolute figures', () => {
  it('takes a newer or equally recent value', () => {
    const prev = reading({ indicator: 'id-cards-issued', value: 100 });
    expect(apply(prev, obs({ indicator: 'id-cards-issued', value: 120 }))).toEqual({
      region: '417',
      indicator: 'id-cards-issued',
      value: 120,
      at: local(19, 10),
      source: 'src',
    });
    expect(apply(prev, obs({ indicator: 'id-cards-issued', value: 90, at: prev.at }))?.value).toBe(90);
  });

  it('does not let an older value overwrite the current one', () => {
    const prev = reading({ indicator: 'id-cards-issued', value: 100, at: local(19, 11) });
    expect(apply(prev, obs({ indicator: 'id-cards-issued', value: 120, at: local(19, 10) }))).toBeNull();
  });

  it('turns num and den into a rate in percent', () => {
    const next = apply(undefined, obs({ indicator: 'online-record-rate', num: 45, den: 180 }));
    expect(next).toMatchObject({ value: 25, num: 45, den: 180 });
    expect(apply(undefined, obs({ indicator: 'online-record-rate', num: 0, den: 0 }))?.value).toBeNull();
  });

  it('does not let an older num and den overwrite the current rate', () => {
    const prev = reading({ indicator: 'online-record-rate', value: 50, num: 1, den: 2, at: local(19, 11) });
    expect(apply(prev, obs({ indicator: 'online-record-rate', num: 3, den: 4 }))).toBeNull();
  });
});

describe('nextReading with increments', () => {
  it('adds to the current value and keeps the latest time', () => {
    expect(apply(reading({ value: 10 }), obs({ delta: 3 }))).toMatchObject({ value: 13, at: local(19, 10) });
    expect(apply(reading({ value: 10 }), obs({ delta: -4 }))?.value).toBe(6);
  });

  it('starts from zero when there is no reading', () => {
    expect(apply(undefined, obs({ delta: 3 }))).toMatchObject({ value: 3, at: local(19, 10) });
  });

  it('adds a late increment of the same day without moving the time back', () => {
    const prev = reading({ value: 10, at: local(19, 15) });
    expect(apply(prev, obs({ delta: 2, at: local(19, 8) }))).toMatchObject({ value: 12, at: local(19, 15) });
  });

  it('adds increments of a count that never resets across days', () => {
    const prev = reading({ indicator: 'eid-activated', value: 500, at: local(18, 9) });
    const next = apply(prev, obs({ indicator: 'eid-activated', delta: 5, at: local(19, 9) }));
    expect(next).toMatchObject({ value: 505, at: local(19, 9) });
    // Even a late one, for the day before.
    const late = apply(prev, obs({ indicator: 'eid-activated', delta: 5, at: local(17, 9) }));
    expect(late).toMatchObject({ value: 505, at: local(18, 9) });
  });
});

describe('nextReading with counts that start again every local day', () => {
  it('starts from zero on a new local day', () => {
    // 23:50 and 00:05 in Vinh are the same UTC day (16:50 and 17:05 UTC), but two local days.
    const prev = reading({ value: 250, at: local(19, 23, 50) });
    const next = apply(prev, obs({ delta: 3, at: local(20, 0, 5) }));
    expect(next).toMatchObject({ value: 3, at: local(20, 0, 5) });
  });

  it('keeps counting within one local day that spans two UTC days', () => {
    // 06:00 and 08:00 in Vinh on the 20th are 23:00 on the 19th and 01:00 on the 20th in UTC.
    const prev = reading({ value: 40, at: local(20, 6) });
    expect(apply(prev, obs({ delta: 2, at: local(20, 8) }))?.value).toBe(42);
  });

  it('ignores an increment for an earlier local day', () => {
    const prev = reading({ value: 3, at: local(20, 0, 5) });
    expect(apply(prev, obs({ delta: 7, at: local(19, 23, 59) }))).toBeNull();
  });

  it('takes an absolute value for a new day as it is', () => {
    const prev = reading({ value: 250, at: local(19, 23) });
    expect(apply(prev, obs({ value: 0, at: local(20, 0, 0) }))?.value).toBe(0);
  });
});
