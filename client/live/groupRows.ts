import { bandOf, type IndicatorId, indicatorOf, type Targets } from '../../shared/catalog';
import type { Reading } from '../../shared/protocol';
import type { District, RegionSet } from '../../shared/regions';
import { type RollupInput, rollUp, rollupWeight } from '../../shared/rollup';
import { type UnitRow, withRanks } from './selectors';

/**
 * A group of units as a unit of its own (the former district of 2025 communes): its code and name, and the sum of
 * its units' weights, so a weighted roll-up one level up weighs it as its units would.
 */
function groupUnit(code: string, name: string, members: readonly District[]): District {
  return {
    code,
    name,
    fullName: name,
    slug: code.toLowerCase().replace(/[^a-z0-9]+/g, '-') || 'group',
    kind: 'district',
    weight: members.reduce((sum, u) => sum + u.weight, 0),
  };
}

/**
 * The local units rolled up by their group, one row per group in the region set's order of groups, with band and
 * rank among the groups: the optional roll-up level of a region set that has groups. Each group's figure comes from
 * its units' readings by the shared roll-up rules (counts summed, rates Σnum / Σden, scores by weight), as the
 * server rolls up the province.
 */
export function groupRows(
  regions: RegionSet,
  id: IndicatorId,
  reading: (region: string, indicator: IndicatorId) => Reading | undefined,
  targets: Targets,
): UnitRow[] {
  const indicator = indicatorOf(id);
  const members = new Map<string, District[]>();
  for (const unit of regions.districts) {
    if (unit.group === undefined) continue;
    const list = members.get(unit.group);
    if (list) list.push(unit);
    else members.set(unit.group, [unit]);
  }
  const rows: UnitRow[] = [...members].map(([code, units]) => {
    const inputs: RollupInput[] = [];
    for (const unit of units) {
      const r = reading(unit.code, id);
      if (r) inputs.push({ value: r.value, num: r.num, den: r.den, weight: rollupWeight(indicator.rollup, unit) });
    }
    const value = inputs.length > 0 ? rollUp(indicator.rollup, inputs).value : null;
    return {
      unit: groupUnit(code, regions.groups.get(code) ?? code, units),
      reading: undefined,
      value,
      band: bandOf(indicator, targets, value),
      rank: null,
    };
  });
  return withRanks(rows, indicator);
}
