import { type Accessor, createMemo } from 'solid-js';
import { type Band, bandOf, catalog, type IndicatorId } from '../../shared/catalog';
import type { Reading } from '../../shared/protocol';
import type { Unit } from '../../shared/regions';
import type { Wall } from './createWall';
import { rankOrder, targetsOf } from './selectors';

/** A unit on one indicator, as live accessors: the row object stays the same while its figures move. */
export interface LiveUnitRow {
  unit: Unit;
  reading: () => Reading | undefined;
  value: () => number | null;
  band: () => Band | null;
  /** 1 for the best unit on this indicator; null without a value. */
  rank: () => number | null;
}

export interface LiveUnitRows {
  /** One row per unit, in the region set's order; the array and its rows never change. */
  rows: readonly LiveUnitRow[];
  /** The same rows best first (units without a value last); a new array only when the order changes. */
  ranked: Accessor<readonly LiveUnitRow[]>;
  /** The largest value, or 0: changes only when the largest value does. */
  max: Accessor<number>;
}

const sameOrder = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((code, i) => code === b[i]);

/**
 * Units on one indicator for lists that stay on screen (gauges, rankings, the map). A list keyed by these rows
 * keeps its elements: a new reading updates the text and shapes that show it, and a change of rank moves rows
 * rather than drawing them all again.
 */
export function createUnitRows(wall: Wall, units: readonly Unit[], indicator: () => IndicatorId): LiveUnitRows {
  const value = (code: string) => wall.reading(code, indicator())?.value ?? null;
  const order = createMemo(
    () =>
      rankOrder(
        units.map((u) => ({ code: u.code, value: value(u.code) })),
        catalog[indicator()],
      ),
    [],
    {
      equals: sameOrder,
    },
  );
  const rankOf = createMemo(() => new Map(order().map((code, i) => [code, i + 1])));
  const rows: LiveUnitRow[] = units.map((unit) => ({
    unit,
    reading: () => wall.reading(unit.code, indicator()),
    value: () => value(unit.code),
    band: () => bandOf(catalog[indicator()], targetsOf(wall, indicator()), value(unit.code)),
    rank: () => rankOf().get(unit.code) ?? null,
  }));
  const byCode = new Map(rows.map((r) => [r.unit.code, r]));
  const ranked = createMemo(() => {
    const ordered = order().map((code) => byCode.get(code) as LiveUnitRow);
    return [...ordered, ...rows.filter((r) => !rankOf().has(r.unit.code))];
  });
  const max = createMemo(() => Math.max(0, ...units.map((u) => value(u.code) ?? 0)));
  return { rows, ranked, max };
}
