import type { Namespace, Server } from 'socket.io';
import type { z } from 'zod';
import {
  type ErrorBody,
  type HandshakeError,
  PaceSchema,
  PROTOCOL_VERSION,
  ResyncRequestSchema,
  type ResyncResponse,
  type Snapshot,
  WALL_NAMESPACE,
  type WallClientToServer,
  WallHandshakeSchema,
  type WallServerToClient,
} from '../../shared/protocol';
import type { Logger } from '../logger';
import type { DeltaLog } from '../state/deltaLog';
import type { ScreenPacer } from './screenPacer';

/** How long a server behind a reconnecting screen's cursor waits to catch up before it refuses (it retries). */
const CURSOR_WAIT_MS = 3_000;

/** The room of the screens on a pace of their own: the common broadcast leaves them out. */
export const PACED_ROOM = 'paced';

export type WallNamespace = Namespace<WallClientToServer, WallServerToClient>;

export interface WallNamespaceDeps {
  log: DeltaLog;
  epoch: () => string;
  seq: () => number;
  snapshot: () => Snapshot;
  logger: Logger;
  pacer: ScreenPacer;
  /** The common window (`DELTA_INTERVAL_MS`): a pace no longer than it leaves the screen on the broadcast. */
  deltaIntervalMs: number;
}

function handshakeError(data: HandshakeError): Error & { data: HandshakeError } {
  return Object.assign(new Error(data.message), { data });
}

/** A zod path segment as it goes on the wire: a number stays, anything else is its name. */
const pathKey = (k: PropertyKey) => (typeof k === 'number' ? k : String(k));

/** The error a malformed request gets: each field at fault by its path, and a message naming them. */
function badRequest(error: z.ZodError, what: string): ErrorBody {
  const issues = error.issues.map((i) => ({ path: i.path.map(pathKey), message: i.message }));
  const message = issues.map((i) => `${i.path.join('.') || what}: ${i.message}`).join('; ');
  return { code: 'BAD_REQUEST', message, issues };
}

/**
 * The namespace screens watch. Viewers can only read: the one thing they may ask is a resync, which is
 * validated like any other input.
 */
export function registerWallNamespace(io: Server, deps: WallNamespaceDeps): WallNamespace {
  const wall: WallNamespace = io.of(WALL_NAMESPACE);

  wall.use((socket, next) => {
    const handshake = WallHandshakeSchema.safeParse(socket.handshake.auth);
    if (!handshake.success) {
      return next(
        handshakeError({
          code: 'BAD_HANDSHAKE',
          message: `handshake needs { protocol: ${PROTOCOL_VERSION} }`,
          expected: PROTOCOL_VERSION,
        }),
      );
    }
    if (handshake.data.protocol !== PROTOCOL_VERSION) {
      return next(
        handshakeError({
          code: 'PROTOCOL_MISMATCH',
          message: `this server speaks wall protocol ${PROTOCOL_VERSION}, the client ${handshake.data.protocol}; reload the page`,
          expected: PROTOCOL_VERSION,
          received: handshake.data.protocol,
        }),
      );
    }
    socket.data = { display: handshake.data.display };
    const cursor = handshake.data.cursor;
    if (!cursor || cursor.epoch !== deps.epoch() || cursor.seq <= deps.seq()) return next();
    // The screen has seen seqs this server has not applied yet (it came from another server): wait for them.
    const deadline = Date.now() + CURSOR_WAIT_MS;
    const wait = setInterval(() => {
      if (cursor.seq <= deps.seq()) {
        clearInterval(wait);
        next();
      } else if (Date.now() > deadline) {
        clearInterval(wait);
        next(handshakeError({ code: 'BEHIND', message: `this server is behind seq ${cursor.seq}; try again` }));
      }
    }, 20);
  });

  wall.on('connection', (socket) => {
    socket.emit('snapshot', deps.snapshot());

    socket.on('resync', (raw, ack) => {
      if (typeof ack !== 'function') return;
      const request = ResyncRequestSchema.safeParse(raw);
      if (!request.success) {
        const response: ResyncResponse = { kind: 'error', error: badRequest(request.error, 'request') };
        return ack(response);
      }
      const { epoch, sinceSeq } = request.data;
      if (epoch === deps.epoch()) {
        // A client may hold a snapshot newer than the last delta sent: the next delta overlaps it and applies.
        const deltas = sinceSeq > deps.log.head && sinceSeq <= deps.seq() ? [] : deps.log.since(sinceSeq);
        if (deltas) return ack({ kind: 'deltas', deltas });
      }
      deps.logger.debug({ epoch, sinceSeq }, 'resync answered with a snapshot');
      ack({ kind: 'snapshot', snapshot: deps.snapshot() });
    });

    socket.on('pace', (raw, ack) => {
      const answer = typeof ack === 'function' ? ack : () => {};
      const pace = PaceSchema.safeParse(raw);
      if (!pace.success) return answer({ error: badRequest(pace.error, 'pace') });
      const { intervalMs } = pace.data;
      deps.logger.debug({ socket: socket.id, intervalMs }, 'a screen set its pace');
      if (intervalMs > deps.deltaIntervalMs) {
        socket.join(PACED_ROOM);
        deps.pacer.pace(socket.id, intervalMs, (delta) => socket.emit('delta', delta));
      } else if (deps.pacer.has(socket.id)) {
        // What the screen was owed goes first, so the next broadcast delta follows on from it.
        deps.pacer.release(socket.id, { flush: true });
        socket.leave(PACED_ROOM);
      }
      answer({ intervalMs: Math.max(intervalMs, deps.deltaIntervalMs) });
    });
    socket.on('disconnect', () => deps.pacer.release(socket.id, { flush: false }));
  });

  return wall;
}
