import type { Indicator, Targets } from './indicators';

export type Band = 'critical' | 'warning' | 'ok';

/** The band a value falls in, or null when the indicator has no bands or there is no value. */
export function bandOf(indicator: Pick<Indicator, 'direction'>, targets: Targets, value: number | null): Band | null {
  if (value === null || !targets.bands) return null;
  const { critical, warning } = targets.bands;
  if (indicator.direction === 'up') {
    if (value < critical) return 'critical';
    if (value < warning) return 'warning';
    return 'ok';
  }
  if (value > critical) return 'critical';
  if (value > warning) return 'warning';
  return 'ok';
}

/** Whether a value meets its target; null when there is no target or no value. */
export function meetsTarget(indicator: Pick<Indicator, 'direction'>, targets: Targets, value: number | null) {
  if (value === null || targets.target === null) return null;
  return indicator.direction === 'up' ? value >= targets.target : value <= targets.target;
}
