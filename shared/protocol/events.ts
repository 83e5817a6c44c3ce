import { z } from 'zod';
import type { CommandAck, ScreenCommandEnvelope, ScreenStatus } from '../control';
import type { Delta, ErrorBody, ResyncRequest, ResyncResponse, Snapshot } from './schemas';

/**
 * The version of the wall protocol. A client sends it in the handshake; a server that speaks another version
 * refuses the connection with a `PROTOCOL_MISMATCH` error instead of sending payloads the client cannot read.
 */
export const PROTOCOL_VERSION = 1;

/** The socket.io namespace that screens watch. Viewers there can only read. */
export const WALL_NAMESPACE = '/wall';

/** What a client sends in `io(url, { auth })`. */
export const WallHandshakeSchema = z.object({
  protocol: z.number().int(),
  /** The screen's name (`?display=`), for the operator console. */
  display: z.string().max(64).optional(),
  /** A registered display's token: the server knows the screen by it, and sends it commands. */
  token: z.string().max(200).optional(),
  /**
   * Where the screen is (its epoch and last seq) when it reconnects: a server behind it waits to catch up before
   * it answers, so that a screen moving to another server never steps back to older data.
   */
  cursor: z.object({ epoch: z.string().max(64), seq: z.number().int().min(0) }).optional(),
});
export type WallHandshake = z.infer<typeof WallHandshakeSchema>;

/** The `data` of the error a refused handshake carries (socket.io's `connect_error`). */
export const HandshakeErrorSchema = z.object({
  /** NOT_AUTHORISED: an unknown or revoked display token, or a wall closed to unregistered screens. */
  /** BEHIND: this server has not caught up with the screen's cursor yet; the screen tries again. */
  code: z.enum(['PROTOCOL_MISMATCH', 'BAD_HANDSHAKE', 'NOT_AUTHORISED', 'BEHIND']),
  message: z.string(),
  expected: z.number().int().optional(),
  received: z.unknown().optional(),
});
export type HandshakeError = z.infer<typeof HandshakeErrorSchema>;

/** The longest pace a screen may ask for: even the slowest box sees a change within a second. */
export const MAX_PACE_MS = 1_000;

/**
 * How often a screen wants deltas at most, from what drawing one costs it (`client/live/paceMeter.ts`). A pace
 * longer than the server's window (`DELTA_INTERVAL_MS`) makes the server hold that screen's deltas and send them
 * merged, one at most every `intervalMs`; a shorter one (0 included) puts the screen back on the common window.
 */
export const PaceSchema = z.object({ intervalMs: z.number().int().min(0).max(MAX_PACE_MS) });
export type Pace = z.infer<typeof PaceSchema>;
/** The server's answer to a pace: the pace it keeps for the screen, or why it refused it (and kept the last). */
export type PaceAck = { intervalMs: number } | { error: ErrorBody };

export interface WallServerToClient {
  /** The whole live state: on connect. */
  snapshot: (snapshot: Snapshot) => void;
  /** Coalesced changes, at most every `DELTA_INTERVAL_MS`, or every `Pace.intervalMs` for a screen that asked. */
  delta: (delta: Delta) => void;
  /** An operator's command, to registered displays only; the screen answers applied or why not. */
  command: (envelope: ScreenCommandEnvelope, ack: (answer: CommandAck) => void) => void;
}

export interface WallClientToServer {
  /** Asks for what was missed since `sinceSeq`: the deltas when the server still has them, else a snapshot. */
  resync: (request: ResyncRequest, ack: (response: ResyncResponse) => void) => void;
  /** A registered display's report of what it shows, for the operator console: never a control. */
  status: (status: ScreenStatus) => void;
  /** How often the screen can take deltas; sent again after each reconnection. */
  pace: (pace: Pace, ack?: (answer: PaceAck) => void) => void;
}
