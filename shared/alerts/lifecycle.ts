import type { Alert } from '../protocol/schemas';
import { ROLLUP_IDS } from '../regions/schema';
import type { AlertRule, Verdict } from './rules';

/** What an alert is about: a (region, indicator) for the figure rules, a source for silence. */
export interface AlertSubject {
  rule: AlertRule;
  region: string | null;
  indicator: Alert['indicator'];
  source: string | null;
}

/** One key per subject: at most one alert per subject is active at a time. */
export function subjectKey(s: AlertSubject): string {
  return `${s.rule}|${s.region ?? ''}|${s.indicator ?? ''}|${s.source ?? ''}`;
}

const RANK = { info: 0, warning: 1, critical: 2 } as const;

/**
 * The next state of a subject's alert given the rule's verdict, or null when nothing changed: a verdict with no
 * active alert raises one, no verdict ends the active one, and a change of severity updates it (a worse severity
 * asks for a new acknowledgement). `startedAt` defaults to `now`; a rule that knows when it became true (silence)
 * passes that instead.
 */
export function nextAlert(
  active: Alert | undefined,
  verdict: Verdict | null,
  subject: AlertSubject,
  now: number,
  startedAt = now,
): Alert | null {
  if (!active) {
    if (!verdict) return null;
    return {
      id: `${subjectKey(subject)}|${startedAt}`,
      ...subject,
      ...verdict,
      startedAt,
      endedAt: null,
      acknowledged: false,
    };
  }
  if (!verdict) return { ...active, endedAt: now };
  if (verdict.severity === active.severity) return null;
  const worse = RANK[verdict.severity] > RANK[active.severity];
  return { ...active, ...verdict, acknowledged: worse ? false : active.acknowledged };
}

const isRollup = (a: Alert) => (ROLLUP_IDS as readonly (string | null)[]).includes(a.region);

/**
 * Active alerts before ended ones, unacknowledged before acknowledged, then by severity; within a severity the
 * province and its groups before single units, then the newest first.
 */
export function compareAlerts(a: Alert, b: Alert): number {
  return (
    Number(a.endedAt !== null) - Number(b.endedAt !== null) ||
    Number(a.acknowledged) - Number(b.acknowledged) ||
    RANK[b.severity] - RANK[a.severity] ||
    Number(isRollup(b)) - Number(isRollup(a)) ||
    b.startedAt - a.startedAt
  );
}
