import type { io } from 'socket.io-client';
import { indicators } from '../../shared/catalog';
import type { Snapshot } from '../../shared/protocol';

type Handler = (...args: unknown[]) => void;

/**
 * A stand-in for a socket.io client socket, for tests of the live client: the test plays the server by calling
 * `serverEmit`, and reads what the client sent from `sent`.
 */
export class FakeSocket {
  connected = false;
  readonly sent: { event: string; args: unknown[] }[] = [];
  /** Answers `emitWithAck`, by event name. */
  readonly acks = new Map<string, (payload: unknown) => unknown>();
  private readonly handlers = new Map<string, Handler[]>();
  connects = 0;
  closed = false;

  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }

  serverEmit(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }

  timeout() {
    return this;
  }

  emit(event: string, ...args: unknown[]) {
    this.sent.push({ event, args });
    return this;
  }

  async emitWithAck(event: string, payload: unknown) {
    this.sent.push({ event, args: [payload] });
    const answer = this.acks.get(event);
    if (!answer) throw new Error(`no ack for ${event}`);
    return answer(payload);
  }

  connect() {
    this.connects += 1;
    this.connected = true;
    return this;
  }

  disconnect() {
    this.connected = false;
    return this;
  }

  close() {
    this.closed = true;
    this.connected = false;
    return this;
  }

  /** A drop-in for socket.io's `io()` that hands out this socket. */
  get connectFn(): typeof io {
    return (() => this) as unknown as typeof io;
  }
}

/** An empty snapshot at `seq`, as the server would send it on connect, for tests that play the server. */
export const emptySnapshot = (seq: number, epoch = 'e1'): Snapshot => ({
  epoch,
  seq,
  at: 1_700_000_000_000,
  buildId: 'b',
  regionSet: 'nghe-an-2024',
  timeZone: 'Asia/Ho_Chi_Minh',
  defaultLang: 'vi',
  simulated: true,
  targets: Object.fromEntries(indicators.map(({ id }) => [id, { target: null, bands: null }])) as Snapshot['targets'],
  values: [],
  alerts: [],
});
