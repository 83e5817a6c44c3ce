import { z } from 'zod';

/**
 * The indicator catalogue: what the wall measures, in which unit, how a unit's figures roll up to the province,
 * and what counts as good. It is a deployment's file (`indicators.json`), checked by `CatalogueSchema` when the
 * server starts and served to every screen, so indicator ids are strings checked against it, never compiled in.
 */
export type IndicatorId = string;

const Localized = z.object({ vi: z.string().min(1), en: z.string().min(1) });
export type Localized = z.infer<typeof Localized>;

const IndicatorIdSchema = z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens');

/** How a value is stored: a count, a rate kept as numerator over denominator, or a 0-100 score. */
export const IndicatorKindSchema = z.enum(['count', 'rate', 'score']);
export type IndicatorKind = z.infer<typeof IndicatorKindSchema>;

export const RollupSchema = z.discriminatedUnion('by', [
  /** Counts add up. */
  z.object({ by: z.literal('sum') }),
  /** Rates roll up as the sum of numerators over the sum of denominators, never as a mean of rates. */
  z.object({ by: z.literal('ratio') }),
  /** Scores roll up as a weighted mean; `equal` gives each unit the same say, `weight` the region set's weight. */
  z.object({ by: z.literal('weighted'), weights: z.enum(['equal', 'weight']) }),
]);
export type Rollup = z.infer<typeof RollupSchema>;

/**
 * Threshold bands. With `direction: 'up'`, a value below `critical` is critical, below `warning` is a warning,
 * anything else is ok; with `direction: 'down'` the comparisons flip.
 */
export const BandsSchema = z.object({ critical: z.number(), warning: z.number() });
export type Bands = z.infer<typeof BandsSchema>;
export const TargetsSchema = z.object({ target: z.number().nullable(), bands: BandsSchema.nullable() });
export type Targets = z.infer<typeof TargetsSchema>;

export const IndicatorSchema = z.strictObject({
  id: IndicatorIdSchema,
  kind: IndicatorKindSchema,
  label: Localized,
  /** A short label for tiles and legends. */
  short: Localized,
  unit: z.enum(['count', 'percent', 'points']),
  rollup: RollupSchema,
  direction: z.enum(['up', 'down']),
  target: z.number().nullable(),
  bands: BandsSchema.nullable(),
  /** Where the target comes from: the Government, the source article, or this product's configurable default. */
  targetSource: z.enum(['government', 'article', 'default']).nullable(),
  appliesTo: z.array(z.enum(['district', 'department'])).min(1),
  /** A rate computed from two counts of the catalogue; sources send the counts, never the rate. */
  derived: z.object({ num: IndicatorIdSchema, den: IndicatorIdSchema }).optional(),
  /** Counts that start again from zero at local midnight. */
  resets: z.literal('daily').optional(),
  /** How often a source is expected to update this indicator; staleness is judged against it. */
  expectedIntervalSec: z.number().int().positive(),
  /** Shown in pickers, rankings and grids; inputs such as eligible citizens are not. */
  listed: z.boolean(),
  /** Decimal places on screen. */
  decimals: z.number().int().min(0).max(4),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const CatalogueSchema = z
  .strictObject({ indicators: z.array(IndicatorSchema).min(1) })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    file.indicators.forEach((ind, i) => {
      if (ids.has(ind.id))
        ctx.addIssue({ code: 'custom', path: ['indicators', i, 'id'], message: `duplicate ${ind.id}` });
      ids.add(ind.id);
    });
    file.indicators.forEach((ind, i) => {
      for (const input of ind.derived ? [ind.derived.num, ind.derived.den] : []) {
        const from = file.indicators.find((x) => x.id === input);
        if (from?.kind !== 'count') {
          ctx.addIssue({
            code: 'custom',
            path: ['indicators', i, 'derived'],
            message: `${input} is not a count of the catalogue`,
          });
        }
      }
      if (ind.bands && ind.bands.critical !== ind.bands.warning) {
        const up = ind.direction === 'up';
        if (up ? ind.bands.critical > ind.bands.warning : ind.bands.critical < ind.bands.warning) {
          ctx.addIssue({
            code: 'custom',
            path: ['indicators', i, 'bands'],
            message: 'critical and warning are the wrong way round',
          });
        }
      }
    });
  });
export type Catalogue = z.infer<typeof CatalogueSchema>;

/*
 * The catalogue in force. One process serves one deployment, so the catalogue is installed once, when the server
 * has read the deployment or the screen has fetched it, before anything reads it; these bindings are live.
 */
export let indicators: readonly Indicator[] = [];
export let catalog: Readonly<Record<IndicatorId, Indicator>> = {};
/** The rates derived from a count, so that a change to the count can refresh them. */
export let derivedFrom: Readonly<Record<IndicatorId, readonly IndicatorId[]>> = {};

export function installCatalogue(list: readonly Indicator[]): void {
  indicators = list;
  catalog = Object.fromEntries(list.map((i) => [i.id, i]));
  const map: Record<IndicatorId, IndicatorId[]> = {};
  for (const ind of list) {
    if (!ind.derived) continue;
    for (const input of [ind.derived.num, ind.derived.den]) map[input] = [...(map[input] ?? []), ind.id];
  }
  derivedFrom = map;
}

export function isIndicatorId(id: string): id is IndicatorId {
  return Object.hasOwn(catalog, id);
}

/** An indicator of the catalogue in force. Ids are checked where they enter (ingest, the snapshot), so an unknown one here is a bug. */
export function indicatorOf(id: IndicatorId): Indicator {
  const indicator = catalog[id];
  if (!indicator) throw new Error(`no indicator ${id} in the catalogue`);
  return indicator;
}
