import { describe, expect, it } from 'vitest';
import { holdUntil, mergeLive, perHour, type SeriesPoint, sumSeries } from './series';

const MIN = 60_000;
const HOUR = 60 * MIN;
const p = (at: number, value: number | null): SeriesPoint => ({ at, value });

describe('mergeLive', () => {
  it('replaces the last point within a step and appends in a new one', () => {
    let s: SeriesPoint[] = [];
    s = mergeLive(s, p(0, 1), 5 * MIN, 0);
    s = mergeLive(s, p(MIN, 2), 5 * MIN, 0);
    expect(s).toEqual([p(MIN, 2)]);
    s = mergeLive(s, p(6 * MIN, 3), 5 * MIN, 0);
    expect(s).toEqual([p(MIN, 2), p(6 * MIN, 3)]);
  });

  it('ignores a reading older than the last point, and drops points that left the window', () => {
    const s = [p(0, 1), p(10 * MIN, 2)];
    expect(mergeLive(s, p(5 * MIN, 9), 5 * MIN, 0)).toEqual(s);
    expect(mergeLive(s, p(20 * MIN, 3), 5 * MIN, 10 * MIN)).toEqual([p(10 * MIN, 2), p(20 * MIN, 3)]);
  });

  it('stays bounded by the window however long it runs', () => {
    let s: SeriesPoint[] = [];
    for (let t = 0; t < 48 * HOUR; t += 10_000) s = mergeLive(s, p(t, t), 10 * MIN, t - 24 * HOUR);
    expect(s.length).toBeLessThanOrEqual(24 * 6 + 1);
  });
});

describe('sumSeries', () => {
  it('adds two cumulative series, carrying each forward', () => {
    expect(sumSeries([p(0, 1), p(20, 3)], [p(10, 10), p(20, 11)])).toEqual([p(0, 1), p(10, 11), p(20, 14)]);
    expect(sumSeries([], [])).toEqual([]);
  });
});

describe('perHour', () => {
  it('turns a cumulative daily count into records per hour, up to the current hour', () => {
    const day = 1_000 * HOUR;
    const points = [p(day + 30 * MIN, 5), p(day + 2 * HOUR + 10 * MIN, 12), p(day + 3 * HOUR + 59 * MIN, 20)];
    expect(perHour(points, day, day + 4 * HOUR + MIN, 6)).toEqual([5, 0, 7, 8, 0, null]);
  });

  it('never draws a negative hour when a source corrects its count down', () => {
    const points = [p(10 * MIN, 10), p(HOUR + MIN, 8), p(2 * HOUR + MIN, 9)];
    expect(perHour(points, 0, 2 * HOUR + 2 * MIN, 3)).toEqual([10, 0, 1]);
  });
});

describe('holdUntil', () => {
  it('carries the last value to now, and leaves an empty series empty', () => {
    expect(holdUntil([p(0, 1), p(10, 2)], 30)).toEqual([p(0, 1), p(10, 2), p(30, 2)]);
    expect(holdUntil([p(0, 1)], 0)).toEqual([p(0, 1)]);
    expect(holdUntil([], 30)).toEqual([]);
  });
});
