import type { Namespace, Server } from 'socket.io';
import {
  type CommandResult,
  OPERATOR_NAMESPACE,
  type OperatorClientToServer,
  type OperatorServerToClient,
} from '../../shared/control';
import type { HandshakeError } from '../../shared/protocol';
import type { Access } from '../access';
import { type Actor, actorOf } from '../access/credentials';
import type { ScreenHub } from '../control/screenHub';
import { createRefusalLog } from '../http/refusalLog';
import type { Logger } from '../logger';
import type { SessionSockets } from './sessionSockets';

export type OperatorNamespace = Namespace<OperatorClientToServer, OperatorServerToClient>;

/** Display changes within this time reach the consoles as one update per display. */
const COALESCE_MS = 200;
/** More changed displays than this within one coalescing window go out as a whole new list. */
const WHOLE_LIST_ABOVE = 20;

/** The room of the feeds an automation token opened, on every server. */
const tokenRoom = (tokenId: number) => `token:${tokenId}`;

export interface OperatorFeed {
  namespace: OperatorNamespace;
  /** A display changed (its id), or the registry or the unregistered screens did (null). */
  changed(display: string | null): void;
  commandDone(result: CommandResult): void;
  /** Drops the feeds opened with an automation token (revoked), on every server. */
  dropToken(tokenId: number): void;
  close(): void;
}

/**
 * The consoles' live feed: every display and what its screens show, then each change, coalesced. Only for a
 * signed-in person or an automation token: others are refused in the handshake. Consoles listen only; an event
 * sent here gets an error, since commands go through the HTTP API and its checks.
 */
export function registerOperatorNamespace(
  io: Server,
  deps: { access: Access; hub: ScreenHub; sessions: SessionSockets; logger: Logger },
): OperatorFeed {
  const { access, hub, logger } = deps;
  const ns: OperatorNamespace = io.of(OPERATOR_NAMESPACE);

  ns.use(async (socket, next) => {
    const auth = socket.handshake.auth as { token?: unknown };
    const bearer = typeof auth.token === 'string' ? auth.token : undefined;
    let actor: Actor | null;
    try {
      actor = await actorOf(access, socket.request.headers, bearer);
    } catch (error) {
      logger.error({ err: error }, 'operator credentials not checked: the database did not answer');
      return next(new Error('the server cannot check credentials now; try again'));
    }
    if (!actor) {
      const message = 'sign in first: the console is for operators';
      return next(Object.assign(new Error(message), { data: { code: 'NOT_AUTHORISED', message } as HandshakeError }));
    }
    socket.data.actor = actor;
    next();
  });

  const refusals = createRefusalLog(logger);
  ns.on('connection', (socket) => {
    socket.on('disconnect', () => refusals.forget(socket.id));
    const actor = socket.data.actor as Actor;
    if (actor.kind === 'user') deps.sessions.track(socket, actor.session);
    else socket.join(tokenRoom(actor.tokenId));
    socket.onAny((event: string, ...args: unknown[]) => {
      refusals.refused(
        socket.id,
        { event },
        `an operator socket sent ${event}; commands go through POST /api/v1/commands`,
      );
      const ack = args.at(-1);
      if (typeof ack === 'function') {
        ack({ error: { code: 'FORBIDDEN', message: `${event}: send commands with POST /api/v1/commands` } });
      }
    });
    hub.list().then(
      (list) => socket.emit('displays', list),
      (error: unknown) => logger.error({ err: error }, 'display list not read'),
    );
  });

  const pending = new Set<string | null>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const flush = async () => {
    timer = null;
    const changed = [...pending];
    pending.clear();
    // Many displays at once (screens coming back after a server went down): one list instead of one each.
    if (changed.includes(null) || changed.length > WHOLE_LIST_ABOVE) {
      ns.emit('displays', await hub.list());
      return;
    }
    for (const id of changed) {
      const display = await access.displays.get(id as string);
      if (display) ns.emit('display', await hub.stateOf(display));
    }
  };

  return {
    namespace: ns,
    changed(display) {
      if (closed) return;
      pending.add(display);
      timer ??= setTimeout(() => {
        flush().catch((error: unknown) => logger.error({ err: error }, 'display changes not sent to consoles'));
      }, COALESCE_MS);
    },
    commandDone: (result) => ns.emit('command:done', result),
    dropToken: (tokenId) => ns.in(tokenRoom(tokenId)).disconnectSockets(true),
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
    },
  };
}
