import type { Box } from '../layout/fit';

/**
 * The overview's arrangements for video walls and wide screens. Each panel of the wall (or 16:9 part of a wide
 * screen) holds whole widgets, so no seam or frame between panels ever runs through a gauge, a chart or a list:
 * a leader reads each panel as a page of its own. Walls not listed here show the one-screen overview.
 */
export type WallCellKind =
  /** The four counters above the map and the ranking. */
  | 'counters-map-ranking'
  /** The gauges above the two trends. */
  | 'gauges-trends'
  | 'counters'
  | 'map'
  | 'ranking'
  | 'gauges'
  | 'trends'
  | 'trend'
  | 'hourly';

export const WALL_LAYOUTS: Readonly<Record<string, readonly WallCellKind[]>> = {
  '2x1': ['counters-map-ranking', 'gauges-trends'],
  '3x1': ['counters-map-ranking', 'gauges', 'trends'],
  '2x2': ['counters', 'map', 'gauges', 'trends'],
  '3x2': ['counters', 'map', 'ranking', 'gauges', 'trend', 'hourly'],
};

/** The header's height across the top of the canvas, and the margin every cell keeps from its panel's edges. */
export const HEADER_PX = 88;
export const CELL_MARGIN_PX = 16;

export interface WallCell {
  kind: WallCellKind;
  /** Where the cell sits on the overview, in canvas pixels; a cell of the bottom row runs to the overview's foot. */
  left: number;
  top: number;
  width: number;
  /** Null for the bottom row: the cell ends where the overview ends, above the alert ticker. */
  height: number | null;
}

/**
 * The cells of the wall layout for `cols` x `rows` panels (boxes row by row, as `tileRegions` gives them), or
 * null when no layout suits that wall. Each cell lies within its panel, a margin from its edges; the top row's
 * cells start below the header.
 */
export function wallCells(panels: { cols: number; rows: number; boxes: readonly Box[] }): WallCell[] | null {
  const kinds = WALL_LAYOUTS[`${panels.cols}x${panels.rows}`];
  if (!kinds) return null;
  return kinds.map((kind, i) => {
    const box = panels.boxes[i] as Box;
    const row = Math.floor(i / panels.cols);
    const top = row === 0 ? HEADER_PX + CELL_MARGIN_PX : box.y + CELL_MARGIN_PX;
    const last = row === panels.rows - 1;
    return {
      kind,
      left: box.x + CELL_MARGIN_PX,
      top,
      width: box.width - 2 * CELL_MARGIN_PX,
      height: last ? null : box.y + box.height - CELL_MARGIN_PX - top,
    };
  });
}
