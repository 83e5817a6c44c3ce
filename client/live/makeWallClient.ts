import { io, type Socket } from 'socket.io-client';
import type { CommandAck, ScreenCommandEnvelope, ScreenStatus } from '../../shared/control';
import {
  type Cursor,
  classifyDelta,
  type Delta,
  DeltaSchema,
  type HandshakeError,
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
  /** The server refused this client for good (another protocol version): only a reload can help. */
  refused?(error: HandshakeError): void;
  /** An operator's command (registered displays only); answer with `ack`. */
  command?(envelope: ScreenCommandEnvelope, ack: (answer: CommandAck) => void): void;
}

/** Calls `retry` whenever the network may be back; returns how to stop. */
export type WakeupSource = (retry: () => void) => () => void;

/** The little of `window` and `document` the wake-ups need; typed here so the client builds without the DOM. */
interface Listenable {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/**
 * The browser's hints that a retry may succeed now rather than after the backoff: the network came back
 * (`online`), or the page became visible again (a screen woken up, a tab brought back).
 */
export const browserWakeups: WakeupSource = (retry) => {
  const { window: win, document: doc } = globalThis as {
    window?: Listenable;
    document?: Listenable & { visibilityState: string };
  };
  if (!win || !doc) return () => {};
  const onVisible = () => {
    if (doc.visibilityState === 'visible') retry();
  };
  win.addEventListener('online', retry);
  doc.addEventListener('visibilitychange', onVisible);
  return () => {
    win.removeEventListener('online', retry);
    doc.removeEventListener('visibilitychange', onVisible);
  };
};

export interface WallClientOptions {
  /** Base URL of the server; the page's origin by default. */
  url?: string;
  display?: string;
  /** A registered display's token: the server then knows the screen, and sends it commands. */
  token?: string;
  events: WallClientEvents;
  /** socket.io's `io`, replaceable in tests. */
  connect?: typeof io;
  /** When to retry early; the browser's `online` and `visibilitychange` by default. */
  wakeups?: WakeupSource;
}

/**
 * Reconnection: socket.io's exponential backoff (doubling from the minimum up to the maximum), with jitter so
 * that a room of screens does not knock on a restarted server all at the same instant.
 * NOTE: the maximum is short on purpose: a wall must be back within seconds of its server, and a hundred screens
 * retrying every few seconds cost a server nothing.
 */
export const RECONNECT_MIN_MS = 500;
export const RECONNECT_MAX_MS = 4_000;
/** Each delay is randomised by up to this share either way. */
export const RECONNECT_JITTER = 0.5;
/** A server that closed our connection on purpose (a restart in progress, a kick) is asked again after this. */
export const SERVER_CLOSE_RETRY_MS = 2_000;
/** How long a resync may take before the client gives up on it and reconnects. */
export const RESYNC_TIMEOUT_MS = 5_000;
/** How long the link may stay down before the screen calls itself offline rather than reconnecting. */
export const OFFLINE_AFTER_MS = 15_000;
/**
 * A screen refused as not authorised asks again this rarely: only an admin's action (a new token in the address,
 * an open wall) can change the answer, and a hundred refused screens must not hammer the server.
 */
export const NOT_AUTHORISED_RETRY_MS = 60_000;

export interface WallClient {
  readonly cursor: Cursor | null;
  readonly link: LinkState;
  /** Tries to connect now instead of waiting for the backoff (the network came back, the tab became visible). */
  retryNow(): void;
  /** Tells the server what the screen shows (registered displays); sent again after each reconnection. */
  report(status: ScreenStatus): void;
  /** Asks the server for deltas at most every `intervalMs` (see `PaceMeter`); sent again after each reconnection. */
  pace(intervalMs: number): void;
  close(): void;
}

/**
 * The socket client of the wall, with no UI framework in it: it keeps the cursor (epoch and seq), hands
 * snapshots and in-order deltas to its listener, and resyncs on a gap or a new epoch.
 */
export function makeWallClient(options: WallClientOptions): WallClient {
  const { events } = options;
  const connect = options.connect ?? io;
  let cursor: Cursor | null = null;
  const socket: Socket<WallServerToClient, WallClientToServer> = connect(`${options.url ?? ''}${WALL_NAMESPACE}`, {
    // Read on every (re)connection: the cursor tells a server behind this screen to catch up before answering.
    auth: (send: (auth: object) => void) =>
      send({
        protocol: PROTOCOL_VERSION,
        ...(options.display && { display: options.display }),
        ...(options.token && { token: options.token }),
        ...(cursor && { cursor }),
      }),
    transports: ['websocket'],
    reconnectionDelay: RECONNECT_MIN_MS,
    reconnectionDelayMax: RECONNECT_MAX_MS,
    randomizationFactor: RECONNECT_JITTER,
  });

  let link: LinkState = 'reconnecting';
  let resyncing = false;
  let offlineTimer: ReturnType<typeof setTimeout> | null = null;
  let serverCloseTimer: ReturnType<typeof setTimeout> | null = null;
  let refusedRetryTimer: ReturnType<typeof setTimeout> | null = null;
  let lastStatus: ScreenStatus | null = null;
  let lastPace: number | null = null;
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

  socket.on('snapshot', (raw) => {
    applySnapshot(raw);
    if (lastStatus) socket.emit('status', lastStatus);
    if (lastPace !== null) sendPace(lastPace);
  });
  socket.on('command', (envelope, ack) => {
    if (typeof ack !== 'function') return;
    if (!events.command) return ack({ ok: false, error: 'this screen takes no commands' });
    events.command(envelope, ack);
  });
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
    // NOTE: socket.io retries by itself after a lost transport, but not after the server closed the socket on
    // purpose; a screen has nobody to press F5, so it asks again itself.
    if (reason === 'io server disconnect' && !serverCloseTimer) {
      serverCloseTimer = setTimeout(() => {
        serverCloseTimer = null;
        if (!closed && !socket.connected) socket.connect();
      }, SERVER_CLOSE_RETRY_MS);
    }
  });
  socket.on('connect_error', (error) => {
    const refusal = HandshakeErrorSchema.safeParse((error as Error & { data?: unknown }).data);
    if (refusal.success && refusal.data.code === 'BEHIND') {
      // That server has not caught up with this screen yet (behind a balancer): another attempt soon.
      setLink(link === 'offline' ? 'offline' : 'reconnecting', refusal.data.message);
      armOfflineTimer();
      setTimeout(() => {
        if (!closed && !socket.connected) socket.connect();
      }, RECONNECT_MIN_MS);
      return;
    }
    if (refusal.success) {
      // The server refused us for good (another protocol version): retrying will not help until a reload.
      socket.disconnect();
      setLink('offline', refusal.data.message);
      events.refused?.(refusal.data);
      if (refusal.data.code === 'NOT_AUTHORISED' && !refusedRetryTimer) {
        refusedRetryTimer = setTimeout(() => {
          refusedRetryTimer = null;
          if (!closed) socket.connect();
        }, NOT_AUTHORISED_RETRY_MS);
      }
      return;
    }
    setLink(link === 'offline' ? 'offline' : 'reconnecting', error.message);
    armOfflineTimer();
  });

  function sendPace(intervalMs: number) {
    socket.emit('pace', { intervalMs }, (answer) => {
      if ('error' in answer) console.warn('wall: the server refused the pace', answer.error.message);
    });
  }

  function retryNow() {
    if (closed || socket.connected) return;
    // NOTE: connect() alone does nothing while socket.io waits out its backoff; disconnecting first cancels that
    // wait, so the attempt happens now (and the backoff starts again from its minimum if it fails).
    socket.disconnect().connect();
  }
  const stopWakeups = (options.wakeups ?? browserWakeups)(retryNow);

  return {
    get cursor() {
      return cursor;
    },
    get link() {
      return link;
    },
    retryNow,
    report(status) {
      lastStatus = status;
      if (socket.connected) socket.emit('status', status);
    },
    pace(intervalMs) {
      lastPace = intervalMs;
      if (socket.connected) sendPace(intervalMs);
    },
    close() {
      closed = true;
      clearOfflineTimer();
      if (serverCloseTimer) clearTimeout(serverCloseTimer);
      if (refusedRetryTimer) clearTimeout(refusedRetryTimer);
      stopWakeups();
      socket.close();
    },
  };
}
