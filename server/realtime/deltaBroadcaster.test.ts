import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert, Delta, Reading } from '../../shared/protocol';
import { DeltaLog } from '../state/deltaLog';
import { DeltaBroadcaster, LONGEST_WINDOW_MS, SEND_SHARE } from './deltaBroadcaster';

const INTERVAL = 100;
const T0 = Date.UTC(2024, 0, 19, 2);

const reading = (region: string, value: number): Reading => ({
  region,
  indicator: 'records-today-online',
  value,
  at: T0,
  source: 'dvc',
});
const alert = (id: string, value: number): Alert => ({
  id,
  rule: 'below-target',
  severity: 'warning',
  region: '417',
  indicator: 'online-record-rate',
  source: null,
  value,
  threshold: 40,
  startedAt: T0,
  endedAt: null,
  acknowledged: false,
});

function setup(initialSeq = 0) {
  const log = new DeltaLog(50, initialSeq);
  const sent: Delta[] = [];
  // What sending a delta to every screen takes, on the broadcaster's own timer (real time in the server).
  const send = { costMs: 0, timerMs: 0 };
  const broadcaster = new DeltaBroadcaster({
    epoch: 'e',
    log,
    clock: { now: () => Date.now() },
    intervalMs: INTERVAL,
    emit: (delta) => {
      sent.push(delta);
      send.timerMs += send.costMs;
    },
    realNow: () => send.timerMs,
  });
  return { log, sent, broadcaster, send };
}

