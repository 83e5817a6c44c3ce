import { CsvError, parse } from 'csv-parse/sync';
import { type ObservationInput, ObservationInputSchema } from '../../shared/ingest';
import type { BatchInput, Ingest } from './ingest';

/** The columns of an import file, in any order; the first three are required, then one observation form. */
export const CSV_COLUMNS = ['region', 'indicator', 'at', 'value', 'num', 'den', 'delta'] as const;
const REQUIRED = ['region', 'indicator', 'at'];
const NUMERIC = new Set(['value', 'num', 'den', 'delta']);
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export interface CsvRow {
  /** The line of the file the row is on (the header is line 1). */
  line: number;
  input: ObservationInput;
}

/** Why a row, or the file, was refused: the line, the column, and the reason. */
export interface RowIssue {
  line: number;
  column: string;
  reason: string;
}

/**
 * Reads an import file into observations, checking each row against the same schema as the ingest API. Times
 * are ISO 8601 with an offset or milliseconds since the Unix epoch; empty cells are absent; `#` starts a comment.
 */
export function parseObservationsCsv(text: string): { rows: CsvRow[]; issues: RowIssue[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      comment: '#',
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      return {
        rows: [],
        issues: [{ line: (error as { lines?: number }).lines ?? 0, column: '', reason: error.message }],
      };
    }
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], issues: [{ line: 1, column: '', reason: 'the file is empty' }] };
  const columns = header.record;
  const issues: RowIssue[] = [];
  const headerLine = header.info.lines;
  for (const c of columns) {
    if (!(CSV_COLUMNS as readonly string[]).includes(c)) {
      issues.push({ line: headerLine, column: c, reason: `unknown column; expected ${CSV_COLUMNS.join(', ')}` });
    }
  }
  for (const c of REQUIRED) {
    if (!columns.includes(c)) issues.push({ line: headerLine, column: c, reason: 'required column is missing' });
  }
  if (issues.length) return { rows: [], issues };

  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    const raw: Record<string, unknown> = {};
    const rowIssues: RowIssue[] = [];
    columns.forEach((column, i) => {
      const cell = record[i] ?? '';
      if (cell === '') return;
      if (column === 'at') raw.at = /^\d+$/.test(cell) ? Number(cell) : cell;
      else if (!NUMERIC.has(column)) raw[column] = cell;
      else if (NUMBER.test(cell)) raw[column] = Number(cell);
      else {
        // NOTE: NaN keeps the observation's form intact, so the row is reported for this cell only.
        raw[column] = Number.NaN;
        rowIssues.push({ line, column, reason: `not a number: ${cell}` });
      }
    });
    const parsed = ObservationInputSchema.safeParse(raw);
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const column = String(i.path[0] ?? '');
        if (!rowIssues.some((r) => r.column === column)) rowIssues.push({ line, column, reason: i.message });
      }
    }
    if (rowIssues.length || !parsed.success) issues.push(...rowIssues);
    else rows.push({ line, input: parsed.data });
  }
  return { rows, issues };
}

/**
 * Rows grouped into batches by time, oldest first: each time becomes one batch with its own seq, so history and
 * the roll-ups keep a point per time, as if the figures had arrived as they happened.
 */
export function batchesByTime(rows: readonly CsvRow[]): { batches: BatchInput[]; lines: number[][] } {
  const sorted = [...rows].sort((a, b) => a.input.at - b.input.at);
  const batches: BatchInput[] = [];
  const lines: number[][] = [];
  let inputs: ObservationInput[] = [];
  let rowLines: number[] = [];
  let at = Number.NaN;
  for (const row of sorted) {
    if (row.input.at !== at) {
      at = row.input.at;
      inputs = [];
      rowLines = [];
      batches.push({ inputs, path: [batches.length] });
      lines.push(rowLines);
    }
    inputs.push(row.input);
    rowLines.push(row.line);
  }
  return { batches, lines };
}

export interface ImportReport {
  rowsRead: number;
  issues: RowIssue[];
  /** Rows with an issue: left out with `skipInvalid`, and the reason nothing is written without it. */
  skipped: number;
  /** What was (or, in a dry run, would be) written. */
  observations: number;
  batches: number;
  written: boolean;
  /** The seq the wall reached, when something was written. */
  seq?: number;
  /** Why nothing was written, when nothing was. */
  refusal?: string;
}

/**
 * Imports rows through the ingest path, all or nothing: every row is validated as the API validates it, in time
 * order against the state the earlier rows leave, and all batches are committed in one transaction. With
 * `skipInvalid`, invalid rows are left out (repeatedly, since leaving out a row can make a later increment
 * invalid) and the rest is written; without it, one invalid row means nothing is written.
 */
export async function importRows(
  ingest: Ingest,
  source: string,
  parsed: { rows: CsvRow[]; issues: RowIssue[] },
  options: { dryRun: boolean; skipInvalid: boolean },
): Promise<ImportReport> {
  const issues = [...parsed.issues];
  let rows = parsed.rows;
  const rowsRead = parsed.rows.length + new Set(parsed.issues.map((i) => i.line)).size;
  // Invalid rows are left out and the rest checked again (leaving out a row can make a later increment invalid),
  // so that the report lists every problem of the file at once, whether or not the valid rows are then written.
  for (;;) {
    const { batches, lines } = batchesByTime(rows);
    const checked = ingest.check(source, batches);
    if (checked.ok) break;
    const bad = checked.issues.map((i) => {
      const [batch, index, field] = i.path as [number, number, string];
      return { line: lines[batch]?.[index] ?? 0, column: String(field ?? ''), reason: i.message };
    });
    issues.push(...bad);
    const badLines = new Set(bad.map((b) => b.line));
    rows = rows.filter((r) => !badLines.has(r.line));
  }
  issues.sort((a, b) => a.line - b.line);
  const { batches } = batchesByTime(rows);
  const report = {
    rowsRead,
    issues,
    skipped: rowsRead - rows.length,
    observations: rows.length,
    batches: batches.length,
    written: false,
  };
  if (issues.length && !options.skipInvalid) return { ...report, refusal: 'some rows are invalid' };
  if (rows.length === 0) return { ...report, refusal: 'no valid rows' };
  if (options.dryRun) return { ...report, refusal: 'dry run' };
  const result = await ingest.submitBatches(source, batches);
  if (!result.ok) {
    return { ...report, refusal: result.reason === 'invalid' ? 'some rows are invalid' : result.message };
  }
  return { ...report, written: true, seq: result.seq };
}
