// `npm run import -- <file.csv> [--dry-run] [--skip-invalid] [--source <id>]`: imports observations from a CSV file
// into the data directory (DATA_DIR), through the same validation and store as the ingest API, all or nothing.
// The server must be stopped (the import refuses a data directory in use); a dry run may run next to it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SOURCE_ID_PATTERN } from '../../shared/ingest';
import { regionSet } from '../../shared/regions';
import { makeLocalCalendar } from '../../shared/time';
import { systemClock } from '../clock';
import { ConfigError, loadConfig } from '../config';
import { deploymentDir, loadDeployment, serveDeployment } from '../deployment';
import { guardRegionSet } from '../deployment/regionSetGuard';
import { importRows, parseObservationsCsv } from '../sources/csvImport';
import { Ingest } from '../sources/ingest';
import { LiveState } from '../state/liveState';
import { DB_FILE, openMemoryStore, SqliteStore } from '../store/sqlite/store';

const USAGE = 'usage: npm run import -- <file.csv> [--dry-run] [--skip-invalid] [--source <id>]';

async function main(): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { file, dryRun, skipInvalid, source } = args;
  if (!SOURCE_ID_PATTERN.test(source)) {
    console.error(`--source ${source}: lower-case letters, digits, ".", "_" or "-", at most 64`);
    return 2;
  }
  // The deployment first, as the server does: the CSV names its units and indicators.
  const loaded = loadDeployment(deploymentDir(process.env));
  serveDeployment(loaded);
  const config = loadConfig();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }

  // A dry run reads the data directory without claiming it, so it may run while the server does.
  const exists = existsSync(path.join(config.dataDir, DB_FILE));
  const store = dryRun
    ? exists
      ? new SqliteStore({ dataDir: config.dataDir, synchronous: config.storage.synchronous, readonly: true })
      : openMemoryStore()
    : new SqliteStore({ dataDir: config.dataDir, synchronous: config.storage.synchronous });
  try {
    const stored = await store.batches.load();
    if (!dryRun)
      await guardRegionSet(
        store.regionSet,
        regionSet,
        stored.readings,
        loaded.deployment.regionSetHash,
        config.dataDir,
      );
    const state = new LiveState({ regions: regionSet, calendar: makeLocalCalendar(config.timeZone), ...stored });
    const ingest = new Ingest({
      state,
      regions: regionSet,
      clock: systemClock,
      store: store.batches,
      onApplied: () => undefined,
    });
    const report = await importRows(ingest, source, parseObservationsCsv(text), { dryRun, skipInvalid });

    for (const issue of report.issues) {
      console.log(`line ${issue.line}${issue.column ? `, column ${issue.column}` : ''}: ${issue.reason}`);
    }
    console.log(
      `${report.rowsRead} rows read, ${report.issues.length} issues` +
        (report.skipped && skipInvalid ? `, ${report.skipped} rows skipped` : ''),
    );
    if (report.written) {
      console.log(
        `written: ${report.observations} observations in ${report.batches} batches as source ${source} (seq ${report.seq}) to ${config.dataDir}`,
      );
      return 0;
    }
    if (report.refusal === 'dry run') {
      console.log(`dry run: ${report.observations} observations in ${report.batches} batches would be written`);
      return report.issues.length ? 1 : 0;
    }
    console.log(`nothing written: ${report.refusal}${skipInvalid ? '' : ' (--skip-invalid writes the valid rows)'}`);
    return 1;
  } finally {
    await store.close();
  }
}

function parse() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
      source: { type: 'string', default: 'csv-import' },
    },
  });
  if (positionals.length !== 1) throw new Error('name one CSV file');
  return {
    file: positionals[0] as string,
    dryRun: values['dry-run'] ?? false,
    skipInvalid: values['skip-invalid'] ?? false,
    source: values.source ?? 'csv-import',
  };
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `import failed: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