/** The times (ms after T0) of the deltas sent while a change comes every `everyMs` for `forMs`. */
function steadyFeed(setupResult: ReturnType<typeof setup>, everyMs: number, forMs: number): number[] {
  const { broadcaster, sent } = setupResult;
  const from = sent.length;
  let seq = setupResult.log.head + 1;
  for (let t = 0; t < forMs; t += everyMs) {
    broadcaster.enqueue(seq++, [reading('417', t)]);
    vi.advanceTimersByTime(everyMs);
  }
  return sent.slice(from).map((d) => d.at - T0);
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('DeltaBroadcaster', () => {
  it('sends nothing while nothing changes', () => {
    const { sent, broadcaster, log } = setup();
    vi.advanceTimersByTime(10 * INTERVAL);
    expect(broadcaster.flush()).toBeNull();
    expect(sent).toEqual([]);
    expect(log.length).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends the first change after a quiet spell without waiting a whole interval', () => {
    const { sent, broadcaster } = setup();
    broadcaster.enqueue(1, [reading('417', 1)]);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(sent).toEqual([{ epoch: 'e', fromSeq: 0, seq: 1, at: T0, changes: [reading('417', 1)] }]);
  });

  it('sends at once again after a quiet spell as long as the window, and holds changes back only while they come', () => {
    const { sent, broadcaster } = setup();
    broadcaster.enqueue(1, [reading('417', 1)]);
    vi.advanceTimersByTime(0);
    broadcaster.enqueue(2, [reading('417', 2)]);
    vi.advanceTimersByTime(INTERVAL - 1);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent.map((d) => d.seq)).toEqual([1, 2]);
    // Quiet for a whole window: the next change is a leading edge again.
    vi.advanceTimersByTime(INTERVAL);
    broadcaster.enqueue(3, [reading('417', 3)]);
    vi.advanceTimersByTime(0);
    expect(sent.map((d) => d.seq)).toEqual([1, 2, 3]);
    expect(sent[2]?.at).toBe(T0 + 2 * INTERVAL);
  });

  it('keeps only the latest reading per (region, indicator) and covers every batch in between', () => {
    const { sent, broadcaster } = setup(7);
    broadcaster.enqueue(8, [reading('417', 1), reading('412', 5)]);
    broadcaster.enqueue(9, [reading('417', 2)]);
    broadcaster.enqueue(10, [reading('417', 3), { ...reading('417', 9), indicator: 'records-today-offline' }]);
    vi.advanceTimersByTime(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ fromSeq: 7, seq: 10 });
    expect(sent[0]?.changes).toHaveLength(3);
    expect(sent[0]?.changes).toContainEqual(reading('417', 3));
    expect(sent[0]?.changes).toContainEqual(reading('412', 5));
  });

  it('sends at most one delta per interval', () => {
    const { sent, broadcaster } = setup();
    broadcaster.enqueue(1, [reading('417', 1)]);
    vi.advanceTimersByTime(0);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(10);
    broadcaster.enqueue(2, [reading('417', 2)]);
    vi.advanceTimersByTime(INTERVAL - 11);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.at).toBe(T0 + INTERVAL);
  });

  it('keeps deltas contiguous and at least an interval apart under a steady stream', () => {
    const { sent, broadcaster } = setup();
    for (let seq = 1; seq <= 100; seq++) {
      broadcaster.enqueue(seq, [reading(seq % 2 ? '417' : '412', seq)]);
      vi.advanceTimersByTime(7);
    }
    vi.advanceTimersByTime(INTERVAL);
    // 700 ms of changes: the first right away, then one per 100 ms.
    expect(sent.length).toBeGreaterThanOrEqual(7);
    expect(sent.length).toBeLessThanOrEqual(9);
    expect(sent[0]?.fromSeq).toBe(0);
    expect(sent.at(-1)?.seq).toBe(100);
    for (let i = 1; i < sent.length; i++) {
      expect(sent[i]?.fromSeq).toBe(sent[i - 1]?.seq);
      expect((sent[i]?.at ?? 0) - (sent[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(INTERVAL);
    }
    // The last delta carries the last value of each reading.
    expect(sent.at(-1)?.changes).toContainEqual(reading('412', 100));
  });

  it('pushes every delta it sends into the log', () => {
    const { sent, broadcaster, log } = setup();
    broadcaster.enqueue(1, [reading('417', 1)]);
    vi.advanceTimersByTime(INTERVAL);
    broadcaster.enqueue(2, [reading('417', 2)]);
    broadcaster.enqueue(3, [reading('417', 3)]);
    vi.advanceTimersByTime(INTERVAL);
    expect(sent).toHaveLength(2);
    expect(log.head).toBe(3);
    expect(log.since(0)).toEqual(sent);
  });

  it('sends a delta for a batch that changed no reading, so that seq stays contiguous', () => {
    const { sent, broadcaster } = setup();
    broadcaster.enqueue(1, []);
    vi.advanceTimersByTime(0);
    expect(sent).toEqual([{ epoch: 'e', fromSeq: 0, seq: 1, at: T0, changes: [] }]);
  });

  it('flushes on demand, then waits an interval from that flush', () => {
    const { sent, broadcaster } = setup();
    broadcaster.enqueue(1, [reading('417', 1)]);
    expect(broadcaster.flush()).toMatchObject({ fromSeq: 0, seq: 1 });
    expect(sent).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
    broadcaster.enqueue(2, [reading('417', 2)]);
    vi.advanceTimersByTime(INTERVAL - 1);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent.map((d) => d.seq)).toEqual([1, 2]);
  });

  it('coalesces alerts by id and leaves them out when there are none', () => {
    const { sent, broadcaster } = setup();
    broadcaster.enqueue(1, [], [alert('a', 35), alert('b', 20)]);
    broadcaster.enqueue(2, [], [alert('a', 33)]);
    vi.advanceTimersByTime(0);
    expect(sent[0]?.alerts).toEqual([alert('a', 33), alert('b', 20)]);
    broadcaster.enqueue(3, [reading('417', 1)]);
    vi.advanceTimersByTime(INTERVAL);
    expect(sent[1]).not.toHaveProperty('alerts');
  });

  it('keeps the window while sending a delta costs less than its share of it', () => {
    const fed = setup();
    fed.send.costMs = INTERVAL * SEND_SHARE * 0.9;
    const at = steadyFeed(fed, 10, 1_000);
    expect(fed.broadcaster.windowMs).toBe(INTERVAL);
    expect(at.slice(0, 4)).toEqual([0, 100, 200, 300]);
  });

  it('stretches the window while sending a delta costs more than its share, and brings it back when it costs less', () => {
    const fed = setup();
    // Sending takes 50 ms (many screens): a window of 50 / SEND_SHARE = 200 ms keeps it to its share.
    fed.send.costMs = 50;
    const busy = steadyFeed(fed, 10, 1_000);
    expect(fed.broadcaster.windowMs).toBe(50 / SEND_SHARE);
    expect(busy.slice(0, 4)).toEqual([0, 200, 400, 600]);
    // The screens leave: the window shortens as the cheap sends come, one smoothed step at a time.
    fed.send.costMs = 0;
    const quiet = steadyFeed(fed, 10, 2_000);
    const gaps = quiet.slice(1).map((t, i) => t - (quiet[i] ?? 0));
    expect(gaps[0]).toBeGreaterThan(INTERVAL);
    expect(gaps.at(-1)).toBe(INTERVAL);
    expect(fed.broadcaster.windowMs).toBe(INTERVAL);
  });

  it('never holds deltas back longer than the longest window, whatever sending costs', () => {
    const fed = setup();
    fed.send.costMs = 10_000;
    const at = steadyFeed(fed, 10, 3_000);
    expect(fed.broadcaster.windowMs).toBe(LONGEST_WINDOW_MS);
    expect(at).toEqual([0, LONGEST_WINDOW_MS, 2 * LONGEST_WINDOW_MS, 3 * LONGEST_WINDOW_MS]);
  });

  it('sends nothing after close', () => {
    const { sent, broadcaster } = setup();
    broadcaster.enqueue(1, [reading('417', 1)]);
    broadcaster.close();
    vi.advanceTimersByTime(10 * INTERVAL);
    expect(sent).toEqual([]);
  });
});
