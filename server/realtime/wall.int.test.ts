import { describe, expect, it } from 'vitest';
import {
  type Cursor,
  classifyDelta,
  type Delta,
  PROTOCOL_VERSION,
  type ResyncRequest,
  type Snapshot,
  SnapshotSchema,
} from '../../shared/protocol';
import {
  applyReadings,
  copyOf,
  onlineRecords,
  resync,
  useHarness,
  waitForConnectError,
  waitForEvent,
  waitUntil,
} from '../test/support';
import { unitAt } from '../test/units';

const start = useHarness();

describe('/wall snapshots', () => {
  it('gives two clients the same snapshot', async () => {
    const wall = await start();
    await wall.app.ingest.submit('test-source', onlineRecords(4));
    await wall.app.ingest.submit('test-source', onlineRecords(3, unitAt(0)));
    const [a, b] = await Promise.all([wall.connect(), wall.connect()]);
    expect(() => SnapshotSchema.parse(a.snapshot)).not.toThrow();
    expect(a.snapshot.epoch).toBe(wall.app.state.epoch);
    expect(a.snapshot.seq).toBe(2);
    expect(b.snapshot.epoch).toBe(a.snapshot.epoch);
    expect(b.snapshot.seq).toBe(a.snapshot.seq);
    expect(copyOf(b.snapshot.values)).toEqual(copyOf(a.snapshot.values));
    expect(copyOf(a.snapshot.values).get('province|records-today-online')?.value).toBe(7);
  });
});

describe('/wall deltas', () => {
  it('arrive with contiguous seq and carry the submitted values', async () => {
    const wall = await start();
    const { socket, snapshot } = await wall.connect();
    const deltas: Delta[] = [];
    socket.on('delta', (d) => deltas.push(d));
    for (const n of [1, 2, 3, 4, 5]) {
      expect(await wall.app.ingest.submit('test-source', onlineRecords(n))).toMatchObject({ ok: true });
      wall.app.broadcaster.flush();
    }
    await waitUntil(() => deltas.at(-1)?.seq === wall.app.state.seq, 'the last delta');
    expect(deltas.map((d) => d.seq)).toEqual([1, 2, 3, 4, 5]);
    let cursor: Cursor = { epoch: snapshot.epoch, seq: snapshot.seq };
    const copy = copyOf(snapshot.values);
    for (const d of deltas) {
      expect(d.epoch).toBe(snapshot.epoch);
      expect(d.fromSeq).toBe(cursor.seq);
      expect(classifyDelta(cursor, d)).toBe('apply');
      applyReadings(copy, d.changes);
      cursor = { epoch: d.epoch, seq: d.seq };
    }
    // 1 + 2 + 3 + 4 + 5 records, at the unit and in its roll-ups.
    expect(copy.get(`${unitAt(5)}|records-today-online`)?.value).toBe(15);
    expect(copy.get('province|records-today-online')?.value).toBe(15);
    expect(deltas[2]?.changes.find((c) => c.region === unitAt(5))?.value).toBe(6);
  });

  it('coalesce batches submitted within one interval into one delta', async () => {
    const wall = await start({ DELTA_INTERVAL_MS: '10000' });
    const { socket } = await wall.connect();
    await wall.app.ingest.submit('test-source', onlineRecords(1));
    wall.app.broadcaster.flush();
    await waitForEvent(socket, 'delta');
    // The next delta waits the interval out; force it once all three are in.
    await wall.app.ingest.submit('test-source', onlineRecords(1));
    await wall.app.ingest.submit('test-source', onlineRecords(1));
    await wall.app.ingest.submit('test-source', onlineRecords(1));
    const next = waitForEvent(socket, 'delta');
    wall.app.broadcaster.flush();
    const delta = await next;
    expect(delta).toMatchObject({ fromSeq: 1, seq: 4 });
    expect(delta.changes.filter((c) => c.region === unitAt(5))).toEqual([expect.objectContaining({ value: 4 })]);
  });
});

