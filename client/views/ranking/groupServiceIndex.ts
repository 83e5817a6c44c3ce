import { type IndicatorId, indicatorOf } from '../../../shared/catalog';
import type { Reading } from '../../../shared/protocol';
import type { RegionSet } from '../../../shared/regions';
import { type RollupInput, rollUp, rollupWeight } from '../../../shared/rollup';
import { groupRows } from '../../live/groupRows';
import { type ServiceIndexRow, serviceIndexRows } from './serviceIndexRows';

const NO_TARGETS = { target: null, bands: null };

/**
 * The service index by group (the former districts of 2025 communes, the regions of a country): each group's
 * score this period and the previous one rolled up from its units' by the index's own roll-up rule, ranked among
 * the groups as the units are among themselves.
 */
export function groupServiceIndexRows(
  regions: RegionSet,
  reading: (region: string, indicator: IndicatorId) => Reading | undefined,
  previous: Readonly<Record<string, number>>,
): ServiceIndexRow[] {
  const rule = indicatorOf('service-index').rollup;
  const groups = groupRows(regions, 'service-index', reading, NO_TARGETS);
  const current = new Map(groups.map((row) => [row.unit.code, row.value]));
  const previousOfGroups: Record<string, number> = {};
  for (const { unit } of groups) {
    const inputs: RollupInput[] = regions.districts
      .filter((u) => u.group === unit.code && previous[u.code] !== undefined)
      .map((u) => ({ value: previous[u.code] ?? null, weight: rollupWeight(rule, u) }));
    const value = inputs.length > 0 ? rollUp(rule, inputs).value : null;
    if (value !== null) previousOfGroups[unit.code] = value;
  }
  return serviceIndexRows(
    groups.map((row) => row.unit),
    (code) => current.get(code) ?? null,
    previousOfGroups,
  );
}
