// Builds the client when dist/client is missing or older than any of its inputs. Used by `npm start` and the
// end-to-end tests, so a fresh clone and an edited checkout both serve what the sources say.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INPUTS = [
  'client',
  'shared',
  'vite.config.ts',
  'scripts/precompress.ts',
  'THIRD-PARTY-NOTICES.md',
  'package-lock.json',
];
const STAMP = path.join(root, 'dist/client/build.json');

function newestMtime(p) {
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

export function clientBuildIsStale() {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return INPUTS.some((input) => {
    const p = path.join(root, input);
    return existsSync(p) && newestMtime(p) > built;
  });
}

export function buildClientIfStale({ log = console.log } = {}) {
  if (!clientBuildIsStale()) return false;
  log('Building the wall client (dist/client is missing or older than its sources)...');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`client build failed (exit ${result.status})`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildClientIfStale();
