import { describe, expect, it } from 'vitest';
import { feedUpdate } from '../driver/feed';
import type { ScreensResult } from '../scenarios/screens';
import { compareKiosk, compareScreens } from '../tables';
import { markdownTable, show } from './compare';
import { parseProcStat } from './procCpu';
import { screens } from './screensFixture';

describe('parseProcStat', () => {
  it('reads the parent and user + system time after a command name with spaces and parentheses', () => {
    const line = '4242 (node (tsx) x) S 4200 4242 4200 0 -1 4194304 100 0 0 0 250 50 0 0 20 0 11 0 1 0 0';
    expect(parseProcStat(line)).toEqual({ pid: 4242, ppid: 4200, cpu: 3 });
  });
});

describe('feedUpdate', () => {
  it('gives every update of a run its own value, the districts in turn', () => {
    const updates = Array.from({ length: 5000 }, (_, i) => feedUpdate(i));
    expect(new Set(updates.map((u) => u.value)).size).toBe(5000);
    expect(updates[0]?.region).toBe('412');
    expect(updates[21]?.region).toBe('412');
    expect(updates[0]?.value).toBeCloseTo(36);
  });
});

describe('show', () => {
  it('keeps three significant figures and whole numbers from 100 up', () => {
    expect(show(1234.5)).toBe('1,235');
    expect(show(12.345)).toBe('12.3');
    expect(show(0.01234)).toBe('0.012');
    expect(show(Number.NaN)).toBe('–');
  });
});

describe('compareScreens', () => {
  it('holds the wall to 3 times the floor on p99, to the floor on CPU, and to every final value', () => {
    const rows = compareScreens('(a)', { wall: screens(300, 0, 0.1, 500), floor: screens(100, 0, 0.1, 500) });
    const row = (metric: string) => rows.find((r) => r.metric === metric);
    expect(row('latency p99')).toMatchObject({ ratio: 3, holds: true });
    expect(row('final values correct')).toMatchObject({ wall: '21 of 21', holds: true });
    expect(row('server CPU per update')?.holds).toBe(true);
    const worse = compareScreens('(a)', { wall: screens(301, 1, 0.2, 600), floor: screens(100, 0, 0.1, 500) });
    expect(worse.filter((r) => r.holds === false).map((r) => r.metric)).toEqual([
      'latency p99',
      'final values correct',
      'browser CPU per screen',
      'server CPU per update',
    ]);
  });

  it('prints a table with both sides, the ratio and the verdict', () => {
    const rows = compareScreens('(a)', { wall: screens(150, 0, 0.1, 500), floor: screens(100, 0, 0.1, 500) });
    const table = markdownTable(
      { date: '2024-01-19T00:00:00Z', machine: 'test', loadStart: [1, 1, 1], loadEnd: [2, 2, 2], settings: {} },
      rows,
    );
    expect(table).toContain('| (a) | latency p99 (ms) | 150 | 100 | 1.5× | ratio ≤ 3 | yes |');
  });
});

describe('compareKiosk', () => {
  it('holds the slow kiosk screen to 250 ms at p99 and a quarter of its main thread, whatever the floor does', () => {
    const kiosk = (p99: number, busyShare: number): ScreensResult => ({
      ...screens(p99, 0, 0.1, 500),
      kiosk: { busyShare, longFrames: 2, droppedFrames: 5, longestFrameMs: 90 },
    });
    const rows = compareKiosk('(g)', { wall: kiosk(250, 0.25), floor: kiosk(10, 0.02) });
    expect(rows.filter((r) => r.holds !== undefined).map((r) => [r.metric, r.holds])).toEqual([
      ['latency p99', true],
      ['main thread busy', true],
      ['final values correct', true],
    ]);
    const slow = compareKiosk('(g)', { wall: kiosk(251, 0.26), floor: kiosk(10, 0.02) });
    expect(slow.filter((r) => r.holds === false).map((r) => r.metric)).toEqual(['latency p99', 'main thread busy']);
  });
});
