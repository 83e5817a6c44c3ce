import { type Accessor, createEffect, createResource, createSignal, on, onCleanup } from 'solid-js';
import { indicators } from '../../shared/catalog';
import {
  deployment,
  type SubunitList,
  SubunitListSchema,
  type SubunitLive,
  SubunitLiveSchema,
  subunitListPath,
  subunitLivePath,
} from '../../shared/deployment';
import type { Wall } from './createWall';

/** At most one refresh of the sub-units' figures this often, however often the unit's own figures move. */
export const SUBUNIT_REFRESH_MS = 1_000;

async function getJson<T>(url: string, parse: (raw: unknown) => T): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return parse(await res.json());
}

/**
 * A unit's sub-units (a province's communes) and their live figures, for the unit's page only: their readings
 * never travel in the wall's snapshot or deltas. The list is fetched once per deployment version (cached for good
 * at its address); the figures are fetched again whenever the unit's own figures move, since those roll up from
 * them, at most once every `SUBUNIT_REFRESH_MS`.
 */
export function createSubunitFigures(
  wall: Wall,
  code: Accessor<string>,
  /** The indicators the page shows: only their figures are fetched. */
  shown: readonly string[],
): { list: Accessor<SubunitList | undefined>; live: Accessor<SubunitLive | null> } {
  const [list] = createResource(
    () => (deployment().subunitCounts[code()] ? code() : null),
    (unit) => getJson(subunitListPath(unit, deployment().version), SubunitListSchema.parse),
  );
  const [live, setLive] = createSignal<SubunitLive | null>(null);
  // What moves when any sub-unit moves: the unit's own readings, which roll up from theirs.
  const moved = () => indicators.map((i) => wall.reading(code(), i.id)?.at ?? 0).join();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFetch = Number.NEGATIVE_INFINITY;
  const refresh = () => {
    timer = undefined;
    lastFetch = performance.now();
    const unit = code();
    getJson(subunitLivePath(unit, shown), SubunitLiveSchema.parse).then(
      (figures) => {
        if (figures.parent === code()) setLive(figures);
      },
      (error) => console.warn('wall: sub-units not loaded', error),
    );
  };
  createEffect(
    on([code, moved], () => {
      if (!deployment().subunitCounts[code()] || timer !== undefined) return;
      timer = setTimeout(refresh, Math.max(0, lastFetch + SUBUNIT_REFRESH_MS - performance.now()));
    }),
  );
  onCleanup(() => clearTimeout(timer));
  return { list, live };
}
