import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Reading,
  type Snapshot,
  WALL_NAMESPACE,
  type WallClientToServer,
  type WallServerToClient,
} from '../../shared/protocol';
import { DVC_TOKEN } from '../test/ingestClient';

/** A screen through the balancer: it keeps its cursor, and notes any gap, step back or change of epoch. */
export function watch(url: string) {
  const screen = {
    epoch: null as string | null,
    seq: -1,
    values: new Map<string, Reading>(),
    problems: [] as string[],
    snapshots: 0,
  };
  const socket: Socket<WallServerToClient, WallClientToServer> = io(`${url}${WALL_NAMESPACE}`, {
    auth: (send: (auth: object) => void) =>
      send({
        protocol: PROTOCOL_VERSION,
        ...(screen.epoch && { cursor: { epoch: screen.epoch, seq: screen.seq } }),
      }),
    transports: ['websocket'],
    reconnectionDelay: 100,
    reconnectionDelayMax: 300,
  });
  socket.on('snapshot', (s: Snapshot) => {
    if (screen.epoch !== null && s.epoch !== screen.epoch) screen.problems.push(`epoch ${screen.epoch} -> ${s.epoch}`);
    if (s.seq < screen.seq) screen.problems.push(`stepped back from ${screen.seq} to ${s.seq}`);
    screen.epoch = s.epoch;
    screen.seq = s.seq;
    screen.values = new Map(s.values.map((r) => [`${r.region}|${r.indicator}`, r]));
    screen.snapshots += 1;
  });
  socket.on('delta', (d) => {
    if (d.fromSeq > screen.seq) screen.problems.push(`gap: at ${screen.seq}, delta from ${d.fromSeq}`);
    if (d.seq < screen.seq) screen.problems.push(`delta ${d.seq} older than ${screen.seq}`);
    for (const r of d.changes) screen.values.set(`${r.region}|${r.indicator}`, r);
    screen.seq = Math.max(screen.seq, d.seq);
  });
  // A server behind this screen refuses it for a moment: it tries again (through the balancer, maybe elsewhere).
  socket.on('connect_error', () => {
    setTimeout(() => socket.connect(), 100);
  });
  return { screen, close: () => socket.disconnect() };
}

/** A source posting one batch after another through the balancer, each with its own key, retrying until stored. */
export function source(url: string, prefix: string) {
  const acked = new Map<string, number>();
  /** Refusals and failures met on the way, by status (0: no answer), to show what the wall said while it healed. */
  const refusals = new Map<number, number>();
  let running = true;
  let k = 0;
  const post = async (key: string) => {
    // A retry sends the very same request: the same key with another body would be a conflict (409), not a retry.
    const body = JSON.stringify({
      source: 'dvc',
      idempotencyKey: key,
      observations: [{ region: '417', indicator: 'records-today-online', at: Date.now(), delta: 1 }],
    });
    for (;;) {
      let status = 0;
      try {
        const res = await fetch(`${url}/api/v1/ingest`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${DVC_TOKEN}` },
          body,
          signal: AbortSignal.timeout(5000),
        });
        status = res.status;
        if (status === 200) return ((await res.json()) as { seq: number }).seq;
        await res.body?.cancel();
      } catch {
        // The server died mid-request: the same key again, which answers once it is stored.
      }
      refusals.set(status, (refusals.get(status) ?? 0) + 1);
      // 502/503 while a writer is away (and 429) are for retrying; any other refusal is a fault of the wall's.
      if (status >= 400 && status < 500 && status !== 429) throw new Error(`batch ${key} refused with ${status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const done = (async () => {
    while (running) {
      const key = `${prefix}-${++k}`;
      acked.set(key, await post(key));
    }
  })();
  return {
    acked,
    refusals,
    async stop() {
      running = false;
      await done;
    },
  };
}
