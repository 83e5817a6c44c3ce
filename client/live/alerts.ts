import { compareAlerts } from '../../shared/alerts';
import type { Alert } from '../../shared/protocol';
import type { Wall } from './createWall';

/**
 * An alert that asks for attention now: not yet acknowledged, and critical, or an event (a drop, a silent source)
 * rather than a unit that stays under its target, which the bands already show on every view.
 */
export function isPressing(alert: Alert): boolean {
  return !alert.acknowledged && (alert.severity === 'critical' || alert.rule !== 'below-target');
}

/** The active alerts, the most pressing first. */
export function activeAlerts(wall: Wall): Alert[] {
  return Object.values(wall.state.alerts)
    .filter((a) => a.endedAt === null)
    .sort(compareAlerts);
}

/** The regions with a pressing alert, for the map and the grid to highlight. */
export function pressingRegions(alerts: readonly Alert[]): Set<string> {
  return new Set(alerts.filter((a) => isPressing(a) && a.region !== null).map((a) => a.region as string));
}
