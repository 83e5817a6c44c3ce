import { ratePercent } from '../../shared/rollup';
import { benchRegionSet } from '../lib/deployment';

/** The indicator the driver moves: the overview's default, so every screen shows it on its district gauges. */
export const FEED_INDICATOR = 'online-record-rate';
/** The source the driver posts as, and its bearer token on the wall. */
export const FEED_SOURCE = 'bench';
export const FEED_TOKEN = 'bench-token-0123456789abcdef';

/**
 * What the driver reports on: each unit of the wall, or a unit's sub-units where its figures roll up from them (a
 * province's communes), with the unit whose gauge shows them.
 */
const TARGETS = benchRegionSet.districts.flatMap((d) =>
  benchRegionSet.hasSubunits(d.code)
    ? benchRegionSet.subunitsOf(d.code).map((s) => ({ code: s.code, shown: d.code }))
    : [{ code: d.code, shown: d.code }],
);
/** The targets' positions in the feed, by the unit that shows them. */
const POSITIONS = new Map<string, number[]>();
TARGETS.forEach((t, j) => {
  POSITIONS.set(t.shown, [...(POSITIONS.get(t.shown) ?? []), j]);
});
const N = TARGETS.length;
/** Rates out of a million records, so that a million updates each get a value of their own. */
const DEN = 1_000_000;
/** 36 %: around the target (40 %) of the online record rate, so districts cross from one band to another. */
const BASE = 360_000;

export interface FeedUpdate {
  /** The unit or sub-unit the observation names. */
  region: string;
  /** The unit whose gauge shows it (the region itself, or a commune's province). */
  shown: string;
  num: number;
  den: number;
  /** The value the `shown` gauge takes, computed as the wall computes a rate and rolls it up (Σnum / Σden). */
  value: number;
}

/** The index of the last update at or before `i` that went to target `j` (before 0: the primed one). */
const lastIndex = (j: number, i: number) => i - ((((i - j) % N) + N) % N);

/**
 * The `i`-th update of the feed: the targets in turn, each rate a little higher than the last, so every value
 * is unique in a run and a value seen on a screen maps back to one update. A unit shown for several sub-units
 * takes the roll-up of their last updates, every one of them the feed's own once `feedPrime` has been sent.
 */
export function feedUpdate(i: number): FeedUpdate {
  const j = i % N;
  const target = TARGETS[j] as (typeof TARGETS)[number];
  const num = BASE + i;
  const siblings = POSITIONS.get(target.shown) ?? [j];
  let sum = 0;
  for (const k of siblings) sum += BASE + lastIndex(k, i);
  const value = ratePercent(sum, DEN * siblings.length) as number;
  return { region: target.code, shown: target.shown, num, den: DEN, value };
}

/**
 * Observations that give every target the value the feed would have given it by update `first - 1`, so that a
 * unit rolled up from sub-units shows only the feed's figures from the first update on. Sent in batches of
 * `size`.
 */
export function feedPrime(first: number, at: number, size = 1000): string[] {
  const observations = TARGETS.map((t, j) => ({
    region: t.code,
    indicator: FEED_INDICATOR,
    at,
    num: BASE + lastIndex(j, first - 1),
    den: DEN,
  }));
  const bodies: string[] = [];
  for (let k = 0; k < observations.length; k += size) {
    bodies.push(JSON.stringify({ source: FEED_SOURCE, observations: observations.slice(k, k + size) }));
  }
  return bodies;
}

/** The ingest body of one update: one observation, stamped with its send time. */
export function feedBody(update: FeedUpdate, at: number): string {
  return JSON.stringify({
    source: FEED_SOURCE,
    observations: [{ region: update.region, indicator: FEED_INDICATOR, at, num: update.num, den: update.den }],
  });
}

export const feedDistricts: readonly string[] = [...POSITIONS.keys()];
/** Whether some unit rolls up from several targets, so the feed must prime them first (see `feedPrime`). */
export const feedNeedsPrime = N > POSITIONS.size;
