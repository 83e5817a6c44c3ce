import {
  type Accessor,
  createEffect,
  createMemo,
  createSignal,
  getOwner,
  on,
  onCleanup,
  runWithOwner,
  untrack,
} from 'solid-js';
import { type Band, bandOf, type IndicatorId, indicatorOf } from '../../shared/catalog';
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

/** What a list of units takes when the view it is in keeps one set of rows for all its lists. */
export interface SharedRowsProps {
  /**
   * The region set's units on the list's indicator, when the view keeps them for all its lists (the overview's
   * gauges, map and ranking read the same rows, so a reading's value and band are worked out once); the list makes
   * its own otherwise.
   */
  rows?: LiveUnitRows;
}

export interface UnitRowsOptions {
  /**
   * The ranked order changes at most this often (ms): a ranking that reshuffles with every delta cannot be read
   * from across the room. Figures and bars still follow every reading; the first order is taken at once.
   */
  holdOrderMs?: number;
}

/**
 * Units on one indicator for lists that stay on screen (gauges, rankings, the map). A list keyed by these rows
 * keeps its elements: a new reading updates the text and shapes that show it, and a change of rank moves rows
 * rather than drawing them all again. What reads every unit (the order, the largest value) is worked out only for
 * a list that asks for it: a delta costs the gauges and the map the units it changed, not all of them.
 */
export function createUnitRows(
  wall: Wall,
  units: readonly Unit[],
  indicator: () => IndicatorId,
  options: UnitRowsOptions = {},
): LiveUnitRows {
  const rows: LiveUnitRow[] = units.map((unit) => {
    // Memos: a row's figure and band are read by several elements each, and computed once per reading.
    const value = createMemo(() => wall.reading(unit.code, indicator())?.value ?? null);
    return {
      unit,
      reading: () => wall.reading(unit.code, indicator()),
      value,
      band: createMemo(() => bandOf(indicatorOf(indicator()), targetsOf(wall, indicator()), value())),
      rank: () => rankOf().get(unit.code) ?? null,
    };
  });
  const order = lazy(() => {
    const liveOrder = createMemo(
      () =>
        rankOrder(
          rows.map((r) => ({ code: r.unit.code, value: r.value() })),
          indicatorOf(indicator()),
        ),
      [],
      { equals: sameOrder },
    );
    return options.holdOrderMs ? holdFor(liveOrder, options.holdOrderMs) : liveOrder;
  });
  const rankOf = lazy(() => createMemo(() => new Map(order().map((code, i) => [code, i + 1]))));
  const byCode = new Map(rows.map((r) => [r.unit.code, r]));
  const ranked = lazy(() =>
    createMemo(() => {
      const ordered = order().map((code) => byCode.get(code) as LiveUnitRow);
      return [...ordered, ...rows.filter((r) => !rankOf().has(r.unit.code))];
    }),
  );
  const max = lazy(() => createMemo(() => Math.max(0, ...rows.map((r) => r.value() ?? 0))));
  return { rows, ranked, max };
}

/**
 * An accessor made on its first read, under the owner it is declared in (so it lives as long as that owner, not
 * as long as whatever first read it). Until then nothing is computed, nor tracked.
 */
function lazy<T>(make: () => Accessor<T>): Accessor<T> {
  const owner = getOwner();
  let made: Accessor<T> | undefined;
  return () => {
    made ??= runWithOwner(owner, make) as Accessor<T>;
    return made();
  };
}

/**
 * `source` passed on at most once per `holdMs`: a change within the hold waits for its end, and only the latest
 * one is passed on then. The first change after a calm spell is passed on at once.
 */
function holdFor(source: Accessor<string[]>, holdMs: number): Accessor<string[]> {
  const first = untrack(source);
  const [held, setHeld] = createSignal(first, { equals: sameOrder });
  // An order there from the start is on screen from the start: the hold runs from then.
  let lastSet = first.length > 0 ? performance.now() : Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pass = () => {
    timer = undefined;
    lastSet = performance.now();
    setHeld(untrack(source));
  };
  createEffect(
    on(
      source,
      () => {
        if (timer) return;
        const wait = lastSet + holdMs - performance.now();
        if (wait <= 0) pass();
        else timer = setTimeout(pass, wait);
      },
      { defer: true },
    ),
  );
  onCleanup(() => clearTimeout(timer));
  return held;
}
