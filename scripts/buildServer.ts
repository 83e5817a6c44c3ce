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
/** `npm run user:add`'s command, bundled beside the server for the same reason (the end-to-end specs run it). */
export const USER_ADD_BUNDLE = path.join(root, 'dist/server/userAdd.mjs');

/** Bundles one entry point into `outfile` (a few hundred milliseconds): written whole, then renamed in. */
async function bundle(entry: string, outfile: string): Promise<string> {
  const partial = `${outfile}.${process.pid}.tmp`;
  await build({
    entryPoints: [path.join(root, entry)],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  renameSync(partial, outfile);
  return outfile;
}

/** Builds the server's bundle and resolves with its path. */
export const buildServerBundle = (): Promise<string> => bundle('server/main.ts', SERVER_BUNDLE);

/** Builds the user:add command's bundle and resolves with its path. */
export const buildUserAddBundle = (): Promise<string> => bundle('server/cli/userAdd.ts', USER_ADD_BUNDLE);

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServerBundle();
