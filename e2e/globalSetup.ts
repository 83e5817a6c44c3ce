import path from 'node:path';
import { buildServerBundle } from '../scripts/buildServer';

/**
 * Bundles the server once for the run (scripts/buildServer.ts, well under a second), so that the specs' own servers
 * (`startWallServer`) run on plain `node` and are up in a second or two, where transpiling through tsx costs several
 * on a busy machine: some twenty servers start and restart in a run. The shared server is still `npm start`'s.
 */
export default async function globalSetup(): Promise<void> {
  const bundle = await buildServerBundle();
  process.env.WALL_SERVER_SCRIPT = path.relative(path.resolve(import.meta.dirname, '..'), bundle);
}
