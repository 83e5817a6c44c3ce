/** The grid's widest shape: Nghe An's 21 districts, seven by three. */
const MAX_COLUMNS = 7;
const MAX_ROWS = 3;

/**
 * Columns and rows for `count` cards on one page, so that a few fill it as well as 21 do: seven groups take two
 * rows of four, not one row of seven over two empty ones; three units one row of three large gauges.
 */
export function gridShape(count: number): { columns: number; rows: number } {
  const n = Math.max(1, Math.min(count, MAX_COLUMNS * MAX_ROWS));
  // A card is wider than tall on a 16:9 page: about twice as many columns as rows.
  const rows = Math.min(MAX_ROWS, Math.max(1, Math.round(Math.sqrt(n / 2))));
  return { columns: Math.min(MAX_COLUMNS, Math.ceil(n / rows)), rows };
}
