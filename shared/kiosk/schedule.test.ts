import { describe, expect, it } from 'vitest';
import type { Alert } from '../protocol';
import type { Playlist } from './playlist';
import { alertMatch, playlistSlot, playlistStep } from './schedule';

const playlist: Playlist = {
  id: 'hall',
  items: [
    { path: '/', durationSec: 30 },
    { path: '/?indicator=eid-activation-rate', durationSec: 20 },
    { path: '/district/417', durationSec: 10 },
  ],
};
/** A moment that starts a cycle: a multiple of the 60 s cycle. */
const T0 = 1_700_000_040_000;

const alert = (over: Partial<Alert> = {}): Alert => ({
  id: 'a1',
  rule: 'below-target',
  severity: 'critical',
  region: null,
  indicator: null,
  source: null,
  value: null,
  threshold: null,
  startedAt: T0,
  endedAt: null,
  acknowledged: false,
  ...over,
});

describe('playlistSlot', () => {
  it('lays the cycles end to end from the Unix epoch', () => {
    expect(T0 % 60_000).toBe(0);
    expect(playlistSlot(playlist, T0)).toEqual({ index: 0, startedAt: T0, endsAt: T0 + 30_000 });
    expect(playlistSlot(playlist, T0 + 29_999).index).toBe(0);
    expect(playlistSlot(playlist, T0 + 30_000)).toEqual({ index: 1, startedAt: T0 + 30_000, endsAt: T0 + 50_000 });
    expect(playlistSlot(playlist, T0 + 55_000)).toEqual({ index: 2, startedAt: T0 + 50_000, endsAt: T0 + 60_000 });
    expect(playlistSlot(playlist, T0 + 60_000).index).toBe(0);
  });

  it('gives two screens the same slot whenever each of them started', () => {
    const a = playlistSlot(playlist, T0 + 123_456_789);
    const b = playlistSlot(playlist, T0 + 123_456_789 + 60_000 * 1_000);
    expect(a.index).toBe(b.index);
    expect(b.startedAt - a.startedAt).toBe(60_000 * 1_000);
  });
});

describe('alertMatch', () => {
  it('prefers the view about the alert unit, then its indicator', () => {
    const a = alert({ region: '417', indicator: 'eid-activation-rate' });
    expect(playlist.items.map((item) => alertMatch(item, a))).toEqual([0, 1, 2]);
    expect(alertMatch({ path: '/district/417?indicator=eid-activation-rate', durationSec: 5 }, a)).toBe(3);
    expect(alertMatch({ path: '/district/4170', durationSec: 5 }, a)).toBe(0);
  });
});

describe('playlistStep', () => {
  it('rotates on the clock and says when the next item is due', () => {
    expect(playlistStep(playlist, T0 + 31_000, [])).toEqual({ index: 1, holdFor: null, switchAt: T0 + 50_000 });
  });

  it('holds on the view that shows an active critical alert, past its slot, until the alert ends', () => {
    const a = alert({ indicator: 'eid-activation-rate', startedAt: T0 + 5_000 });
    for (const at of [T0 + 5_000, T0 + 45_000, T0 + 600_000]) {
      expect(playlistStep(playlist, at, [a])).toEqual({ index: 1, holdFor: 'a1', switchAt: null });
    }
    const ended = { ...a, endedAt: T0 + 600_000 };
    expect(playlistStep(playlist, T0 + 600_001, [ended])).toEqual({
      index: 0,
      holdFor: null,
      switchAt: T0 + 630_000,
    });
  });

  it('ignores alerts that are not critical, or acknowledged', () => {
    const warning = alert({ indicator: 'eid-activation-rate', severity: 'warning' });
    expect(playlistStep(playlist, T0 + 1_000, [warning]).holdFor).toBeNull();
    const seen = alert({ indicator: 'eid-activation-rate', acknowledged: true });
    expect(playlistStep(playlist, T0 + 1_000, [seen]).holdFor).toBeNull();
  });

  it('holds for at most the hold time after the alert began, so a standing shortfall cannot stop it for good', () => {
    const a = alert({ indicator: 'eid-activation-rate', startedAt: T0 + 5_000 });
    const holdMaxMs = 600_000;
    expect(playlistStep(playlist, T0 + 10_000, [a], holdMaxMs)).toEqual({
      index: 1,
      holdFor: 'a1',
      switchAt: T0 + 605_000,
    });
    expect(playlistStep(playlist, T0 + 605_000, [a], holdMaxMs)).toEqual(playlistStep(playlist, T0 + 605_000, []));
    expect(playlistStep(playlist, T0 + 10_000, [a], 0).holdFor).toBeNull();
  });

  it('holds where the rotation stood when the alert began when no view is about it', () => {
    const a = alert({ indicator: 'service-index', startedAt: T0 + 52_000 });
    expect(playlistStep(playlist, T0 + 70_000, [a])).toEqual({ index: 2, holdFor: 'a1', switchAt: null });
  });

  it('serves the oldest alert first, and a later one that has a view before an older one without', () => {
    const older = alert({ id: 'old', region: '417', startedAt: T0 + 1_000 });
    const newer = alert({ id: 'new', indicator: 'eid-activation-rate', startedAt: T0 + 2_000 });
    expect(playlistStep(playlist, T0 + 3_000, [newer, older]).holdFor).toBe('old');
    expect(playlistStep(playlist, T0 + 3_000, [newer, older]).index).toBe(2);
    const unmatched = alert({ id: 'first', startedAt: T0 });
    expect(playlistStep(playlist, T0 + 3_000, [unmatched, newer])).toMatchObject({ index: 1, holdFor: 'new' });
  });
});
