import type { RegionSet } from './regionSet';

export * from './regionSet';
export * from './schema';

/**
 * The region set of the deployment in force, installed once (by the server from the deployment's files, by a screen
 * from the server) before anything reads it; the binding is live.
 */
export let regionSet: RegionSet = notInstalled();

export function installRegionSet(set: RegionSet): void {
  regionSet = set;
}

function notInstalled(): RegionSet {
  return new Proxy({} as RegionSet, {
    get() {
      throw new Error('no deployment installed: read the region set after installDeployment()');
    },
  });
}
