import { createRoot, createSignal } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandshakeError } from '../../shared/protocol';
import { createFirstDraw, FIRST_DRAW_WAIT_MS } from './createFirstDraw';
import type { LinkState } from './makeWallClient';

/** A wall's link as the first draw reads it, driven by hand. */
function fakeLink() {
  const [lastDataAt, setLastDataAt] = createSignal<number | null>(null);
  const [refused, setRefused] = createSignal<HandshakeError | null>(null);
  const [link, setLink] = createSignal<LinkState>('reconnecting');
  return { wall: { lastDataAt, refused, link }, setLastDataAt, setRefused, setLink };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createFirstDraw', () => {
  it('holds the view until the first snapshot, then draws it for good', () => {
    createRoot((dispose) => {
      const link = fakeLink();
      const drawn = createFirstDraw(link.wall);
      expect(drawn()).toBe(false);
      vi.advanceTimersByTime(FIRST_DRAW_WAIT_MS / 2);
      expect(drawn()).toBe(false);
      link.setLastDataAt(Date.now());
      expect(drawn()).toBe(true);
      // The link dropping later does not take the view away.
      link.setLastDataAt(null);
      link.setLink('reconnecting');
      expect(drawn()).toBe(true);
      dispose();
    });
  });

  it('draws the view after the wait when no snapshot comes', () => {
    createRoot((dispose) => {
      const drawn = createFirstDraw(fakeLink().wall, 500);
      vi.advanceTimersByTime(499);
      expect(drawn()).toBe(false);
      vi.advanceTimersByTime(1);
      expect(drawn()).toBe(true);
      dispose();
    });
  });

  it('draws the view at once when the server refused the screen or the link is down', () => {
    createRoot((dispose) => {
      const refusedLink = fakeLink();
      const refused = createFirstDraw(refusedLink.wall);
      const offlineLink = fakeLink();
      const offline = createFirstDraw(offlineLink.wall);
      refusedLink.setRefused({ code: 'PROTOCOL_MISMATCH', message: 'another protocol version', expected: 1 });
      offlineLink.setLink('offline');
      expect(refused()).toBe(true);
      expect(offline()).toBe(true);
      dispose();
    });
  });

  it('stops its timer when the screen goes away', () => {
    createRoot((dispose) => {
      createFirstDraw(fakeLink().wall);
      expect(vi.getTimerCount()).toBe(1);
      dispose();
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
