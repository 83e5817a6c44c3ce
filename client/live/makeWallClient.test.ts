import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Delta, Snapshot } from '../../shared/protocol';
import { emptySnapshot, FakeSocket } from './fakeSocket';
import {
  type LinkState,
  makeWallClient,
  OFFLINE_AFTER_MS,
  SERVER_CLOSE_RETRY_MS,
  type WallClient,
} from './makeWallClient';

const snapshot = emptySnapshot;

const delta = (fromSeq: number, seq: number, value = seq, epoch = 'e1'): Delta => ({
  epoch,
  fromSeq,
  seq,
  at: 1_700_000_000_000,
  changes: [{ region: '417', indicator: 'records-today-online', value, at: 1_700_000_000_000, source: 's' }],
});

describe('makeWallClient', () => {
  let socket: FakeSocket;
  let client: WallClient;
  let snapshots: Snapshot[];
  let deltas: Delta[];
  let links: LinkState[];
  let wake: () => void;
  let refusals: string[];

  beforeEach(() => {
    vi.useFakeTimers();
    socket = new FakeSocket();
    snapshots = [];
    deltas = [];
    links = [];
    refusals = [];
    wake = () => {};
    client = makeWallClient({
      connect: socket.connectFn,
      events: {
        snapshot: (s) => snapshots.push(s),
        delta: (d) => deltas.push(d),
        link: (state) => links.push(state),
        refused: (error) => refusals.push(error.code),
      },
      wakeups: (retry) => {
        wake = retry;
        return () => {
          wake = () => {};
        };
      },
    });
  });
  afterEach(() => {
    client.close();
    vi.useRealTimers();
  });

  it('goes live on a snapshot and applies deltas that follow it, in order', () => {
    socket.serverEmit('snapshot', snapshot(10));
    expect(client.link).toBe('live');
    socket.serverEmit('delta', delta(10, 12));
    socket.serverEmit('delta', delta(12, 13));
    expect(deltas.map((d) => d.seq)).toEqual([12, 13]);
    expect(client.cursor).toEqual({ epoch: 'e1', seq: 13 });
  });

  it('ignores a delta it already has and applies one that overlaps its snapshot', () => {
    socket.serverEmit('snapshot', snapshot(10));
    socket.serverEmit('delta', delta(8, 10));
    expect(deltas).toEqual([]);
    socket.serverEmit('delta', delta(8, 11));
    expect(deltas.map((d) => d.seq)).toEqual([11]);
  });

  it('asks for a resync on a gap and applies the missed deltas it gets', async () => {
    socket.acks.set('resync', () => ({ kind: 'deltas', deltas: [delta(10, 11), delta(11, 14)] }));
    socket.serverEmit('snapshot', snapshot(10));
    socket.serverEmit('delta', delta(14, 15));
    await vi.waitFor(() => expect(deltas.map((d) => d.seq)).toEqual([11, 14]));
    expect(socket.sent).toEqual([{ event: 'resync', args: [{ epoch: 'e1', sinceSeq: 10 }] }]);
    expect(client.cursor?.seq).toBe(14);
  });

  it('takes a fresh snapshot when a delta comes from a new epoch', async () => {
    socket.acks.set('resync', () => ({ kind: 'snapshot', snapshot: snapshot(3, 'e2') }));
    socket.serverEmit('snapshot', snapshot(10));
    socket.serverEmit('delta', delta(2, 3, 3, 'e2'));
    await vi.waitFor(() => expect(snapshots).toHaveLength(2));
    expect(client.cursor).toEqual({ epoch: 'e2', seq: 3 });
  });

  it('reconnects when a resync fails, rather than trusting a broken stream', async () => {
    socket.acks.set('resync', () => ({ kind: 'error', error: { code: 'BAD_REQUEST', message: 'no' } }));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    socket.serverEmit('snapshot', snapshot(10));
    socket.serverEmit('delta', delta(20, 21));
    await vi.waitFor(() => expect(socket.connects).toBe(1));
    expect(deltas).toEqual([]);
  });

  it('says reconnecting at once when the link drops, and offline when it stays down', () => {
    socket.serverEmit('snapshot', snapshot(10));
    socket.serverEmit('disconnect', 'transport close');
    expect(client.link).toBe('reconnecting');
    vi.advanceTimersByTime(OFFLINE_AFTER_MS);
    expect(client.link).toBe('offline');
    socket.serverEmit('snapshot', snapshot(11));
    expect(links).toEqual(['live', 'reconnecting', 'offline', 'live']);
  });

  it('stops retrying and says offline when the server refuses its protocol version', () => {
    const refusal = Object.assign(new Error('other version'), {
      data: { code: 'PROTOCOL_MISMATCH', message: 'other version', expected: 2, received: 1 },
    });
    socket.connected = true;
    socket.serverEmit('connect_error', refusal);
    expect(client.link).toBe('offline');
    expect(socket.connected).toBe(false);
    expect(refusals).toEqual(['PROTOCOL_MISMATCH']);
  });

  it('retries at once when the network may be back, cutting the backoff short, but not while connected', () => {
    socket.serverEmit('disconnect', 'transport close');
    wake();
    expect(socket.connects).toBe(1);
    expect(socket.connected).toBe(true);
    wake();
    expect(socket.connects).toBe(1);
  });

  it('asks again after a while when the server closed the socket on purpose', () => {
    socket.serverEmit('snapshot', snapshot(10));
    socket.serverEmit('disconnect', 'io server disconnect');
    vi.advanceTimersByTime(SERVER_CLOSE_RETRY_MS - 1);
    expect(socket.connects).toBe(0);
    vi.advanceTimersByTime(1);
    expect(socket.connects).toBe(1);
  });

  it('stops listening for wake-ups when closed', () => {
    client.close();
    wake();
    expect(socket.connects).toBe(0);
  });

  it('drops a malformed delta without moving its cursor', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    socket.serverEmit('snapshot', snapshot(10));
    socket.serverEmit('delta', { epoch: 'e1', fromSeq: 10, seq: 'eleven', changes: [] });
    expect(client.cursor?.seq).toBe(10);
    expect(deltas).toEqual([]);
  });
});
