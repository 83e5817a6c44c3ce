import { describe, expect, it } from 'vitest';
import { localCalendar, makeLocalCalendar } from './time';

/** Asia/Ho_Chi_Minh is UTC+7 all year: local midnight is 17:00 UTC the day before. */
const hcm = makeLocalCalendar('Asia/Ho_Chi_Minh');
const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe('makeLocalCalendar in Asia/Ho_Chi_Minh', () => {
  it('keeps its time zone', () => {
    expect(hcm.timeZone).toBe('Asia/Ho_Chi_Minh');
  });

  it('changes day at 17:00 UTC', () => {
    expect(hcm.dayKey(utc(2024, 1, 18, 16, 59, 59, 999))).toBe('2024-01-18');
    expect(hcm.dayKey(utc(2024, 1, 18, 17))).toBe('2024-01-19');
    // The same UTC day spans two local days; two UTC days can be one local day.
    expect(hcm.dayKey(utc(2024, 1, 19, 1))).toBe('2024-01-19');
    expect(hcm.dayKey(utc(2024, 1, 19, 23))).toBe('2024-01-20');
  });

  it('pads months and days, and crosses years', () => {
    expect(hcm.dayKey(utc(2023, 12, 31, 17, 30))).toBe('2024-01-01');
    expect(hcm.dayKey(utc(2024, 3, 4, 2))).toBe('2024-03-04');
  });

  it('gives the local midnight that starts the day', () => {
    expect(hcm.startOfDay(utc(2024, 1, 19, 3, 30, 15, 250))).toBe(utc(2024, 1, 18, 17));
    expect(hcm.startOfDay(utc(2024, 1, 18, 16, 59, 59, 999))).toBe(utc(2024, 1, 17, 17));
    // Midnight itself starts its own day.
    expect(hcm.startOfDay(utc(2024, 1, 18, 17))).toBe(utc(2024, 1, 18, 17));
  });

  it('reads the local clock and ISO weekday', () => {
    // 2024-01-19 was a Friday; 01:30 UTC is 08:30 in Vinh.
    expect(hcm.clock(utc(2024, 1, 19, 1, 30))).toEqual({ hour: 8, minute: 30, weekday: 5 });
    // 17:30 UTC on Saturday the 20th is 00:30 on Sunday the 21st.
    expect(hcm.clock(utc(2024, 1, 20, 17, 30))).toEqual({ hour: 0, minute: 30, weekday: 7 });
    // Monday morning, and the last minute of a day (hour 23, never 24).
    expect(hcm.clock(utc(2024, 1, 22, 0, 5))).toEqual({ hour: 7, minute: 5, weekday: 1 });
    expect(hcm.clock(utc(2024, 1, 22, 16, 59))).toEqual({ hour: 23, minute: 59, weekday: 1 });
  });
});

describe('makeLocalCalendar elsewhere', () => {
  it('follows the zone it is given', () => {
    const utcCalendar = makeLocalCalendar('UTC');
    expect(utcCalendar.dayKey(utc(2024, 1, 18, 17))).toBe('2024-01-18');
    expect(utcCalendar.startOfDay(utc(2024, 1, 18, 17))).toBe(utc(2024, 1, 18));
  });

  it('finds local midnight on days a daylight-saving change makes 23 or 25 hours long', () => {
    // Paris: UTC+1 in winter, UTC+2 from 01:00 UTC on 2024-03-31 to 01:00 UTC on 2024-10-27.
    const paris = makeLocalCalendar('Europe/Paris');
    expect(paris.startOfDay(utc(2024, 3, 31, 12))).toBe(utc(2024, 3, 30, 23));
    expect(paris.startOfDay(utc(2024, 10, 27, 12))).toBe(utc(2024, 10, 26, 22));
    expect(paris.dayKey(paris.startOfDay(utc(2024, 3, 31, 12)))).toBe('2024-03-31');
    // Before and after the repeated hour of the 25-hour day, and its last minute.
    expect(paris.startOfDay(utc(2024, 10, 27, 0, 30))).toBe(utc(2024, 10, 26, 22));
    expect(paris.startOfDay(utc(2024, 10, 27, 22, 59))).toBe(utc(2024, 10, 26, 22));
    // An ordinary summer day.
    expect(paris.startOfDay(utc(2024, 7, 14, 9, 15, 0, 500))).toBe(utc(2024, 7, 13, 22));
  });
});

describe('localCalendar', () => {
  it('makes one calendar per time zone and shares it, with the same answers as a calendar of its own', () => {
    const shared = localCalendar('Asia/Ho_Chi_Minh');
    expect(localCalendar('Asia/Ho_Chi_Minh')).toBe(shared);
    expect(localCalendar('Europe/Berlin')).not.toBe(shared);
    const at = Date.UTC(2026, 11, 3, 18, 30);
    expect(shared.startOfDay(at)).toBe(hcm.startOfDay(at));
    expect(shared.dayKey(at)).toBe('2026-12-04');
  });
});
