import { z } from 'zod';

/**
 * Roll-ups are regions too, so one reading shape serves units and aggregates: `province` is every unit,
 * `localities` the districts, `departments` the provincial departments.
 */
export const ROLLUP_IDS = ['province', 'localities', 'departments'] as const;
export type RollupId = (typeof ROLLUP_IDS)[number];

/**
 * A region set is data, never code: another province, or the 2025 commune-level units, is a new JSON file that
 * passes this schema. Districts carry geometry in a GeoJSON file keyed by the same `code`.
 */
export const DistrictSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  fullName: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(['city', 'town', 'district']),
  /** Commune-level units: a rough proxy for size, used only to spread simulated activity. */
  communeLevelUnits: z.number().int().positive(),
});

export const DepartmentSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.literal('department'),
});

export const RegionSetSchema = z
  .object({
    id: z.string().min(1),
    provenance: z.string().min(1),
    province: z.object({ code: z.string(), name: z.string(), fullName: z.string() }),
    districts: z.array(DistrictSchema).min(1),
    departments: z.object({ sample: z.boolean(), units: z.array(DepartmentSchema) }),
  })
  .superRefine((set, ctx) => {
    const codes = [...set.districts, ...set.departments.units].map((u) => u.code);
    const seen = new Set<string>();
    for (const code of codes) {
      if (seen.has(code)) ctx.addIssue({ code: 'custom', message: `duplicate unit code ${code}` });
      if ((ROLLUP_IDS as readonly string[]).includes(code)) {
        ctx.addIssue({ code: 'custom', message: `unit code ${code} is reserved for a roll-up` });
      }
      seen.add(code);
    }
  });

export type District = z.infer<typeof DistrictSchema>;
export type Department = z.infer<typeof DepartmentSchema>;
export type RegionSetData = z.infer<typeof RegionSetSchema>;
export type Unit = District | Department;
export type UnitLevel = 'district' | 'department';

export function unitLevel(unit: Unit): UnitLevel {
  return unit.kind === 'department' ? 'department' : 'district';
}
