import { io, type Socket } from 'socket.io-client';
import {
  type CommandResult,
  CommandResultSchema,
  type DisplayList,
  DisplayListSchema,
  type DisplayState,
  DisplayStateSchema,
  OPERATOR_NAMESPACE,
  type OperatorClientToServer,
  type OperatorServerToClient,
} from '../../shared/control';
import { HandshakeErrorSchema } from '../../shared/protocol';

export interface OperatorFeedEvents {
  list(list: DisplayList): void;
  display(display: DisplayState): void;
  commandDone(result: CommandResult): void;
  /** Connected and listening, or not (with why). */
  link(connected: boolean, reason?: string): void;
  /** The server refused the console (signed out, session expired). */
  refused(message: string): void;
}

/**
 * The console's live feed of the displays (`/operator`), with no UI framework in it: every payload is checked
 * against the shared schemas, and the socket reconnects by itself, as the wall's does.
 */
export function makeOperatorFeed(events: OperatorFeedEvents, connect: typeof io = io): { close(): void } {
  const socket: Socket<OperatorServerToClient, OperatorClientToServer> = connect(OPERATOR_NAMESPACE, {
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 4_000,
  });
  const checked =
    <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, deliver: (v: T) => void) =>
    (raw: unknown) => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) deliver(parsed.data);
      else console.error('console: ignored a malformed update');
    };
  socket.on('displays', checked(DisplayListSchema, events.list));
  socket.on('display', checked(DisplayStateSchema, events.display));
  socket.on('command:done', checked(CommandResultSchema, events.commandDone));
  socket.on('connect', () => events.link(true));
  socket.on('disconnect', (reason) => {
    events.link(false, reason);
    // The server closes a console's socket on purpose when its session ends: ask again, and learn why.
    if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1_000);
  });
  socket.on('connect_error', (error) => {
    const refusal = HandshakeErrorSchema.safeParse((error as Error & { data?: unknown }).data);
    if (refusal.success) {
      socket.disconnect();
      events.refused(refusal.data.message);
    } else events.link(false, error.message);
  });
  return { close: () => socket.close() };
}
