// `node --import tsx scripts/buildServer.ts`. Bundles the server (server/main.ts and every module it imports) into one ES module, dist/server/main.mjs, run
// with plain `node`: no TypeScript transpiling at start, so a server that restarts (a cluster test killing servers
// one after another, a bench) is up in well under a second instead of several on a busy machine. Packages stay
// outside the bundle and load from node_modules as usual. The file sits two levels below the repository, as the
// sources do, so paths resolved from `import.meta.dirname` (the deployments folder) stay right.
import { renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
export const SERVER_BUNDLE = path.join(root, 'dist/server/main.mjs');

/** Builds the bundle (a few hundred milliseconds) and resolves with its path; written whole, then renamed in. */
export async function buildServerBundle(): Promise<string> {
  const partial = `${SERVER_BUNDLE}.${process.pid}.tmp`;
  await build({
    entryPoints: [path.join(root, 'server/main.ts')],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  renameSync(partial, SERVER_BUNDLE);
  return SERVER_BUNDLE;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServerBundle();
