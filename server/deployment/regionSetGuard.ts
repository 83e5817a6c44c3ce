import type { Database } from 'better-sqlite3';
import type { RegionSet } from '../../shared/regions';

const KEY = 'region_set';

/** A data directory kept under another region set; the server stops on it. */
export class RegionSetMismatchError extends Error {}

/**
 * History is keyed by unit code, so a data directory holds one region set's series only. The first start records
 * the set's hash (refusing a directory whose live figures name units the set does not have); a later start with
 * another set stops with a message instead of mixing the series.
 */
export function guardRegionSet(db: Database, regions: RegionSet, regionSetHash: string, dataDir: string): void {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined;
  const refuse = (held: string) =>
    new RegionSetMismatchError(
      `the data directory ${dataDir} holds the history of region set ${held}, not of this deployment's ` +
        `${regionSetHash}: start this deployment with a DATA_DIR of its own, or move the old directory away`,
    );
  if (row) {
    if (row.value !== regionSetHash) throw refuse(row.value);
    return;
  }
  const regionsHeld = db.prepare('SELECT DISTINCT region FROM current').pluck().all() as string[];
  const stranger = regionsHeld.find((code) => !regions.isRegion(code));
  if (stranger !== undefined) throw refuse(`of an earlier start (unit ${stranger})`);
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(KEY, regionSetHash);
}
