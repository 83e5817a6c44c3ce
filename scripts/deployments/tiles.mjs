// Tile layouts for deployments without open boundaries: one block of equal tiles per group, placed roughly where
// the group lies, never overlapping another block.

/** A lower-case ASCII slug of a Vietnamese name. */
export function slugOf(name) {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The block of n tiles: about square, and at least three tiles wide so that its group's name fits above it. */
export function blockSize(n) {
  const cols = Math.max(3, Math.ceil(Math.sqrt(n)));
  return { cols, rows: Math.ceil(n / cols) };
}

/**
 * Places blocks (each with a label row above its tiles and a gap of one tile around it) at the free position nearest
 * to where its group lies, largest first. `width` is the grid's width in tiles at the widest longitude span.
 */
export function placeBlocks(items, { latitude, width }) {
  const aspect = Math.cos((latitude * Math.PI) / 180);
  const xs = items.map((i) => i.lon * aspect);
  const ys = items.map((i) => -i.lat);
  const [minX, maxX, minY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys)];
  const scale = width / (maxX - minX);
  const taken = [];
  const overlaps = (a) =>
    taken.some(
      (b) => a.col < b.col + b.w + 1 && b.col < a.col + a.w + 1 && a.row < b.row + b.h + 1 && b.row < a.row + a.h + 1,
    );
  const placed = [];
  for (const item of [...items].sort((a, b) => b.cols * b.rows - a.cols * a.rows)) {
    const cx = (item.lon * aspect - minX) * scale;
    const cy = (-item.lat - minY) * scale;
    const w = item.cols;
    const h = item.rows + 1;
    let best = null;
    for (let row = 0; row < 80; row += 1) {
      for (let col = 0; col < 80; col += 1) {
        const box = { col, row, w, h };
        if (overlaps(box)) continue;
        const d = (col + w / 2 - cx) ** 2 + (row + h / 2 - cy) ** 2;
        if (!best || d < best.d) best = { ...box, d };
      }
    }
    taken.push(best);
    placed.push({ group: item.group, col: best.col, row: best.row, cols: item.cols });
  }
  // Shift so the layout starts at (0, 0), in the region set's order of groups.
  const c0 = Math.min(...placed.map((p) => p.col));
  const r0 = Math.min(...placed.map((p) => p.row));
  const order = items.map((i) => i.group);
  return placed
    .map((p) => ({ ...p, col: p.col - c0, row: p.row - r0 }))
    .sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
}
