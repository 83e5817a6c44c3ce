import type { LinkState } from './makeWallClient';

/**
 * How long the link may be down before the screen says so (banner, dimmed tiles): long enough to ride out a
 * blip that resolves itself, short enough that nobody reads old figures as live.
 */
export const LINK_DOWN_AFTER_MS = 2_000;

/** Whether the screen must say its link is down: offline, or reconnecting for longer than a blip. */
export function isLinkDown(link: LinkState, linkSince: number, now: number): boolean {
  return link === 'offline' || (link === 'reconnecting' && now - linkSince >= LINK_DOWN_AFTER_MS);
}

/**
 * live: current. stale: the link is up but a figure on the tile has not been updated for longer than its
 * indicator allows. offline: the link is down, so nothing on the screen is current.
 */
export type TileState = 'live' | 'stale' | 'offline';

export interface TileFreshness {
  state: TileState;
  /** How old the tile's data is: since the last contact with the server when offline, else its oldest figure. */
  ageMs: number | null;
}

export interface TileFigure {
  /** When the figure was observed (server time). */
  at: number;
  expectedIntervalSec: number;
}

export interface FreshnessInput {
  linkDown: boolean;
  /** When the screen last heard from the server, and now, by the client's clock. */
  lastDataAt: number | null;
  now: number;
  /** Now by the server's clock, to compare with the figures' times. */
  serverNow: number;
  figures: readonly TileFigure[];
  staleAfterIntervals: number;
}

/** The freshness of one tile from the figures it shows. */
export function tileFreshness(input: FreshnessInput): TileFreshness {
  if (input.linkDown) {
    return { state: 'offline', ageMs: input.lastDataAt === null ? null : Math.max(0, input.now - input.lastDataAt) };
  }
  let oldest: number | null = null;
  let stale = false;
  for (const figure of input.figures) {
    const age = Math.max(0, input.serverNow - figure.at);
    if (oldest === null || age > oldest) oldest = age;
    if (age > figure.expectedIntervalSec * 1000 * input.staleAfterIntervals) stale = true;
  }
  return { state: stale ? 'stale' : 'live', ageMs: oldest };
}