describe('/wall resync', () => {
  /** Fills the state and the delta log with `batches` flushed batches. */
  const submitFlushed = async (wall: Awaited<ReturnType<typeof start>>, batches: number) => {
    for (let i = 0; i < batches; i++) {
      expect(
        (await wall.app.ingest.submit('test-source', onlineRecords(1 + (i % 3), i % 2 ? unitAt(0) : unitAt(5)))).ok,
      ).toBe(true);
      wall.app.broadcaster.flush();
    }
  };

  it('lets a client that missed deltas catch up to the live state', async () => {
    const wall = await start();
    const { socket, snapshot } = await wall.connect();
    const copy = copyOf(snapshot.values);
    let cursor: Cursor = { epoch: snapshot.epoch, seq: snapshot.seq };
    const onDelta = (d: Delta) => {
      if (classifyDelta(cursor, d) !== 'apply') return;
      applyReadings(copy, d.changes);
      cursor = { epoch: d.epoch, seq: d.seq };
    };
    socket.on('delta', onDelta);
    await submitFlushed(wall, 2);
    await waitUntil(() => cursor.seq === 2, 'the first two deltas');

    // The client stops listening while four more batches go by.
    socket.off('delta', onDelta);
    await submitFlushed(wall, 4);
    expect(wall.app.state.seq).toBe(6);

    const response = await resync(socket, { epoch: cursor.epoch, sinceSeq: cursor.seq });
    if (response.kind !== 'deltas') throw new Error(`expected deltas, got ${response.kind}`);
    expect(response.deltas.map((d) => [d.fromSeq, d.seq])).toEqual([
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 6],
    ]);
    for (const d of response.deltas) {
      expect(classifyDelta(cursor, d)).toBe('apply');
      onDelta(d);
    }
    const fresh = await wall.getJson<Snapshot>('/api/v1/snapshot');
    expect(cursor.seq).toBe(fresh.seq);
    expect(copy).toEqual(copyOf(fresh.values));
  });

  it('answers [] to a client at the head, or holding a snapshot newer than the last delta', async () => {
    const wall = await start({ DELTA_INTERVAL_MS: '10000' });
    await submitFlushed(wall, 2);
    // A batch that waits for the interval: the snapshot is at 3, the log at 2.
    await wall.app.ingest.submit('test-source', onlineRecords(5));
    const { socket, snapshot } = await wall.connect();
    expect(snapshot.seq).toBe(3);
    expect(await resync(socket, { epoch: snapshot.epoch, sinceSeq: 3 })).toEqual({ kind: 'deltas', deltas: [] });
    // The delta that follows overlaps the snapshot, so the client skips it and stays correct.
    const next = waitForEvent(socket, 'delta');
    wall.app.broadcaster.flush();
    const delta = await next;
    expect(delta).toMatchObject({ fromSeq: 2, seq: 3 });
    expect(classifyDelta({ epoch: snapshot.epoch, seq: 3 }, delta)).toBe('duplicate');
    expect(await resync(socket, { epoch: snapshot.epoch, sinceSeq: 3 })).toEqual({ kind: 'deltas', deltas: [] });
  });

  it('answers with a snapshot once the ring buffer no longer reaches back', async () => {
    const wall = await start({ DELTA_BUFFER: '10' });
    const { socket, snapshot } = await wall.connect();
    expect(snapshot.seq).toBe(0);
    await submitFlushed(wall, 15);
    // Seq 5 is still covered by the ten deltas (5, 6] ... (14, 15]; seq 4 is not.
    const recent = await resync(socket, { epoch: snapshot.epoch, sinceSeq: 5 });
    expect(recent.kind === 'deltas' && recent.deltas.length).toBe(10);
    for (const sinceSeq of [0, 4]) {
      const response = await resync(socket, { epoch: snapshot.epoch, sinceSeq });
      if (response.kind !== 'snapshot') throw new Error(`expected a snapshot, got ${response.kind}`);
      const fresh = await wall.getJson<Snapshot>('/api/v1/snapshot');
      expect(response.snapshot.seq).toBe(15);
      expect(copyOf(response.snapshot.values)).toEqual(copyOf(fresh.values));
    }
  });

  it('answers with a snapshot for another epoch or a seq beyond the head', async () => {
    const wall = await start();
    const { socket, snapshot } = await wall.connect();
    await submitFlushed(wall, 3);
    const otherEpoch = await resync(socket, { epoch: 'an-old-server', sinceSeq: 1 });
    expect(otherEpoch).toMatchObject({ kind: 'snapshot', snapshot: { epoch: snapshot.epoch, seq: 3 } });
    const beyond = await resync(socket, { epoch: snapshot.epoch, sinceSeq: 99 });
    expect(beyond).toMatchObject({ kind: 'snapshot', snapshot: { seq: 3 } });
  });

  it('answers a malformed request with an error, and keeps serving the client', async () => {
    const wall = await start();
    const { socket, snapshot } = await wall.connect();
    for (const [bad, fields] of [
      [{ epoch: snapshot.epoch, sinceSeq: -1 }, ['sinceSeq']],
      [{ epoch: '', sinceSeq: 0 }, ['epoch']],
      [{ sinceSeq: 'x' }, ['epoch', 'sinceSeq']],
      [null, []],
    ] as const) {
      const response = await resync(socket, bad as unknown as ResyncRequest);
      expect(response).toMatchObject({ kind: 'error', error: { code: 'BAD_REQUEST' } });
      // Each problem names its field, as the HTTP errors do.
      const error = response.kind === 'error' ? response.error : null;
      expect(error?.issues?.map((i) => i.path)).toEqual(fields.length ? fields.map((f) => [f]) : [[]]);
      for (const field of fields) expect(error?.message).toContain(`${field}: `);
    }
    expect(socket.connected).toBe(true);
    expect(await resync(socket, { epoch: snapshot.epoch, sinceSeq: 0 })).toEqual({ kind: 'deltas', deltas: [] });
  });
});

describe('/wall handshake', () => {
  it('refuses another protocol version with PROTOCOL_MISMATCH', async () => {
    const wall = await start();
    const error = await waitForConnectError(wall.client({ protocol: PROTOCOL_VERSION + 1 }));
    expect(error.data).toMatchObject({
      code: 'PROTOCOL_MISMATCH',
      expected: PROTOCOL_VERSION,
      received: PROTOCOL_VERSION + 1,
    });
  });

  it('refuses a missing or malformed handshake with BAD_HANDSHAKE', async () => {
    const wall = await start();
    const missing = await waitForConnectError(wall.client(null));
    expect(missing.data).toMatchObject({ code: 'BAD_HANDSHAKE', expected: PROTOCOL_VERSION });
    const malformed = await waitForConnectError(wall.client({ protocol: 'one' }));
    expect(malformed.data).toMatchObject({ code: 'BAD_HANDSHAKE' });
  });

  it('accepts the current version with a display name', async () => {
    const wall = await start();
    const socket = wall.client({ protocol: PROTOCOL_VERSION, display: 'hall-left' });
    const snapshot = await waitForEvent(socket, 'snapshot');
    expect(snapshot.epoch).toBe(wall.app.state.epoch);
  });
});
