import { createRoot } from 'solid-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { indicators } from '../../shared/catalog';
import type { HistoryResponse } from '../../shared/history';
import type { Reading, Snapshot } from '../../shared/protocol';
import { createSeries } from './createSeries';
import { createWall } from './createWall';
import { FakeSocket } from './fakeSocket';
import type { HistoryRequest } from './history';

const MIN = 60_000;
const T = Date.UTC(2024, 0, 19, 3); // 10:00 in Vinh
const NO_TARGETS = Object.fromEntries(
  indicators.map(({ id }) => [id, { target: null, bands: null }]),
) as Snapshot['targets'];
const reading = (value: number, at: number): Reading => ({
  region: 'province',
  indicator: 'records-today-online',
  value,
  at,
  source: 'rollup',
});
const snapshot = (epoch: string, seq: number, values: Reading[]): Snapshot => ({
  epoch,
  seq,
  at: T,
  buildId: 'b',
  regionSet: 'nghe-an-2024',
  timeZone: 'Asia/Ho_Chi_Minh',
  defaultLang: 'vi',
  simulated: false,
  targets: NO_TARGETS,
  values,
  alerts: [],
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T);
});
afterEach(() => vi.useRealTimers());

function setup() {
  const socket = new FakeSocket();
  const requests: HistoryRequest[] = [];
  let answer: HistoryResponse['points'] = [];
  const fetch = async (request: HistoryRequest) => {
    requests.push(request);
    return { ...request, stepMs: request.stepMs, points: answer };
  };
  return {
    socket,
    requests,
    answer: (points: HistoryResponse['points']) => {
      answer = points;
    },
    start: () =>
      createRoot((dispose) => {
        const wall = createWall({ connect: socket.connectFn });
        const series = createSeries(wall, {
          region: () => 'province',
          indicator: () => 'records-today-online',
          from: () => Date.now() - 60 * MIN,
          stepMs: 5 * MIN,
          fetch,
        });
        return { series, dispose };
      }),
  };
}

describe('createSeries', () => {
  it('starts from history, then moves its newest point at most once a second and adds a new one at once', async () => {
    const s = setup();
    s.answer([
      { at: T - 30 * MIN, value: 3 },
      { at: T - 10 * MIN, value: 5 },
    ]);
    const { series, dispose } = s.start();
    s.socket.serverEmit('connect');
    s.socket.serverEmit('snapshot', snapshot('e1', 1, [reading(6, T - MIN)]));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]).toMatchObject({ region: 'province', indicator: 'records-today-online', stepMs: 5 * MIN });
    expect(series().map((p) => p.value)).toEqual([3, 5, 6]);

    // A reading in the newest point's step waits for the next publishing moment.
    s.socket.serverEmit('delta', { epoch: 'e1', fromSeq: 1, seq: 2, at: T, changes: [reading(7, T - 30_000)] });
    expect(series().map((p) => p.value)).toEqual([3, 5, 6]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(series().map((p) => p.value)).toEqual([3, 5, 7]);
    // A reading in a later step is a new point, passed on at once, with what was waiting.
    s.socket.serverEmit('delta', { epoch: 'e1', fromSeq: 2, seq: 3, at: T, changes: [reading(7.5, T - 10_000)] });
    s.socket.serverEmit('delta', { epoch: 'e1', fromSeq: 3, seq: 4, at: T, changes: [reading(8, T + 6 * MIN)] });
    expect(series().map((p) => p.value)).toEqual([3, 5, 7.5, 8]);
    dispose();
  });

  it('fetches again after a reconnect, once, and stops fetching when disposed', async () => {
    const s = setup();
    const { dispose } = s.start();
    s.socket.serverEmit('connect');
    s.socket.serverEmit('snapshot', snapshot('e1', 1, []));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.requests).toHaveLength(1);
    s.socket.serverEmit('disconnect', 'transport close');
    s.socket.serverEmit('connect');
    s.socket.serverEmit('snapshot', snapshot('e2', 1, []));
    await vi.advanceTimersByTimeAsync(0);
    expect(s.requests).toHaveLength(2);
    dispose();
    s.socket.serverEmit('snapshot', snapshot('e3', 1, []));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(s.requests).toHaveLength(2);
  });
});
