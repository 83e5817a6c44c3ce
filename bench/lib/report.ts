import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Row {
  scenario: string;
  metric: string;
  value: number | string;
  unit: string;
}

/** Writes the run as JSON under bench/out/ and prints it as a markdown table. */
export function report(rows: Row[], meta: Record<string, unknown> = {}): string {
  const run = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    ...meta,
    rows,
  };
  const dir = path.resolve(import.meta.dirname, '../out');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${run.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  const table = [
    `Run ${run.date} on ${run.machine}`,
    '',
    '| scenario | metric | value | unit |',
    '|---|---|---:|---|',
    ...rows.map((r) => `| ${r.scenario} | ${r.metric} | ${r.value} | ${r.unit} |`),
    '',
    `JSON: ${path.relative(process.cwd(), file)}`,
  ].join('\n');
  console.log(table);
  return table;
}
