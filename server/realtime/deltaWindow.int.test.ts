import { describe, expect, it } from 'vitest';
import type { Delta } from '../../shared/protocol';
import { ratePercent } from '../../shared/rollup';
import { postIngest, risingRate, TEST_TOKENS } from '../test/ingestClient';
import { applyReadings, copyOf, useHarness, waitForEvent, waitUntil } from '../test/support';
import { unitAt } from '../test/units';

const start = useHarness();
const REGIONS = [unitAt(0), unitAt(5), unitAt(17)];

const observation = (i: number) => risingRate(REGIONS, i);

describe('the delta window, through HTTP and a socket.io client', () => {
  it('sends the first change after a quiet spell at once, not at the end of the window', async () => {
    // A window far longer than the wait for the delta: only a leading edge can deliver it in time.
    const wall = await start({ INGEST_TOKENS: TEST_TOKENS, DELTA_INTERVAL_MS: '10000' });
    const { socket } = await wall.connect();
    const delta = waitForEvent(socket, 'delta');
    expect((await postIngest(wall.url, { source: 'dvc', observations: [observation(0)] })).status).toBe(200);
    expect((await delta).changes).toContainEqual(
      expect.objectContaining({ region: unitAt(0), indicator: 'online-record-rate', value: 30 }),
    );
  });

  it('ends a burst followed by quiet with the last value of every figure on the screen', async () => {
    const wall = await start({ INGEST_TOKENS: TEST_TOKENS, DELTA_INTERVAL_MS: '200' });
    const { socket, snapshot } = await wall.connect();
    const deltas: Delta[] = [];
    const copy = copyOf(snapshot.values);
    socket.on('delta', (d) => {
      deltas.push(d);
      applyReadings(copy, d.changes);
    });
    const burst = 30;
    for (let i = 0; i < burst; i++) {
      const res = await postIngest(wall.url, { source: 'dvc', observations: [observation(i)] });
      expect(res.status).toBe(200);
    }
    // The last three observations, one per region, are the values the screen must end on.
    const last = new Map(
      Array.from({ length: REGIONS.length }, (_, k) => observation(burst - 1 - k)).map((o) => [
        o.region,
        ratePercent(o.num, o.den),
      ]),
    );
    await waitUntil(
      () => [...last].every(([region, value]) => copy.get(`${region}|online-record-rate`)?.value === value),
      'the last value of each region on the client',
    );
    expect(deltas.at(-1)?.seq).toBe(wall.app.state.seq);
    for (let i = 1; i < deltas.length; i++) expect(deltas[i]?.fromSeq).toBe(deltas[i - 1]?.seq);
  });
});
