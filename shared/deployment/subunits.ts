import { z } from 'zod';
import { ReadingSchema } from '../protocol/schemas';
import { SubunitSchema } from '../regions/schema';

/**
 * `GET /api/v1/deployment/subunits/:code?v=<version>`: the sub-units of one unit (a province's communes). Kept out
 * of the deployment every screen loads, fetched by the one page that shows them; it changes only with the
 * deployment's version, so the answer for a `v` is cached for good.
 */
export const SubunitListSchema = z.object({
  parent: z.string(),
  version: z.string(),
  subunits: z.array(SubunitSchema),
});

/**
 * `GET /api/v1/units/:code/subunits/live[?indicators=a,b]`: the live readings of one unit's sub-units (on those
 * indicators only, when named), at the change stream's
 * position. Sub-units' readings never travel in the wall's snapshot or deltas; a unit's page asks again when the
 * unit's own figures (their roll-up) move.
 */
export const SubunitLiveSchema = z.object({
  parent: z.string(),
  epoch: z.string(),
  seq: z.number().int(),
  values: z.array(ReadingSchema),
});

export type SubunitList = z.infer<typeof SubunitListSchema>;
export type SubunitLive = z.infer<typeof SubunitLiveSchema>;

export const subunitListPath = (code: string, version: string) =>
  `/api/v1/deployment/subunits/${encodeURIComponent(code)}?v=${encodeURIComponent(version)}`;
export const subunitLivePath = (code: string, indicators?: readonly string[]) =>
  `/api/v1/units/${encodeURIComponent(code)}/subunits/live${indicators ? `?indicators=${indicators.map(encodeURIComponent).join(',')}` : ''}`;
