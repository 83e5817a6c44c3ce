import { ScreenStatusSchema } from '../../shared/control';
import { type HandshakeError, WallHandshakeSchema } from '../../shared/protocol';
import type { Access, Session } from '../access';
import { sessionOf } from '../access/credentials';
import type { ScreenHub, ScreenSocket } from '../control/screenHub';
import { createRefusalLog } from '../http/refusalLog';
import type { Logger } from '../logger';
import type { SessionSockets } from './sessionSockets';
import type { WallNamespace } from './wallNamespace';

/** Who a `/wall` socket is. */
export type ScreenIdentity =
  /** A registered display, known by its token: it reports its status and takes commands. */
  | { kind: 'display'; display: string }
  /** A signed-in person's browser (the console's preview, a wall page opened at a desk). */
  | { kind: 'operator'; user: string }
  /** Anyone else, on a wall open to unregistered screens; `name` is what it calls itself (`?display=`). */
  | { kind: 'viewer'; name: string | null };

/** The only events a `/wall` socket may send; anything else, a command above all, is refused. */
const SCREEN_EVENTS = new Set(['resync', 'status', 'pace']);
/** Reports closer together than this from one screen are dropped: a screen cannot flood the consoles. */
const MIN_REPORT_INTERVAL_MS = 100;

function refusal(message: string): Error & { data: HandshakeError } {
  return Object.assign(new Error(message), { data: { code: 'NOT_AUTHORISED' as const, message } });
}

/**
 * A screen's socket keeps no secret once it is known: what other servers read of it (socket.io's `fetchSockets`
 * sends its handshake between servers, through PostgreSQL in a cluster) must not carry its token or a cookie.
 */
function forgetSecrets(socket: ScreenSocket): void {
  const { auth, headers } = socket.handshake;
  delete (auth as { token?: unknown }).token;
  delete headers.cookie;
  delete headers.authorization;
}

export interface ScreenAccessDeps {
  access: Access;
  wallAccess: 'open' | 'closed';
  hub: ScreenHub;
  sessions: SessionSockets;
  logger: Logger;
}

/**
 * Who may watch the wall, and what a screen may do on it. A display token makes a socket that display (an
 * unknown, revoked or replaced token is refused: "not authorised"); a session cookie makes it a person's; on an
 * open wall anyone else may watch. Screens and viewers only read: the one report a display sends is its status,
 * and any other event gets an error and changes nothing.
 */
export function registerScreenAccess(wall: WallNamespace, deps: ScreenAccessDeps): void {
  const { access, hub, logger } = deps;

  const identify = async (socket: ScreenSocket, next: (err?: Error) => void) => {
    // The protocol check before this one refused malformed handshakes.
    const handshake = WallHandshakeSchema.parse(socket.handshake.auth);
    const { token, display } = handshake;
    if (token !== undefined) {
      const registered = await access.displays.byToken(token);
      if (!registered) return next(refusal('this display token is not valid (revoked or replaced); ask an admin'));
      if (display !== undefined && display !== registered.id) {
        return next(refusal(`this token belongs to display ${registered.id}, not ${display}`));
      }
      socket.data.identity = { kind: 'display', display: registered.id } satisfies ScreenIdentity;
      return next();
    }
    const session = await sessionOf(access, socket.request.headers);
    if (session) {
      socket.data.identity = { kind: 'operator', user: session.user.name } satisfies ScreenIdentity;
      socket.data.session = session;
      return next();
    }
    if (deps.wallAccess === 'open') {
      socket.data.identity = { kind: 'viewer', name: display ?? null } satisfies ScreenIdentity;
      return next();
    }
    next(refusal('this wall shows only registered screens: open the address with the token an admin issued'));
  };

  wall.use(async (socket, next) => {
    try {
      await identify(socket, next);
    } catch (error) {
      logger.error({ err: error }, 'screen credentials not checked: the database did not answer');
      next(new Error('the server cannot check credentials now; try again'));
    }
  });

  // Anyone may open a socket on an open wall: what it sends wrong reaches the log once a minute, with a count.
  const refusals = createRefusalLog(logger);
  wall.on('connection', (socket) => {
    const identity = socket.data.identity as ScreenIdentity;
    socket.on('disconnect', () => refusals.forget(socket.id));
    socket.onAny((event: string, ...args: unknown[]) => {
      if (SCREEN_EVENTS.has(event)) return;
      refusals.refused(
        socket.id,
        { event, identity, address: socket.handshake.address },
        `a wall socket sent ${event}, which screens may not send; refused`,
      );
      const ack = args.at(-1);
      if (typeof ack === 'function') {
        ack({ error: { code: 'FORBIDDEN', message: `${event}: screens only watch; commands come from operators` } });
      }
    });

    if (identity.kind === 'operator') deps.sessions.track(socket, socket.data.session as Session);
    if (identity.kind === 'viewer' && identity.name !== null) {
      forgetSecrets(socket);
      hub.attachViewer(identity.name, socket);
    }
    if (identity.kind !== 'display') return;

    const display = identity.display;
    forgetSecrets(socket);
    hub.attach(display, socket);
    socket.on('disconnect', () => hub.detach(socket));
    let lastReport = 0;
    socket.on('status', (raw) => {
      const now = Date.now();
      if (now - lastReport < MIN_REPORT_INTERVAL_MS) return;
      lastReport = now;
      const status = ScreenStatusSchema.safeParse(raw);
      if (!status.success) {
        logger.debug({ display, issues: status.error.issues.slice(0, 3) }, 'ignored a malformed screen status');
        return;
      }
      hub.report(socket, status.data);
    });

    // A screen that (re)connects while its display's announcement runs shows it too.
    const announcement = hub.announcement(display);
    if (announcement) {
      socket
        .timeout(5_000)
        .emitWithAck('command', { id: `replay-${announcement.id}`, command: { type: 'announce', announcement } })
        .catch(() => logger.debug({ display }, 'a screen did not confirm the announcement replayed to it'));
    }
  });
}
