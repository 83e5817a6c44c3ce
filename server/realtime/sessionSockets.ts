import type { Socket } from 'socket.io';
import type { Session } from '../access';

/**
 * Sockets opened with an operator's session, on any namespace: each is dropped when its session expires, and all
 * of a session's at once when it signs out. A socket outlives nothing its credentials do not.
 */
export class SessionSockets {
  private readonly bySession = new Map<string, Set<Socket>>();

  constructor(private readonly now: () => number) {}

  track(socket: Socket, session: Session): void {
    let sockets = this.bySession.get(session.hash);
    if (!sockets) {
      sockets = new Set();
      this.bySession.set(session.hash, sockets);
    }
    sockets.add(socket);
    // NOTE: setTimeout takes at most 2^31-1 ms (24.8 days); SESSION_TTL_HOURS stays below that.
    const timer = setTimeout(() => socket.disconnect(true), Math.max(0, session.expiresAt - this.now()));
    socket.once('disconnect', () => {
      clearTimeout(timer);
      sockets.delete(socket);
      if (sockets.size === 0) this.bySession.delete(session.hash);
    });
  }

  /** Signs a session's sockets out. */
  end(sessionHash: string): void {
    for (const socket of this.bySession.get(sessionHash) ?? []) socket.disconnect(true);
  }
}
