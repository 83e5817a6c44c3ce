import type { TilesDrawing } from '../../shared/deployment';
import type { District } from '../../shared/regions';

export interface TilePlace {
  code: string;
  /** 1-based grid lines, as CSS grid counts them. */
  col: number;
  row: number;
}

export interface GroupPlace {
  group: string;
  col: number;
  row: number;
  /** The columns its name may take. */
  cols: number;
}

export interface TileLayout {
  cols: number;
  rows: number;
  tiles: TilePlace[];
  groups: GroupPlace[];
}

/**
 * Where each unit's tile goes: each group's block has its name on its first row and its units, in the region set's
 * order, filling `cols` tiles a row below it.
 */
export function tileLayout(drawing: TilesDrawing, units: readonly District[]): TileLayout {
  const tiles: TilePlace[] = [];
  let cols = 0;
  let rows = 0;
  for (const block of drawing.groups) {
    cols = Math.max(cols, block.col + block.cols);
    const members = units.filter((u) => u.group === block.group);
    members.forEach((unit, i) => {
      const col = block.col + (i % block.cols) + 1;
      const row = block.row + 1 + Math.floor(i / block.cols) + 1;
      tiles.push({ code: unit.code, col, row });
      rows = Math.max(rows, row);
    });
  }
  // A group's name may run into the free column right of its block (blocks keep one apart), never further.
  const groups = drawing.groups.map((g) => ({
    group: g.group,
    col: g.col + 1,
    row: g.row + 1,
    cols: Math.min(g.cols + 1, cols - g.col),
  }));
  return { cols, rows, tiles, groups };
}
