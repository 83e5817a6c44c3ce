import { createRoot, createSignal } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Playlist } from '../../shared/kiosk';
import type { Alert } from '../../shared/protocol';
import { createPlaylistRotation } from './createPlaylistRotation';

const playlist: Playlist = {
  id: 'hall',
  items: [
    { path: '/', durationSec: 4 },
    { path: '/?indicator=eid-activation-rate', durationSec: 4 },
  ],
};
/** The start of a cycle: a multiple of its 8 s. */
const T0 = 1_700_000_000_000;
/** The server's clock runs this far ahead of the client's. */
const OFFSET = 1_500;

const critical = (over: Partial<Alert> = {}): Alert => ({
  id: 'a1',
  rule: 'below-target',
  severity: 'critical',
  region: null,
  indicator: 'eid-activation-rate',
  source: null,
  value: 60,
  threshold: 70,
  startedAt: T0,
  endedAt: null,
  acknowledged: false,
  ...over,
});

describe('createPlaylistRotation', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0 - OFFSET + 1_000);
  });
  afterEach(() => vi.useRealTimers());

  it('switches at each slot end by the server clock, holds on a critical alert and resumes after it', async () => {
    const shown: string[] = [];
    await createRoot(async (dispose) => {
      const [alerts, setAlerts] = createSignal<Alert[]>([]);
      const step = createPlaylistRotation({
        playlist: () => playlist,
        serverNow: () => Date.now() + OFFSET,
        alerts,
        holdMaxMs: () => null,
        show: (item) => shown.push(item.path),
      });
      await Promise.resolve();
      expect(step()).toEqual({ index: 0, holdFor: null, switchAt: T0 + 4_000 });
      expect(shown).toEqual(['/']);

      // The switch comes when the server's clock reaches the slot's end, not the client's.
      vi.advanceTimersByTime(4_000 - 1_000 - 1);
      expect(shown).toEqual(['/']);
      vi.advanceTimersByTime(100);
      expect(shown).toEqual(['/', '/?indicator=eid-activation-rate']);

      vi.advanceTimersByTime(4_000);
      expect(shown.at(-1)).toBe('/');

      setAlerts([critical()]);
      expect(step()).toEqual({ index: 1, holdFor: 'a1', switchAt: null });
      vi.advanceTimersByTime(60_000);
      expect(shown.slice(3)).toEqual(['/?indicator=eid-activation-rate']);

      setAlerts([critical({ endedAt: Date.now() + OFFSET })]);
      expect(step()?.holdFor).toBeNull();
      vi.advanceTimersByTime(8_000);
      expect(shown.length).toBeGreaterThan(5);
      dispose();
    });
  });

  it('leaves no timer behind when disposed', () => {
    const dispose = createRoot((dispose) => {
      createPlaylistRotation({
        playlist: () => playlist,
        serverNow: () => Date.now() + OFFSET,
        alerts: () => [],
        holdMaxMs: () => null,
        show: () => {},
      });
      return dispose;
    });
    expect(vi.getTimerCount()).toBe(1);
    dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});
