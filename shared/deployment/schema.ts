import { z } from 'zod';
import { CatalogueSchema, IndicatorSchema } from '../catalog/indicators';
import { BoardSchema, ServiceIndexPeriodsSchema } from '../project06/schema';
import { RegionSetSchema } from '../regions/schema';

const Localized = z.object({ vi: z.string().min(1), en: z.string().min(1) });

/**
 * `deployment.json`: what names the place. `labels` replace the screens' own wording for this deployment, by
 * message key and language (for example `app.subtitle`: "Đề án 06 · Tỉnh Nghệ An"), so no string names a province
 * in code.
 */
export const ManifestSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and hyphens'),
  name: Localized,
  /** Where the figures come from when the simulator plays them, and whether the units are an official register. */
  provenance: z.string().min(1),
  labels: z.object({ vi: z.record(z.string(), z.string()), en: z.record(z.string(), z.string()) }),
});

/** Boundaries as a GeoJSON file of the folder, its features keyed by unit `code` in their properties. */
export const BoundariesDrawingSchema = z.strictObject({
  kind: z.literal('boundaries'),
  file: z.string().regex(/^[\w.-]+\.geojson$/, 'a .geojson file name in the deployment folder'),
  /** The latitude the map is drawn at, so east-west distances keep their proportion. */
  latitude: z.number().min(-90).max(90),
  /** Units that crowd together at this scale: the map names them in an inset, larger. */
  inset: z.array(z.string().min(1)).default([]),
  attribution: Localized,
});

/**
 * One equal tile per unit where no open boundaries exist: each group's units fill a block of `cols` tiles from
 * (`col`, `row`), in the order of the region set, and the blocks sit roughly where the groups lie.
 */
export const TilesDrawingSchema = z.strictObject({
  kind: z.literal('tiles'),
  groups: z
    .array(
      z.strictObject({
        group: z.string().min(1),
        col: z.number().int().min(0),
        row: z.number().int().min(0),
        cols: z.number().int().min(1),
      }),
    )
    .min(1),
});

export const DrawingSchema = z.discriminatedUnion('kind', [BoundariesDrawingSchema, TilesDrawingSchema]);

/** The files of a deployment folder, each with the schema it must pass. */
export const DEPLOYMENT_FILES = {
  manifest: { file: 'deployment.json', schema: ManifestSchema },
  regions: { file: 'regions.json', schema: RegionSetSchema },
  drawing: { file: 'drawing.json', schema: DrawingSchema },
  catalogue: { file: 'indicators.json', schema: CatalogueSchema },
  board: { file: 'board.json', schema: BoardSchema },
  serviceIndexPeriods: { file: 'service-index-periods.json', schema: ServiceIndexPeriodsSchema },
} as const;

/**
 * What the server serves screens (`GET /api/v1/deployment`): everything but the geometry, which a map fetches on
 * its own. `version` changes with any of it; `regionSetHash` only with the units' codes.
 */
export const DeploymentSchema = z.object({
  id: z.string(),
  version: z.string().min(1),
  regionSetHash: z.string().min(1),
  name: Localized,
  provenance: z.string(),
  labels: ManifestSchema.shape.labels,
  /** The region set without its sub-units, which a unit's page fetches on its own (`subunitListPath`). */
  regions: RegionSetSchema,
  /** How many sub-units each unit that has them has, by unit code. */
  subunitCounts: z.record(z.string(), z.number().int().positive()),
  drawing: DrawingSchema,
  indicators: z.array(IndicatorSchema),
  board: BoardSchema,
  serviceIndexPeriods: ServiceIndexPeriodsSchema,
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type Drawing = z.infer<typeof DrawingSchema>;
export type TilesDrawing = z.infer<typeof TilesDrawingSchema>;
export type BoundariesDrawing = z.infer<typeof BoundariesDrawingSchema>;
export type Deployment = z.infer<typeof DeploymentSchema>;
