import { describe, expect, it } from 'vitest';
import type { Delta, PaceAck } from '../../shared/protocol';
import { ratePercent } from '../../shared/rollup';
import { postIngest, risingRate, TEST_TOKENS } from '../test/ingestClient';
import { applyReadings, copyOf, useHarness, waitUntil } from '../test/support';
import { unitAt } from '../test/units';

const start = useHarness();
const REGIONS = [unitAt(0), unitAt(5), unitAt(17)];
const WINDOW_MS = 20;
const PACE_MS = 400;

const observation = (i: number) => risingRate(REGIONS, i);

type Socket = Awaited<ReturnType<Awaited<ReturnType<typeof start>>['connect']>>['socket'];
const askPace = (socket: Socket, pace: unknown) =>
  socket.timeout(5_000).emitWithAck('pace', pace as { intervalMs: number }) as Promise<PaceAck>;

/** Records a socket's deltas, and applies them to a copy of its snapshot. */
function watch(socket: Socket, snapshot: Parameters<typeof copyOf>[0]) {
  const deltas: { delta: Delta }[] = [];
  const copy = copyOf(snapshot);
  socket.on('delta', (delta) => {
    deltas.push({ delta });
    applyReadings(copy, delta.changes);
  });
  return { deltas, copy };
}

/** Posts `count` observations one after another; returns the last value of each region. */
async function burst(url: string, from: number, count: number): Promise<Map<string, number | null>> {
  const last = new Map<string, number | null>();
  for (let i = from; i < from + count; i++) {
    const o = observation(i);
    expect((await postIngest(url, { source: 'dvc', observations: [o] })).status).toBe(200);
    last.set(o.region, ratePercent(o.num, o.den));
  }
  return last;
}

/**
 * The most deltas a screen on `paceMs` can get in `spanMs`: the first at once, then one a pace. Counted over a span
 * the test measures around the whole burst, not from arrival times, which a busy process bunches together.
 */
const mostAtPace = (spanMs: number, paceMs: number) => 1 + Math.floor(spanMs / paceMs);

const follows = (deltas: { delta: Delta }[]) =>
  deltas.every((d, i) => i === 0 || d.delta.fromSeq === deltas[i - 1]?.delta.seq);

describe('a screen on a pace of its own, through HTTP and socket.io clients', () => {
  it('gets the deltas merged at its pace, every seq in order and the latest values, while others get the window', async () => {
    const wall = await start({ INGEST_TOKENS: TEST_TOKENS, DELTA_INTERVAL_MS: String(WINDOW_MS) });
    const slow = await wall.connect();
    const quick = await wall.connect();
    expect(await askPace(slow.socket, { intervalMs: PACE_MS })).toEqual({ intervalMs: PACE_MS });
    const slowSeen = watch(slow.socket, slow.snapshot.values);
    const quickSeen = watch(quick.socket, quick.snapshot.values);

    const began = Date.now();
    const last = await burst(wall.url, 0, 60);
    const onScreen = (copy: ReturnType<typeof copyOf>) =>
      [...last].every(([region, value]) => copy.get(`${region}|online-record-rate`)?.value === value);
    await waitUntil(() => onScreen(slowSeen.copy) && onScreen(quickSeen.copy), 'the last values on both screens');
    const span = Date.now() - began;

    for (const seen of [slowSeen, quickSeen]) {
      expect(follows(seen.deltas)).toBe(true);
      expect(seen.deltas.at(-1)?.delta.seq).toBe(wall.app.state.seq);
    }
    expect(slowSeen.deltas.length).toBeGreaterThanOrEqual(2);
    expect(slowSeen.deltas.length).toBeLessThanOrEqual(mostAtPace(span, PACE_MS));
    expect(quickSeen.deltas.length).toBeGreaterThan(slowSeen.deltas.length);
  });

  it('refuses a malformed pace with the field at fault and keeps the screen on its pace', async () => {
    const wall = await start({ INGEST_TOKENS: TEST_TOKENS, DELTA_INTERVAL_MS: String(WINDOW_MS) });
    const { socket, snapshot } = await wall.connect();
    await askPace(socket, { intervalMs: PACE_MS });
    for (const bad of [{ intervalMs: -1 }, { intervalMs: 60_000 }, { intervalMs: 'fast' }, null]) {
      const answer = await askPace(socket, bad);
      expect(answer).toMatchObject({ error: { code: 'BAD_REQUEST' } });
      if (bad) expect(JSON.stringify(answer)).toContain('intervalMs');
    }
    const seen = watch(socket, snapshot.values);
    const began = Date.now();
    await burst(wall.url, 0, 30);
    await waitUntil(() => seen.deltas.at(-1)?.delta.seq === wall.app.state.seq, 'the last seq on the screen');
    const span = Date.now() - began;
    expect(seen.deltas.length).toBeGreaterThanOrEqual(2);
    expect(seen.deltas.length).toBeLessThanOrEqual(mostAtPace(span, PACE_MS));
  });

  it('goes back to the common window without a gap when the pace is dropped', async () => {
    const wall = await start({ INGEST_TOKENS: TEST_TOKENS, DELTA_INTERVAL_MS: String(WINDOW_MS) });
    const { socket, snapshot } = await wall.connect();
    const seen = watch(socket, snapshot.values);
    await askPace(socket, { intervalMs: 1_000 });
    await burst(wall.url, 0, 10);
    // The screen is owed what came after its first delta; dropping the pace sends it at once.
    expect(await askPace(socket, { intervalMs: 0 })).toEqual({ intervalMs: WINDOW_MS });
    const last = await burst(wall.url, 10, 10);
    await waitUntil(
      () => [...last].every(([region, value]) => seen.copy.get(`${region}|online-record-rate`)?.value === value),
      'the last values on the screen',
    );
    expect(follows(seen.deltas)).toBe(true);
    expect(seen.deltas.at(-1)?.delta.seq).toBe(wall.app.state.seq);
  });
});
