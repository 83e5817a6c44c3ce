import { type Band, bandOf, type IndicatorId, indicatorOf, type Targets } from '../../shared/catalog';
import type { Reading } from '../../shared/protocol';
import type { Unit } from '../../shared/regions';
import type { Wall } from './createWall';

export interface UnitRow {
  unit: Unit;
  reading: Reading | undefined;
  value: number | null;
  band: Band | null;
  /** 1 for the best unit on this indicator; null without a value. */
  rank: number | null;
}

/** The targets in force: the server's (deployment overrides included), else the catalogue's. */
export function targetsOf(wall: Wall, id: IndicatorId): Targets {
  return wall.state.targets[id] ?? { target: indicatorOf(id).target, bands: indicatorOf(id).bands };
}

/** Rows for units on one indicator, with band and rank (best first by the indicator's direction). */
export function unitRows(wall: Wall, units: readonly Unit[], id: IndicatorId): UnitRow[] {
  const indicator = indicatorOf(id);
  const targets = targetsOf(wall, id);
  const rows: UnitRow[] = units.map((unit) => {
    const reading = wall.reading(unit.code, id);
    const value = reading?.value ?? null;
    return { unit, reading, value, band: bandOf(indicator, targets, value), rank: null };
  });
  return withRanks(rows, indicator);
}

/** Sets each row's rank among the rows (best first by the indicator's direction); returns the same rows. */
export function withRanks(rows: UnitRow[], indicator: { direction: 'up' | 'down' }): UnitRow[] {
  const rankOf = new Map(
    rankOrder(
      rows.map((r) => ({ code: r.unit.code, value: r.value })),
      indicator,
    ).map((code, i) => [code, i + 1]),
  );
  for (const row of rows) row.rank = rankOf.get(row.unit.code) ?? null;
  return rows;
}

/** The codes of the units that have a value, best first by the indicator's direction (ties keep their order). */
export function rankOrder(
  values: readonly { code: string; value: number | null }[],
  indicator: { direction: 'up' | 'down' },
): string[] {
  const sign = indicator.direction === 'up' ? -1 : 1;
  return values
    .filter((v) => v.value !== null)
    .sort((a, b) => sign * ((a.value ?? 0) - (b.value ?? 0)))
    .map((v) => v.code);
}

/** Rows ordered by rank, units without a value last. */
export function byRank(rows: readonly UnitRow[]): UnitRow[] {
  return [...rows].sort((a, b) => (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY));
}
