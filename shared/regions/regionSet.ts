import {
  type RegionSetData,
  RegionSetSchema,
  ROLLUP_IDS,
  type RollupId,
  type Subunit,
  type Unit,
  unitLevel,
} from './schema';

/** A validated region set with the lookups every consumer needs. */
export interface RegionSet {
  readonly data: RegionSetData;
  readonly units: readonly Unit[];
  readonly districts: RegionSetData['units'];
  readonly departments: RegionSetData['departments']['units'];
  /** The names of the groups local units belong to, by group code. */
  readonly groups: ReadonlyMap<string, string>;
  /** The units below a local unit (a province's communes), for drill-down. */
  subunitsOf(code: string): readonly Subunit[];
  /** A unit below a local unit, by its code. */
  subunit(code: string): Subunit | undefined;
  /** Whether a local unit's figures roll up from its sub-units, so sources report the sub-units instead. */
  hasSubunits(code: string): boolean;
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
  const units: Unit[] = [...data.units, ...data.departments.units];
  const byCode = new Map(units.map((u) => [u.code, u]));
  const members: Record<RollupId, readonly Unit[]> = {
    province: units,
    localities: data.units,
    departments: data.departments.units,
  };
  const rollupsByUnit = new Map<string, readonly RollupId[]>(
    units.map((u) => [u.code, unitLevel(u) === 'district' ? ['province', 'localities'] : ['province', 'departments']]),
  );
  const subunits = new Map<string, Subunit[]>();
  const subunitByCode = new Map<string, Subunit>();
  for (const s of data.subunits ?? []) {
    const siblings = subunits.get(s.parent);
    if (siblings) siblings.push(s);
    else subunits.set(s.parent, [s]);
    subunitByCode.set(s.code, s);
  }
  return {
    data,
    units,
    districts: data.units,
    departments: data.departments.units,
    groups: new Map((data.groups ?? []).map((g) => [g.code, g.name])),
    subunitsOf: (code) => subunits.get(code) ?? [],
    subunit: (code) => subunitByCode.get(code),
    hasSubunits: (code) => subunits.has(code),
    unit: (code) => byCode.get(code),
    isUnit: (code) => byCode.has(code),
    isRegion: (code) => byCode.has(code) || (ROLLUP_IDS as readonly string[]).includes(code),
    membersOf: (rollup) => members[rollup],
    rollupsOf: (code) => rollupsByUnit.get(code) ?? [],
  };
}
