import { z } from 'zod';

/**
 * Roll-ups are regions too, so one reading shape serves units and aggregates: `province` is every unit,
 * `localities` the local units (districts, communes, or a country's provinces), `departments` the departments.
 */
export const ROLLUP_IDS = ['province', 'localities', 'departments'] as const;
export type RollupId = (typeof ROLLUP_IDS)[number];

const Slug = z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens');

/**
 * A local unit shown on the wall: a district-level unit (2024), a commune or ward (since July 2025), or a province
 * on a national wall. Districts carry geometry in the deployment's drawing, keyed by the same `code`.
 */
export const DistrictSchema = z.strictObject({
  code: z.string().min(1),
  name: z.string().min(1),
  fullName: z.string().min(1),
  slug: Slug,
  kind: z.enum(['province', 'city', 'town', 'district', 'ward', 'commune']),
  /** The group the unit is drawn and optionally rolled up in (the former district of a 2025 commune). */
  group: z.string().min(1).optional(),
  /** A rough proxy for size (commune-level units, merged former communes), used to spread simulated activity. */
  weight: z.number().positive(),
  /** Commune-level units under a district, where the unit has them (shown on its page). */
  communeLevelUnits: z.number().int().positive().optional(),
});

/** A unit below a local unit, shown when a screen drills into its `parent` (a province's communes). */
export const SubunitSchema = z.strictObject({
  code: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['ward', 'commune', 'special-zone']),
  parent: z.string().min(1),
  weight: z.number().positive(),
});

export const DepartmentSchema = z.strictObject({
  code: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  slug: Slug,
  kind: z.literal('department'),
});

export const GroupSchema = z.strictObject({ code: z.string().min(1), name: z.string().min(1) });

export const RegionSetSchema = z
  .strictObject({
    id: z.string().min(1),
    provenance: z.string().min(1),
    province: z.object({ code: z.string(), name: z.string(), fullName: z.string() }),
    units: z.array(DistrictSchema).min(1),
    /** The groups units may belong to, with the names a map shows. */
    groups: z.array(GroupSchema).optional(),
    subunits: z.array(SubunitSchema).optional(),
    departments: z.object({ sample: z.boolean(), units: z.array(DepartmentSchema) }),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    const check = (code: string, path: (string | number)[]) => {
      if (seen.has(code)) ctx.addIssue({ code: 'custom', path, message: `duplicate unit code ${code}` });
      if ((ROLLUP_IDS as readonly string[]).includes(code)) {
        ctx.addIssue({ code: 'custom', path, message: `unit code ${code} is reserved for a roll-up` });
      }
      seen.add(code);
    };
    set.units.forEach((u, i) => {
      check(u.code, ['units', i, 'code']);
    });
    set.departments.units.forEach((u, i) => {
      check(u.code, ['departments', 'units', i, 'code']);
    });
    set.subunits?.forEach((u, i) => {
      check(u.code, ['subunits', i, 'code']);
    });
    const groups = new Set(set.groups?.map((g) => g.code));
    set.units.forEach((u, i) => {
      if (u.group !== undefined && !groups.has(u.group)) {
        ctx.addIssue({ code: 'custom', path: ['units', i, 'group'], message: `no group ${u.group} in groups` });
      }
    });
    const localities = new Set(set.units.map((u) => u.code));
    set.subunits?.forEach((s, i) => {
      if (!localities.has(s.parent)) {
        ctx.addIssue({ code: 'custom', path: ['subunits', i, 'parent'], message: `no unit ${s.parent} in units` });
      }
    });
  });

export type District = z.infer<typeof DistrictSchema>;
export type Subunit = z.infer<typeof SubunitSchema>;
export type Department = z.infer<typeof DepartmentSchema>;
export type RegionSetData = z.infer<typeof RegionSetSchema>;
export type Unit = District | Department;
export type UnitLevel = 'district' | 'department';

/** A sub-unit measures what its parent local unit does, so it stands at the district level. */
export function unitLevel(unit: Unit | Subunit): UnitLevel {
  return unit.kind === 'department' ? 'department' : 'district';
}
