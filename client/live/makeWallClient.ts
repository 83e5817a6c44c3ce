import { io, type Socket } from 'socket.io-client';
import {
  type Cursor,
  classifyDelta,
  type Delta,
  DeltaSchema,
  HandshakeErrorSchema,
  PROTOCOL_VERSION,
  ResyncResponseSchema,
  type Snapshot,
  SnapshotSchema,
  WALL_NAMESPACE,
  type WallClientToServer,
  type WallServerToClient,
} from '../../shared/protocol';

/** live: synced and receiving; reconnecting: trying to (re)connect; offline: down for a while, or refused. */
export type LinkState = 'live' | 'reconnecting' | 'offline';

export interface WallClientEvents {
  /** The whole state: replace everything. */
  snapshot(snapshot: Snapshot): void;
  /** Changes to apply, already checked to follow the cursor. */
  delta(delta: Delta): void;
  link(state: LinkState, reason?: string): void;
}

export interface WallClientOptions {
  /** Base URL of the server; the page's origin by default. */
  url?: string;
  display?: string;
  events: WallClientEvents;
  /** socket.io's `io`, replaceable in tests. */
  connect?: typeof io;
}

/** Reconnection: socket.io's exponential backoff, between these bounds, with jitter so screens spread out. */
export const RECONNECT_MIN_MS = 500;
export const RECONNECT_MAX_MS = 10_000;
export const RECONNECT_JITTER = 0.5;
/** How long a resync may take before the client gives up on it and reconnects. */
export const RESYNC_TIMEOUT_MS = 5_000;
/** How long the link may stay down before the screen calls itself offline rather than reconnecting. */
export const OFFLINE_AFTER_MS = 15_000;

export interface WallClient {
  readonly cursor: Cursor | null;
  readonly link: LinkState;
  /** Tries to connect now instead of waiting for the backoff (the network came back, the tab became visible). */
  retryNow(): void;
  close(): void;
}

/**
 * The socket client of the wall, with no UI framework in it: it keeps the cursor (epoch and seq), hands
 * snapshots and in-order deltas to its listener, and resyncs on a gap or a new epoch.
 */
export function makeWallClient(options: WallClientOptions): WallClient {
  const { events } = options;
  const connect = options.connect ?? io;
  const socket: Socket<WallServerToClient, WallClientToServer> = connect(`${options.url ?? ''}${WALL_NAMESPACE}`, {
    auth: { protocol: PROTOCOL_VERSION, ...(options.display && { display: options.display }) },
    transports: ['websocket'],
    reconnectionDelay: RECONNECT_MIN_MS,
    reconnectionDelayMax: RECONNECT_MAX_MS,
    randomizationFactor: RECONNECT_JITTER,
  });

  let cursor: Cursor | null = null;
  let link: LinkState = 'reconnecting';
  let resyncing = false;
  let offlineTimer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const setLink = (next: LinkState, reason?: string) => {
    if (next === link) return;
    link = next;
    events.link(next, reason);
  };
  const armOfflineTimer = () => {
    if (offlineTimer) return;
    offlineTimer = setTimeout(() => setLink('offline', 'link down'), OFFLINE_AFTER_MS);
  };
  const clearOfflineTimer = () => {
    if (offlineTimer) clearTimeout(offlineTimer);
    offlineTimer = null;
  };
  armOfflineTimer();

  const applySnapshot = (raw: unknown) => {
    const parsed = SnapshotSchema.safeParse(raw);
    if (!parsed.success) {
      console.error('wall: ignored a malformed snapshot', parsed.error.issues.slice(0, 3));
      return;
    }
    cursor = { epoch: parsed.data.epoch, seq: parsed.data.seq };
    events.snapshot(parsed.data);
    clearOfflineTimer();
    setLink('live');
  };

  /** Applies a delta if it follows the cursor; returns false when the client must resync. */
  const applyDelta = (delta: Delta): boolean => {
    switch (classifyDelta(cursor, delta)) {
      case 'apply':
        cursor = { epoch: delta.epoch, seq: delta.seq };
        events.delta(delta);
        return true;
      case 'duplicate':
        return true;
      default:
        return false;
    }
  };

  const resync = async () => {
    if (resyncing || !cursor) return;
    resyncing = true;
    try {
      const raw = await socket
        .timeout(RESYNC_TIMEOUT_MS)
        .emitWithAck('resync', { epoch: cursor.epoch, sinceSeq: cursor.seq });
      const response = ResyncResponseSchema.parse(raw);
      if (response.kind === 'snapshot') applySnapshot(response.snapshot);
      else if (response.kind === 'deltas') {
        for (const delta of response.deltas) if (!applyDelta(delta)) throw new Error('resync deltas do not follow');
      } else throw new Error(`resync refused: ${response.error.message}`);
    } catch (error) {
      // The link is not trustworthy any more: start again from a snapshot on a fresh connection.
      console.warn('wall: resync failed, reconnecting', error);
      socket.disconnect().connect();
    } finally {
      resyncing = false;
    }
  };

  socket.on('snapshot', applySnapshot);
  socket.on('delta', (raw) => {
    if (resyncing) return; // what the resync brings covers this delta
    const parsed = DeltaSchema.safeParse(raw);
    if (!parsed.success) {
      console.error('wall: ignored a malformed delta', parsed.error.issues.slice(0, 3));
      return;
    }
    if (!applyDelta(parsed.data)) void resync();
  });
  socket.on('disconnect', (reason) => {
    if (closed) return;
    setLink('reconnecting', reason);
    armOfflineTimer();
  });
  socket.on('connect_error', (error) => {
    const refusal = HandshakeErrorSchema.safeParse((error as Error & { data?: unknown }).data);
    if (refusal.success) {
      // The server refused us for good (another protocol version): retrying will not help until a reload.
      socket.disconnect();
      setLink('offline', refusal.data.message);
      return;
    }
    setLink(link === 'offline' ? 'offline' : 'reconnecting', error.message);
    armOfflineTimer();
  });

  return {
    get cursor() {
      return cursor;
    },
    get link() {
      return link;
    },
    retryNow() {
      if (!socket.connected && !closed) socket.connect();
    },
    close() {
      closed = true;
      clearOfflineTimer();
      socket.close();
    },
  };
}
