import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRegionSet, installRegionSet, type RegionSet } from '../../shared/regions';

/** The deployment the bench's wall runs, as the server picks it: `DEPLOYMENT`, else the default one. */
export const BENCH_DEPLOYMENT = process.env.DEPLOYMENT || 'nghe-an-2024';

/**
 * The region set of the deployment under test, read from its folder and installed for the shared code the bench
 * uses (the driver's districts, the roll-ups' rates), as the server and the screens install theirs.
 */
function loadRegionSet(): RegionSet {
  const file = path.resolve(import.meta.dirname, '../../deployments', BENCH_DEPLOYMENT, 'regions.json');
  const set = createRegionSet(JSON.parse(readFileSync(file, 'utf8')));
  installRegionSet(set);
  return set;
}

export const benchRegionSet = loadRegionSet();
