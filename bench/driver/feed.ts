// The deployment the bench's server runs (`DEPLOYMENT`, the default otherwise), installed for its units.
import { regionSet } from '../../e2e/support/regions';
import { ratePercent } from '../../shared/rollup';

/** The indicator the driver moves: the overview's default, so every screen shows it on its district gauges. */
export const FEED_INDICATOR = 'online-record-rate';
/** The source the driver posts as, and its bearer token on the wall. */
export const FEED_SOURCE = 'bench';
export const FEED_TOKEN = 'bench-token-0123456789abcdef';

const DISTRICTS = regionSet.districts.map((d) => d.code);
/** Rates out of a million records, so that a million updates each get a value of their own. */
const DEN = 1_000_000;
/** 36 %: around the target (40 %) of the online record rate, so districts cross from one band to another. */
const BASE = 360_000;

export interface FeedUpdate {
  region: string;
  num: number;
  den: number;
  /** The value a screen shows for it, computed as the wall computes a rate. */
  value: number;
}

/**
 * The `i`-th update of the feed: the districts in turn, each rate a little higher than the last, so every value
 * is unique in a run and a value seen on a screen maps back to one update.
 */
export function feedUpdate(i: number): FeedUpdate {
  const region = DISTRICTS[i % DISTRICTS.length] as string;
  const num = BASE + i;
  return { region, num, den: DEN, value: ratePercent(num, DEN) as number };
}

/** The ingest body of one update: one observation, stamped with its send time. */
export function feedBody(update: FeedUpdate, at: number): string {
  return JSON.stringify({
    source: FEED_SOURCE,
    observations: [{ region: update.region, indicator: FEED_INDICATOR, at, num: update.num, den: update.den }],
  });
}

export const feedDistricts: readonly string[] = DISTRICTS;
