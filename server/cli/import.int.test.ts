import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness } from '../test/support';

const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'docs/examples/observations.csv');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function runImport(dataDir: string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: run.status, out: run.stdout + run.stderr };
}

/** Each run of the command starts a Node process with TypeScript loading: seconds each on a busy machine. */
const CLI_TEST_TIMEOUT = 120_000;

describe('npm run import', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('writes the example file, and a server started afterwards shows it', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-import-'));
    dirs.push(dataDir);
    const run = runImport(dataDir, example);
    expect(run.out).toContain('written: 10 observations in 2 batches');
    expect(run.code).toBe(0);
    const wall = await startHarness({ DATA_DIR: dataDir });
    try {
      expect(wall.app.state.seq).toBe(2);
      expect(wall.app.state.get('417', 'id-cards-issued')?.value).toBe(50288);
      // While the server runs, an import refuses the data directory; a dry run may read it.
      const refused = runImport(dataDir, example);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('in use');
      const dry = runImport(dataDir, example, '--dry-run');
      expect(dry.code).toBe(0);
      expect(dry.out).toContain('dry run: 10 observations in 2 batches would be written');
    } finally {
      await wall.close();
    }
  });

  it('reports line, column and reason, and writes nothing from a file with an invalid row', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-import-'));
    dirs.push(dataDir);
    const file = path.join(dataDir, 'bad.csv');
    writeFileSync(
      file,
      'region,indicator,at,value\n412,id-cards-issued,1705658400000,10\n499,id-cards-issued,1705658400000,5\n',
    );
    const run = runImport(dataDir, file);
    expect(run.code).toBe(1);
    expect(run.out).toContain('line 3, column region: unknown region 499');
    expect(run.out).toContain('nothing written');
    const skipped = runImport(dataDir, file, '--skip-invalid');
    expect(skipped.code).toBe(0);
    expect(skipped.out).toContain('written: 1 observations');
  });
});
