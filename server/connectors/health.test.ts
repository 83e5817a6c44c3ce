import { describe, expect, it } from 'vitest';
import { ConnectorHealthTracker, type HealthInit } from './health';

const MINUTE = 60_000;
const init: HealthInit = {
  id: 'dvc-portal',
  kind: 'http',
  source: 'dvc',
  schedule: { every: MINUTE },
  enabled: true,
  staleAfterMs: 15 * MINUTE,
  startedAt: 0,
};
const counted: string[] = [];
const tracker = (overrides: Partial<HealthInit> = {}) =>
  new ConnectorHealthTracker(
    { ...init, ...overrides },
    {
      observations: (id, result, n) => counted.push(`${id} ${result} ${n}`),
      error: (id, kind) => counted.push(`${id} error ${kind}`),
    },
  );
const error = (at: number, message = 'HTTP 500') => ({ at, kind: 'http-status' as const, message, status: 500 });

describe("a connector's health", () => {
  it('starts, then is ok, stale after its allowance without new data, failing on an error, ok again', () => {
    const h = tracker();
    expect(h.snapshot(0).state).toBe('starting');
    h.succeeded(MINUTE, 3);
    expect(h.snapshot(MINUTE)).toMatchObject({ state: 'ok', accepted: 3, lastSuccessAt: MINUTE, lastDataAt: MINUTE });
    // Answers with nothing new keep it working, but its figures age.
    h.succeeded(10 * MINUTE, 0);
    expect(h.snapshot(16 * MINUTE).state).toBe('ok');
    expect(h.snapshot(16 * MINUTE + 1).state).toBe('stale');
    h.failed(error(17 * MINUTE));
    expect(h.snapshot(17 * MINUTE)).toMatchObject({ state: 'failing', lastError: error(17 * MINUTE) });
    h.succeeded(18 * MINUTE, 2);
    // Ok again; the last error stays visible for the record.
    expect(h.snapshot(18 * MINUTE)).toMatchObject({ state: 'ok', accepted: 5, lastError: error(17 * MINUTE) });
  });

  it('counts its allowance from the start when nothing has come yet', () => {
    const h = tracker();
    h.succeeded(MINUTE, 0);
    expect(h.snapshot(14 * MINUTE).state).toBe('ok');
    expect(h.snapshot(16 * MINUTE).state).toBe('stale');
  });

  it('is disabled when switched off, whatever happens', () => {
    expect(tracker({ enabled: false }).snapshot(0).state).toBe('disabled');
  });

  it('tells whether a failure is news, and counts refused observations and errors for the metrics', () => {
    counted.length = 0;
    const h = tracker();
    expect(h.failed(error(1), 4)).toBe(true);
    expect(h.failed(error(2), 4)).toBe(false);
    expect(h.failed(error(3, 'HTTP 502'))).toBe(true);
    expect(h.snapshot(3).refused).toBe(8);
    expect(counted).toEqual([
      'dvc-portal error http-status',
      'dvc-portal refused 4',
      'dvc-portal error http-status',
      'dvc-portal refused 4',
      'dvc-portal error http-status',
    ]);
  });

  it('takes over stored health: with its state where another server runs it, or as starting on a new runner', () => {
    const writer = tracker();
    writer.succeeded(MINUTE, 3);
    writer.failed(error(2 * MINUTE), 4);
    const saved = writer.snapshot(2 * MINUTE);
    const follower = tracker();
    follower.restore(saved, true);
    expect(follower.snapshot(2 * MINUTE)).toEqual(saved);
    const next = tracker();
    next.restore(saved, false);
    expect(next.snapshot(2 * MINUTE)).toEqual({ ...saved, state: 'starting', nextRunAt: null });
    next.succeeded(3 * MINUTE, 2);
    expect(next.snapshot(3 * MINUTE)).toMatchObject({ state: 'ok', accepted: 5, refused: 4 });
  });
});
