import { io, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { type LinkState, makeWallClient } from '../../client/live/makeWallClient';
import type { Delta, Snapshot } from '../../shared/protocol';
import { applyReadings, copyOf, onlineRecords, useHarness, waitUntil } from '../test/support';
import { unitAt } from '../test/units';
import { HEARTBEAT } from './heartbeat';

const start = useHarness();

/**
 * The screens' own socket client (`client/live/makeWallClient.ts`) against a real server, on a real socket whose
 * incoming deltas the test may drop, as a flaky network would between two deltas.
 */
function liveClient(url: string) {
  const seen = { snapshots: [] as Snapshot[], deltas: [] as Delta[], links: [] as [LinkState, string?][] };
  const sockets: Socket[] = [];
  const net = { drop: 0, dropped: 0, resyncs: 0 };
  const connect = ((uri: string, options: Parameters<typeof io>[1]) => {
    const socket = io(uri, { ...options, forceNew: true });
    sockets.push(socket);
    socket.onAnyOutgoing((event) => {
      if (event === 'resync') net.resyncs += 1;
    });
    const on = socket.on.bind(socket);
    socket.on = ((event: string, listener: (...args: unknown[]) => void) =>
      on(event, (...args: unknown[]) => {
        if (event === 'delta' && net.drop > 0) {
          net.drop -= 1;
          net.dropped += 1;
          return;
        }
        listener(...args);
      })) as typeof socket.on;
    return socket;
  }) as typeof io;
  const client = makeWallClient({
    url,
    connect,
    wakeups: () => () => {},
    events: {
      snapshot: (s) => seen.snapshots.push(s),
      delta: (d) => seen.deltas.push(d),
      link: (state, reason) => seen.links.push([state, reason]),
    },
  });
  /** The client's copy of the live state, from its last snapshot and the deltas it applied after it. */
  const copy = () => {
    const last = seen.snapshots.at(-1);
    const readings = copyOf(last?.values ?? []);
    for (const d of seen.deltas) if (last && d.seq > last.seq) applyReadings(readings, d.changes);
    return readings;
  };
  return { client, seen, net, copy, socket: () => sockets.at(-1) };
}

describe('the live client against a real server', () => {
  it('notices a gap, resyncs the deltas it missed from the ring buffer, and ends where the server is', async () => {
    const wall = await start();
    const live = liveClient(wall.url);
    try {
      await waitUntil(() => live.client.link === 'live', 'the client to go live');
      live.net.drop = 1;
      await wall.app.ingest.submit('dvc', onlineRecords(2));
      await waitUntil(() => live.net.dropped === 1, 'a delta lost on the way');
      await wall.app.ingest.submit('dvc', onlineRecords(3));
      await waitUntil(() => live.client.cursor?.seq === wall.app.state.seq, 'the client to catch up');
      expect(live.net.resyncs).toBe(1);
      expect(live.seen.snapshots).toHaveLength(1);
      expect(live.copy().get(`${unitAt(5)}|records-today-online`)?.value).toBe(5);
      expect(live.copy().get('province|records-today-online')?.value).toBe(
        wall.app.state.get('province', 'records-today-online')?.value,
      );
    } finally {
      live.client.close();
    }
  });

  it('takes a fresh snapshot when the gap reaches past the ring buffer', async () => {
    const wall = await start({ DELTA_BUFFER: '10' });
    const live = liveClient(wall.url);
    try {
      await waitUntil(() => live.client.link === 'live', 'the client to go live');
      live.net.drop = 12;
      for (let i = 1; i <= 12; i++) {
        await wall.app.ingest.submit('dvc', onlineRecords(1));
        await waitUntil(() => live.net.dropped === i, `lost delta ${i}`);
      }
      await wall.app.ingest.submit('dvc', onlineRecords(1));
      await waitUntil(() => live.client.cursor?.seq === wall.app.state.seq, 'the client to catch up');
      expect(live.net.resyncs).toBe(1);
      expect(live.seen.snapshots).toHaveLength(2);
      expect(live.copy().get(`${unitAt(5)}|records-today-online`)?.value).toBe(13);
    } finally {
      live.client.close();
    }
  });

  it(
    'notices a link that died without a word by the heartbeat, says so, and comes back live',
    async () => {
      const wall = await start();
      const live = liveClient(wall.url);
      try {
        await waitUntil(() => live.client.link === 'live', 'the client to go live');
        // The server's pings stop counting, as when a cable is cut somewhere the socket cannot see: the engine's
        // timer since the last ping runs out. (The pongs still go, so the server does not close the socket first.)
        const engine = live.socket()?.io.engine as unknown as { _resetPingTimeout(): void };
        engine._resetPingTimeout = () => {};
        const bound = HEARTBEAT.pingInterval + HEARTBEAT.pingTimeout + 5_000;
        await waitUntil(() => live.client.link === 'reconnecting', 'the heartbeat to notice', bound);
        expect(live.seen.links.at(-1)).toEqual(['reconnecting', 'ping timeout']);
        // A fresh connection (a new engine, which answers pings again) brings the screen back.
        await waitUntil(() => live.client.link === 'live', 'the client to come back', bound);
        expect(live.seen.snapshots).toHaveLength(2);
      } finally {
        live.client.close();
      }
    },
    2 * (HEARTBEAT.pingInterval + HEARTBEAT.pingTimeout) + 20_000,
  );
});
