import type { Reading } from '../../shared/protocol';
import type { RegionSet } from '../../shared/regions';
import type { RegionSetMark } from '../store/types';

/** A data directory kept under another region set; the server stops on it. */
export class RegionSetMismatchError extends Error {}

/**
 * History is keyed by unit code, so a data directory holds one region set's series only. The first start records
 * the set's hash (refusing a directory whose live figures name units the set does not have); a later start with
 * another set stops with a message instead of mixing the series.
 */
export async function guardRegionSet(
  mark: RegionSetMark,
  regions: RegionSet,
  stored: readonly Reading[],
  regionSetHash: string,
  dataDir: string,
): Promise<void> {
  const refuse = (held: string) =>
    new RegionSetMismatchError(
      `the data directory ${dataDir} holds the history of region set ${held}, not of this deployment's ` +
        `${regionSetHash}: start this deployment with a DATA_DIR of its own, or move the old directory away`,
    );
  const held = await mark.get();
  if (held !== undefined) {
    if (held !== regionSetHash) throw refuse(held);
    return;
  }
  const stranger = stored.find((r) => !regions.isRegion(r.region) && regions.subunit(r.region) === undefined);
  if (stranger) throw refuse(`of an earlier start (unit ${stranger.region})`);
  await mark.record(regionSetHash);
}
