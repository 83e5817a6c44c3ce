import { describe, expect, it } from 'vitest';
import { isLinkDown, LINK_DOWN_AFTER_MS, tileFreshness } from './freshness';

const NOW = 1_700_000_000_000;
const base = { linkDown: false, lastDataAt: NOW - 500, now: NOW, serverNow: NOW + 40, staleAfterIntervals: 3 };

describe('isLinkDown', () => {
  it('rides out a short blip, then says so; offline at once', () => {
    expect(isLinkDown('live', NOW - 60_000, NOW)).toBe(false);
    expect(isLinkDown('reconnecting', NOW - LINK_DOWN_AFTER_MS + 1, NOW)).toBe(false);
    expect(isLinkDown('reconnecting', NOW - LINK_DOWN_AFTER_MS, NOW)).toBe(true);
    expect(isLinkDown('offline', NOW, NOW)).toBe(true);
  });
});

describe('tileFreshness', () => {
  it('is live while every figure is within its allowance, with the age of its oldest figure', () => {
    const figures = [
      { at: NOW + 40 - 60_000, expectedIntervalSec: 60 },
      { at: NOW + 40 - 1_000, expectedIntervalSec: 60 },
    ];
    expect(tileFreshness({ ...base, figures })).toEqual({ state: 'live', ageMs: 60_000 });
  });

  it('is stale when one figure is older than the set multiple of its interval, by the server clock', () => {
    const figures = [
      { at: NOW + 40 - 180_001, expectedIntervalSec: 60 },
      { at: NOW, expectedIntervalSec: 60 },
    ];
    expect(tileFreshness({ ...base, figures })).toEqual({ state: 'stale', ageMs: 180_001 });
    expect(tileFreshness({ ...base, figures, staleAfterIntervals: 4 }).state).toBe('live');
  });

  it('is offline with the time since the last contact whenever the link is down', () => {
    const figures = [{ at: NOW - 10 * 3_600_000, expectedIntervalSec: 60 }];
    expect(tileFreshness({ ...base, linkDown: true, figures })).toEqual({ state: 'offline', ageMs: 500 });
    expect(tileFreshness({ ...base, linkDown: true, lastDataAt: null, figures: [] })).toEqual({
      state: 'offline',
      ageMs: null,
    });
  });

  it('has no age and is live without figures (a tile that declares none)', () => {
    expect(tileFreshness({ ...base, figures: [] })).toEqual({ state: 'live', ageMs: null });
  });
});
