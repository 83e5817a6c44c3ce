import { type RegionSetData, RegionSetSchema, ROLLUP_IDS, type RollupId, type Unit, unitLevel } from './schema';

/** A validated region set with the lookups every consumer needs. */
export interface RegionSet {
  readonly data: RegionSetData;
  readonly units: readonly Unit[];
  readonly districts: RegionSetData['districts'];
  readonly departments: RegionSetData['departments']['units'];
  unit(code: string): Unit | undefined;
  isUnit(code: string): boolean;
  isRegion(code: string): boolean;
  /** The units a roll-up aggregates. */
  membersOf(rollup: RollupId): readonly Unit[];
  /** The roll-ups a unit contributes to. */
  rollupsOf(code: string): readonly RollupId[];
}

export function createRegionSet(raw: unknown): RegionSet {
  const data = RegionSetSchema.parse(raw);
  const units: Unit[] = [...data.districts, ...data.departments.units];
  const byCode = new Map(units.map((u) => [u.code, u]));
  const members: Record<RollupId, readonly Unit[]> = {
    province: units,
    localities: data.districts,
    departments: data.departments.units,
  };
  const rollupsByUnit = new Map<string, readonly RollupId[]>(
    units.map((u) => [u.code, unitLevel(u) === 'district' ? ['province', 'localities'] : ['province', 'departments']]),
  );
  return {
    data,
    units,
    districts: data.districts,
    departments: data.departments.units,
    unit: (code) => byCode.get(code),
    isUnit: (code) => byCode.has(code),
    isRegion: (code) => byCode.has(code) || (ROLLUP_IDS as readonly string[]).includes(code),
    membersOf: (rollup) => members[rollup],
    rollupsOf: (code) => rollupsByUnit.get(code) ?? [],
  };
}
