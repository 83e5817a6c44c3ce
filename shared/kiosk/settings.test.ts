import { describe, expect, it } from 'vitest';
import { burnInOffset, DEFAULT_KIOSK_CONFIG, isNight, KioskConfigSchema } from './settings';

describe('KioskConfigSchema', () => {
  it('has a default for every screen setting', () => {
    expect(DEFAULT_KIOSK_CONFIG).toEqual({
      playlists: [],
      screen: { burnIn: null, night: null, staleAfterIntervals: 3, heapLimitMb: 512, alertHoldMin: 10 },
    });
  });

  it('fills the defaults inside a partial schedule', () => {
    const config = KioskConfigSchema.parse({ screen: { night: { from: '22:00', to: '06:00' }, burnIn: {} } });
    expect(config.screen.night).toEqual({ from: '22:00', to: '06:00', brightness: 0.6 });
    expect(config.screen.burnIn).toEqual({ everyMin: 3, px: 4 });
  });

  it('refuses duplicate playlist ids, unknown keys and bad times, naming the field', () => {
    const items = [{ path: '/', durationSec: 10 }];
    const dup = KioskConfigSchema.safeParse({
      playlists: [
        { id: 'a', items },
        { id: 'a', items },
      ],
    });
    expect(dup.error?.issues[0]?.message).toBe('playlist ids must be unique');
    expect(KioskConfigSchema.safeParse({ playlist: [] }).error?.issues[0]?.code).toBe('unrecognized_keys');
    const night = KioskConfigSchema.safeParse({ screen: { night: { from: '24:00', to: '06:00' } } });
    expect(night.error?.issues[0]?.path).toEqual(['screen', 'night', 'from']);
  });
});

describe('isNight', () => {
  it('spans midnight when from is after to', () => {
    const s = { from: '22:00', to: '06:30' };
    expect([isNight(s, 21, 59), isNight(s, 22, 0), isNight(s, 3, 0), isNight(s, 6, 29), isNight(s, 6, 30)]).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('stays within a day when from is before to', () => {
    const s = { from: '12:00', to: '13:00' };
    expect([isNight(s, 11, 59), isNight(s, 12, 30), isNight(s, 13, 0)]).toEqual([false, true, false]);
  });
});

describe('burnInOffset', () => {
  it('moves one step per period, within the amplitude, and comes back round', () => {
    const burnIn = { everyMin: 1, px: 4 };
    const offsets = Array.from({ length: 10 }, (_, i) => burnInOffset(burnIn, i * 60_000 + 30_000));
    expect(offsets[0]).toEqual({ x: 0, y: 0 });
    expect(offsets[1]).toEqual({ x: 4, y: 0 });
    expect(offsets[9]).toEqual(offsets[0]);
    for (const o of offsets) expect(Math.max(Math.abs(o.x), Math.abs(o.y))).toBeLessThanOrEqual(4);
    expect(new Set(offsets.map((o) => `${o.x},${o.y}`)).size).toBe(9);
  });
});
