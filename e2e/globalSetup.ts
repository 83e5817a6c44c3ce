import path from 'node:path';
import { buildServerBundle, buildUserAddBundle } from '../scripts/buildServer';

/**
 * Bundles the server once for the run (scripts/buildServer.ts, well under a second), so that the specs' own servers
 * (`startWallServer`) run on plain `node` and are up in a second or two, where transpiling through tsx costs several
 * on a busy machine: some twenty servers start and restart in a run. The shared server is still `npm start`'s.
 */
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '..');
  const [server, userAdd] = await Promise.all([buildServerBundle(), buildUserAddBundle()]);
  process.env.WALL_SERVER_SCRIPT = path.relative(root, server);
  // The command the console specs create their accounts with (support/operator.ts), likewise on plain `node`.
  process.env.WALL_USER_ADD_SCRIPT = path.relative(root, userAdd);
}
