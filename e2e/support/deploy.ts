import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The built client that `npm start` serves. */
export const BUILT_CLIENT = path.resolve(import.meta.dirname, '../../dist/client');

export function builtClientId(clientDir = BUILT_CLIENT): string {
  return (JSON.parse(readFileSync(path.join(clientDir, 'build.json'), 'utf8')) as { buildId: string }).buildId;
}

/**
 * A copy of the built client as the next deploy would ship it: another build id, compiled into the scripts, and
 * therefore other file names for the scripts that carry it (hashed assets are cached for a year, so a deploy
 * always changes their names). Returns the directory to serve with `CLIENT_DIR`.
 */
export function nextDeploy(buildId: string, from = BUILT_CLIENT): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-deploy-'));
  cpSync(from, dir, { recursive: true });
  const previous = builtClientId(dir);
  const assets = path.join(dir, 'assets');
  const renames: [string, string][] = [];
  for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
    const code = readFileSync(path.join(assets, file), 'utf8');
    if (!code.includes(previous)) continue;
    const next = file.replace(/\.js$/, '-next.js');
    writeFileSync(path.join(assets, file), code.replaceAll(previous, buildId));
    renameSync(path.join(assets, file), path.join(assets, next));
    renames.push([file, next]);
  }
  if (renames.length === 0) throw new Error(`build id ${previous} not found in the built scripts`);
  let html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  for (const [from, to] of renames) html = html.replaceAll(from, to);
  writeFileSync(path.join(dir, 'index.html'), html);
  writeFileSync(path.join(dir, 'build.json'), `${JSON.stringify({ buildId })}\n`);
  // The build's compressed copies of the files rewritten here would still hold the previous build, and the server
  // prefers them: a build never leaves such copies, so neither does this one (the files go out uncompressed).
  for (const file of ['index.html', ...renames.map(([from]) => `assets/${from}`)]) {
    for (const suffix of ['.br', '.gz']) rmSync(path.join(dir, file + suffix), { force: true });
  }
  return dir;
}
