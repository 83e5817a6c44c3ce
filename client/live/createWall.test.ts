import { createRoot } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import { indicators } from '../../shared/catalog';
import type { Snapshot } from '../../shared/protocol';
import { createWall } from './createWall';
import { FakeSocket } from './fakeSocket';

const NO_TARGETS = Object.fromEntries(
  indicators.map(({ id }) => [id, { target: null, bands: null }]),
) as Snapshot['targets'];

const AT = 1_700_000_000_000;

const snapshot: Snapshot = {
  epoch: 'e1',
  seq: 5,
  at: AT,
  buildId: 'b',
  regionSet: 'nghe-an-2024',
  timeZone: 'Asia/Ho_Chi_Minh',
  defaultLang: 'en',
  simulated: true,
  targets: NO_TARGETS,
  values: [
    { region: '417', indicator: 'records-today-online', value: 7, at: AT, source: 's' },
    { region: 'province', indicator: 'records-today-online', value: 70, at: AT, source: 'rollup' },
  ],
  alerts: [],
};

describe('createWall', () => {
  it('holds the snapshot and applies a delta to the readings it changes', () => {
    const socket = new FakeSocket();
    createRoot((dispose) => {
      const wall = createWall({ connect: socket.connectFn });
      socket.serverEmit('snapshot', snapshot);
      expect(wall.link()).toBe('live');
      expect(wall.state.defaultLang).toBe('en');
      expect(wall.reading('417', 'records-today-online')?.value).toBe(7);

      socket.serverEmit('delta', {
        epoch: 'e1',
        fromSeq: 5,
        seq: 6,
        at: AT,
        changes: [
          { region: '417', indicator: 'records-today-online', value: 8, at: AT + 1, source: 's' },
          { region: '412', indicator: 'records-today-online', value: 3, at: AT + 1, source: 's' },
        ],
      });
      expect(wall.reading('417', 'records-today-online')?.value).toBe(8);
      expect(wall.reading('412', 'records-today-online')?.value).toBe(3);
      expect(wall.reading('province', 'records-today-online')?.value).toBe(70);
      expect(wall.state.seq).toBe(6);
      dispose();
    });
  });

  it('keeps the active alerts, and an ended one for the ticker’s window only', () => {
    const socket = new FakeSocket();
    const alert = {
      id: 'a1',
      rule: 'below-target' as const,
      severity: 'critical' as const,
      region: '417',
      indicator: 'online-record-rate' as const,
      source: null,
      value: 25,
      threshold: 40,
      startedAt: AT,
      endedAt: null,
      acknowledged: false,
    };
    createRoot((dispose) => {
      const wall = createWall({ connect: socket.connectFn });
      socket.serverEmit('snapshot', { ...snapshot, alerts: [alert] });
      expect(Object.keys(wall.state.alerts)).toEqual(['a1']);
      const delta = { epoch: 'e1', at: AT, changes: [] };
      socket.serverEmit('delta', { ...delta, fromSeq: 5, seq: 6, alerts: [{ ...alert, id: 'a2' }] });
      expect(Object.keys(wall.state.alerts).sort()).toEqual(['a1', 'a2']);
      socket.serverEmit('delta', { ...delta, fromSeq: 6, seq: 7, alerts: [{ ...alert, endedAt: AT + 1 }] });
      expect(wall.state.alerts.a1?.endedAt).toBe(AT + 1);
      socket.serverEmit('delta', { ...delta, at: AT + 31 * 60_000, fromSeq: 7, seq: 8 });
      expect(Object.keys(wall.state.alerts)).toEqual(['a2']);
      dispose();
    });
  });

  it('closes its socket when its owner is disposed', () => {
    const socket = new FakeSocket();
    createRoot((dispose) => {
      createWall({ connect: socket.connectFn });
      expect(socket.closed).toBe(false);
      dispose();
    });
    expect(socket.closed).toBe(true);
  });

  it('tells how long the link has been in its state, and the server time by the stamps of what it receives', () => {
    vi.useFakeTimers();
    vi.setSystemTime(AT - 2_000);
    const socket = new FakeSocket();
    createRoot((dispose) => {
      const wall = createWall({ connect: socket.connectFn });
      vi.advanceTimersByTime(500);
      socket.serverEmit('snapshot', snapshot);
      expect(wall.linkSince()).toBe(AT - 1_500);
      expect(wall.clockOffset()).toBe(1_500);
      expect(wall.serverNow()).toBe(AT);
      // A delta on a quicker trip than the snapshot's (which had been 300 ms on its way) moves the estimate on.
      vi.advanceTimersByTime(100);
      socket.serverEmit('delta', { epoch: 'e1', fromSeq: 5, seq: 6, at: Date.now() + 1_800, changes: [] });
      expect(wall.clockOffset()).toBe(1_800);
      // A slower one does not set it back.
      socket.serverEmit('delta', { epoch: 'e1', fromSeq: 6, seq: 7, at: Date.now() + 1_000, changes: [] });
      expect(wall.clockOffset()).toBe(1_800);
      vi.advanceTimersByTime(600);
      socket.serverEmit('disconnect', 'transport close');
      expect(wall.link()).toBe('reconnecting');
      expect(wall.linkSince()).toBe(AT - 800);
      dispose();
    });
    vi.useRealTimers();
  });
});
