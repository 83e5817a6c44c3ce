/** How long the fastest trip seen stands for the server's clock before newer trips replace it. */
const WINDOW_MS = 30_000;

/**
 * The server's clock as seen from the client: the offset to add to the client's clock. Every message the server
 * stamps (the snapshot, each delta) arrives late by its trip, so each stamp gives the offset less that trip; the
 * estimate is the largest offset of the last one or two windows (the fastest recent trip). A snapshot read on a
 * busy machine, seconds late, is corrected by the next quick delta, and the screens of a wall switch together; a
 * server clock that is set back is followed within two windows.
 */
export class ClockEstimate {
  private best = Number.NEGATIVE_INFINITY;
  private before = Number.NEGATIVE_INFINITY;
  private windowStart = Number.NEGATIVE_INFINITY;

  /** Takes a stamp `serverAt` received at `clientAt` (both in ms); returns the offset. */
  sample(serverAt: number, clientAt: number): number {
    if (clientAt - this.windowStart >= WINDOW_MS || clientAt < this.windowStart) {
      this.before = this.best;
      this.best = Number.NEGATIVE_INFINITY;
      this.windowStart = clientAt;
    }
    this.best = Math.max(this.best, serverAt - clientAt);
    return Math.max(this.best, this.before);
  }

  /** Forgets what was seen (a new connection may reach another server, with its own clock). */
  reset(): void {
    this.best = Number.NEGATIVE_INFINITY;
    this.before = Number.NEGATIVE_INFINITY;
    this.windowStart = Number.NEGATIVE_INFINITY;
  }
}
