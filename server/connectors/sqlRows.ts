/** What the two SQL sources share: the row limit around the query, and rows as the mapping reads them. */

/**
 * The query inside `SELECT * FROM (...) LIMIT maxRows + 1`, so that a run reads one row over the limit at most, and
 * fails on it rather than holding a table in memory. A trailing semicolon is dropped.
 */
export const boundedQuery = (query: string, maxRows: number): string =>
  `SELECT * FROM (${query.trim().replace(/;\s*$/, '')}) AS connector_rows LIMIT ${maxRows + 1}`;

/** Dates as ISO 8601 (what the mapping and the ingest checks read), every other value as it came. */
export const plainRow = (row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
