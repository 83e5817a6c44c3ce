import type { Namespace, Socket } from 'socket.io';
import type { Session } from '../access';

/** The room of a session's sockets, on every namespace and every server. */
const sessionRoom = (hash: string) => `session:${hash}`;

/**
 * Sockets opened with an operator's session, on any namespace: each is dropped when its session expires, and all
 * of a session's at once when it signs out, on whichever server of a cluster each is connected to (a room per
 * session, which socket.io's adapter reaches). A socket outlives nothing its credentials do not.
 */
export class SessionSockets {
  private namespaces: readonly Namespace[] = [];

  constructor(private readonly now: () => number) {}

  /** The namespaces whose sockets a sign-out drops. */
  bind(namespaces: readonly Namespace[]): void {
    this.namespaces = namespaces;
  }

  track(socket: Socket, session: Session): void {
    socket.join(sessionRoom(session.hash));
    // NOTE: setTimeout takes at most 2^31-1 ms (24.8 days); SESSION_TTL_HOURS stays below that.
    const timer = setTimeout(() => socket.disconnect(true), Math.max(0, session.expiresAt - this.now()));
    socket.once('disconnect', () => clearTimeout(timer));
  }

  /** Signs a session's sockets out, on every server. */
  end(sessionHash: string): void {
    for (const ns of this.namespaces) ns.in(sessionRoom(sessionHash)).disconnectSockets(true);
  }
}
