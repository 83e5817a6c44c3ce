import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One figure of a scenario for IOC Wall and the floor, side by side, with the budget it is held to. */
export interface Compared {
  scenario: string;
  metric: string;
  unit: string;
  wall: number | string;
  floor?: number | string;
  /** Wall over floor, when both are numbers. */
  ratio?: number;
  /** The budget in words (`ratio ≤ 1.5`, `≥ 50,000`), and whether this run met it. */
  budget?: string;
  holds?: boolean;
}

export interface RunInfo {
  date: string;
  machine: string;
  /** Load averages (1, 5, 15 minutes) at the start and the end: how busy the machine was besides the bench. */
  loadStart: number[];
  loadEnd: number[];
  settings: Record<string, unknown>;
}

const OUT_DIR = path.resolve(import.meta.dirname, '../out');
const RESULTS = path.resolve(import.meta.dirname, '../RESULTS.md');
const BEGIN = '<!-- bench:begin -->';
const END = '<!-- bench:end -->';

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

const loads = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

export function startRun(settings: Record<string, unknown>): RunInfo {
  return { date: new Date().toISOString(), machine: machine(), loadStart: loads(), loadEnd: [], settings };
}

/** Rounds for reading: three significant digits, whole numbers from 100 up. */
export function show(value: number | string | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** The run as a markdown table: wall, floor, their ratio, the budget and whether it holds. */
export function markdownTable(run: RunInfo, rows: readonly Compared[]): string {
  const verdict = (r: Compared) => (r.holds === undefined ? '' : r.holds ? 'yes' : '**no**');
  return [
    `Run of ${run.date} on ${run.machine}.`,
    `Load average at start ${run.loadStart.join(' / ')}, at end ${run.loadEnd.join(' / ')} (1 / 5 / 15 min).`,
    '',
    '| scenario | metric | IOC Wall | floor | ratio | budget | holds |',
    '|---|---|---:|---:|---:|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.scenario} | ${r.metric} (${r.unit}) | ${show(r.wall)} | ${show(r.floor)} | ${r.ratio === undefined ? '' : `${show(r.ratio)}×`} | ${r.budget ?? ''} | ${verdict(r)} |`,
    ),
  ].join('\n');
}

/**
 * Writes the run as JSON under bench/out/, prints the table, and (for a full run) puts the table into
 * bench/RESULTS.md between its markers, leaving the notes around it as they are.
 */
export function reportRun(run: RunInfo, rows: readonly Compared[], options: { updateResults: boolean }): void {
  run.loadEnd = loads();
  mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `bench-${run.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ ...run, rows }, null, 2)}\n`);
  const table = markdownTable(run, rows);
  console.log(`\n${table}\n\nJSON: ${path.relative(process.cwd(), file)}`);
  if (!options.updateResults) return;
  const current = readFileSync(RESULTS, 'utf8');
  const begin = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`bench/RESULTS.md lacks the ${BEGIN} and ${END} markers`);
  writeFileSync(RESULTS, `${current.slice(0, begin + BEGIN.length)}\n${table}\n${current.slice(end)}`);
  console.log('bench/RESULTS.md updated');
}
