import type { Unit } from '../../../shared/regions';

export interface ServiceIndexRow {
  unit: Unit;
  score: number | null;
  previous: number | null;
  /** This period's score minus the previous period's, when both exist. */
  change: number | null;
  /** 1 for the highest score; null without a score. */
  rank: number | null;
  previousRank: number | null;
}

/** Ranks 1..n by score, highest first; ties share the better rank. */
function ranks(scores: Map<string, number>): Map<string, number> {
  const sorted = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const out = new Map<string, number>();
  sorted.forEach(([code, score], i) => {
    const prev = sorted[i - 1];
    out.set(code, prev && prev[1] === score ? (out.get(prev[0]) ?? i + 1) : i + 1);
  });
  return out;
}

/**
 * The service index of a group of units this period (`current`, the live readings) against the previous
 * published period (`previous`), ranked within the group, best first; units without a score last.
 */
export function serviceIndexRows(
  units: readonly Unit[],
  current: (code: string) => number | null,
  previous: Readonly<Record<string, number>>,
): ServiceIndexRow[] {
  const now = new Map<string, number>();
  const before = new Map<string, number>();
  for (const u of units) {
    const score = current(u.code);
    if (score !== null) now.set(u.code, score);
    const prev = previous[u.code];
    if (prev !== undefined) before.set(u.code, prev);
  }
  const rank = ranks(now);
  const previousRank = ranks(before);
  return units
    .map((unit) => {
      const score = now.get(unit.code) ?? null;
      const prev = before.get(unit.code) ?? null;
      return {
        unit,
        score,
        previous: prev,
        change: score !== null && prev !== null ? score - prev : null,
        rank: rank.get(unit.code) ?? null,
        previousRank: previousRank.get(unit.code) ?? null,
      };
    })
    .sort((a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY));
}
