import { bandOf, type Indicator, type Targets } from '../catalog';
import type { Alert } from '../protocol/schemas';

export type Severity = Alert['severity'];
export type AlertRule = Alert['rule'];

/** What a rule says about one subject right now: null when all is well, else how bad and against what. */
export interface Verdict {
  severity: Severity;
  /** The figure that broke the rule, when there is one. */
  value: number | null;
  /** What it was compared with: the target, the previous day's value, or the silence allowed in seconds. */
  threshold: number | null;
}

/**
 * How far past its threshold a figure must come back before an active alert ends, in the indicator's unit (a
 * tenth of a percentage point, or of an index point). Without it, a unit hovering at its target would raise and
 * end an alert with every record.
 */
export const CLEAR_MARGIN = 0.1;
/** A daily-drop alert ends once the drop is back under this share of the allowed drop. */
export const DROP_CLEAR_RATIO = 0.9;

/**
 * Below target: a unit or roll-up whose value misses its target. Critical when the value is in the critical band,
 * a warning otherwise. An active alert ends only once the value clears the target by `CLEAR_MARGIN`.
 */
export function belowTarget(
  indicator: Pick<Indicator, 'direction'>,
  targets: Targets,
  value: number | null,
  active: boolean,
): Verdict | null {
  if (value === null || targets.target === null) return null;
  const ahead = indicator.direction === 'up' ? value - targets.target : targets.target - value;
  if (ahead >= (active ? CLEAR_MARGIN : 0)) return null;
  const severity = bandOf(indicator, targets, value) === 'critical' ? 'critical' : 'warning';
  return { severity, value, threshold: targets.target };
}

/**
 * A drop against the previous day: the value fell by more than `share` (0.1 = 10 %) of the value the day started
 * with. Critical when it fell by more than twice that share. No reference (the first day a figure is seen), or a
 * reference of zero, raises nothing.
 */
export function dailyDrop(
  indicator: Pick<Indicator, 'direction'>,
  reference: number | null,
  value: number | null,
  share: number,
  active: boolean,
): Verdict | null {
  if (reference === null || value === null || reference <= 0) return null;
  const change = (value - reference) / reference;
  const drop = indicator.direction === 'up' ? -change : change;
  if (drop <= (active ? share * DROP_CLEAR_RATIO : share)) return null;
  return { severity: drop > 2 * share ? 'critical' : 'warning', value, threshold: reference };
}

/**
 * A silent source: nothing arrived from it for longer than `silenceMs`. Always critical: every figure the source
 * feeds is ageing on the wall.
 */
export function sourceSilent(lastSeenAt: number, now: number, silenceMs: number): Verdict | null {
  if (now - lastSeenAt <= silenceMs) return null;
  return { severity: 'critical', value: null, threshold: Math.round(silenceMs / 1000) };
}
