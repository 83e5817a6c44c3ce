import { createMemo, createSignal, onCleanup } from 'solid-js';
import type { Wall } from './createWall';

/**
 * How long a starting screen holds its view for the server's first snapshot. A snapshot comes within a few tens of
 * ms of the page's scripts on a working link, and within three round trips (the socket's upgrade, its namespace,
 * the snapshot) on a slow one: about a second on a mobile router's 300 ms. A screen whose link is down, or whose
 * socket a proxy blocks, draws its view with its link status after this.
 */
export const FIRST_DRAW_WAIT_MS = 2_000;

/**
 * Whether a starting screen may draw its view: once the first snapshot is in, the server refused the screen, the
 * link is down, or `waitMs` passed, whichever comes first; then for good. A view drawn with the snapshot's figures
 * is built once, with them: drawn before, every widget would be built empty and then all of it again a moment later,
 * which on a kiosk box's first load costs about as much as building it.
 */
export function createFirstDraw(
  wall: Pick<Wall, 'lastDataAt' | 'refused' | 'link'>,
  waitMs = FIRST_DRAW_WAIT_MS,
): () => boolean {
  const [waited, setWaited] = createSignal(false);
  const timer = setTimeout(() => setWaited(true), waitMs);
  onCleanup(() => clearTimeout(timer));
  // Once drawn, the memo reads no signal: it never runs again, not on the deltas that move `lastDataAt`.
  return createMemo(
    (drawn) => drawn || waited() || wall.lastDataAt() !== null || wall.refused() !== null || wall.link() === 'offline',
    false,
  );
}
