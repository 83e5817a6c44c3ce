import { z } from 'zod';
import { type IndicatorId, indicatorOf, indicators, isIndicatorId, type Targets } from './indicators';

const Threshold = z.number().finite();

/**
 * A deployment's own targets and bands, per indicator (the `TARGETS_FILE` configuration), for example
 * `{ "online-record-rate": { "target": 45 }, "eid-activation-rate": { "bands": { "critical": 75, "warning": 85 } } }`.
 * `null` removes a target or the bands.
 */
export const TargetOverridesSchema = z.record(
  z.string().refine(isIndicatorId, 'not an indicator of the catalogue'),
  z.strictObject({
    target: Threshold.nullable().optional(),
    bands: z.strictObject({ critical: Threshold, warning: Threshold }).nullable().optional(),
  }),
);
export type TargetOverrides = z.infer<typeof TargetOverridesSchema>;

/**
 * The targets in force: the catalogue's (all of them when there are no overrides), with a deployment's overrides on top. A new target without new bands
 * moves the warning band with it (the catalogue's bands warn below the target). Throws, naming the indicator, when
 * the bands would be the wrong way round for the indicator's direction.
 */
export function resolveTargets(overrides: TargetOverrides = {}): Record<IndicatorId, Targets> {
  const targets = Object.fromEntries(indicators.map((i) => [i.id, { target: i.target, bands: i.bands }])) as Record<
    IndicatorId,
    Targets
  >;
  for (const [id, override] of Object.entries(overrides) as [
    IndicatorId,
    NonNullable<TargetOverrides[IndicatorId]>,
  ][]) {
    const current = targets[id] ?? { target: null, bands: null };
    const target = override.target === undefined ? current.target : override.target;
    let bands = override.bands === undefined ? current.bands : override.bands;
    if (override.bands === undefined && override.target !== undefined && bands && target !== null) {
      const up = indicatorOf(id).direction === 'up';
      bands = { critical: up ? Math.min(bands.critical, target) : Math.max(bands.critical, target), warning: target };
    }
    if (bands) {
      const up = indicatorOf(id).direction === 'up';
      if (up ? bands.critical > bands.warning : bands.critical < bands.warning) {
        throw new Error(
          `${id}: the critical band (${bands.critical}) must be ${up ? 'at or below' : 'at or above'} the warning band (${bands.warning})`,
        );
      }
    }
    targets[id] = { target, bands };
  }
  return targets;
}
