import { createEffect, untrack } from 'solid-js';
import { indicatorOf, isIndicatorId } from '../../shared/catalog';
import type { Wall } from '../live/createWall';
import { isLinkDown, type TileFigure, type TileFreshness, tileFreshness } from '../live/freshness';

/**
 * What counts as a tile: every panel on the canvas. A tile says which figures it shows with
 * `data-indicators="<id> <id>"` (and `data-region`, the province by default); one that says nothing is still
 * dimmed with the screen's data age when the link is down.
 */
export const TILE_SELECTOR = '.panel, [data-tile]';

export interface TileMarksOptions {
  canvas: () => HTMLElement | undefined;
  wall: Wall;
  /** The clock tick (client time); the marks follow it, not every delta. */
  now: () => number;
  staleAfterIntervals: () => number;
  /** The words on a tile's badge, or null for none. */
  badge: (freshness: TileFreshness) => string | null;
}

const setAttr = (el: HTMLElement, name: string, value: string | null) => {
  if (value === null) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
};

/**
 * Marks every tile on the canvas with its freshness, for the whole screen at once, so that no widget needs code
 * of its own for it: `data-fresh` (live, stale, offline) and `data-age`, the badge's words, which the stylesheet
 * shows and uses to dim the tile; neither changes while the tile is live, so a live screen's tick writes nothing.
 * Runs on the clock tick and when the link changes; reads the readings (and, while the link is up, the time of the
 * last delta) without tracking them, so a burst of deltas costs nothing here.
 */
export function createTileMarks(options: TileMarksOptions): void {
  const { wall } = options;
  createEffect(() => {
    const root = options.canvas();
    const now = options.now();
    const linkDown = isLinkDown(wall.link(), wall.linkSince(), now);
    // Every delta moves the last contact: it matters only while the link is down, and is read then on the tick.
    const lastDataAt = linkDown ? wall.lastDataAt() : untrack(wall.lastDataAt);
    const staleAfterIntervals = options.staleAfterIntervals();
    if (!root) return;
    untrack(() => {
      const serverNow = now + wall.clockOffset();
      for (const tile of root.querySelectorAll<HTMLElement>(TILE_SELECTOR)) {
        const region = tile.dataset.region ?? 'province';
        const figures: TileFigure[] = [];
        for (const id of (tile.dataset.indicators ?? '').split(/\s+/)) {
          if (!isIndicatorId(id)) continue;
          const reading = wall.reading(region, id);
          if (reading) figures.push({ at: reading.at, expectedIntervalSec: indicatorOf(id).expectedIntervalSec });
        }
        const freshness = tileFreshness({ linkDown, lastDataAt, now, serverNow, figures, staleAfterIntervals });
        setAttr(tile, 'data-fresh', freshness.state);
        setAttr(tile, 'data-age', options.badge(freshness));
      }
    });
  });
}
