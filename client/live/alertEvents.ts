import type { IndicatorId } from '../../shared/catalog';
import type { Alert } from '../../shared/protocol';

/** What changed: a figure fell below its target (or into its critical band), came back on it, dropped, a source went silent. */
export type AlertEventKind = 'below' | 'back' | 'drop' | 'silent';

/** Changes of one kind on one indicator, told as one line of the ticker: "3 huyện xuống dưới chỉ tiêu ...". */
export interface AlertEvent {
  key: string;
  kind: AlertEventKind;
  /** `ok` for a figure back on target. */
  severity: 'critical' | 'warning' | 'ok';
  indicator: IndicatorId | null;
  /** The alerts the line tells of, the newest first. */
  alerts: Alert[];
  /** When the newest of them changed. */
  at: number;
}

/** The ticker's window when the server does not say (`Snapshot.alertTickerMin`). */
export const DEFAULT_TICKER_MIN = 30;

/** When an alert last changed in a way the ticker tells, and as what; null when it tells nothing of it. */
function change(a: Alert): { kind: AlertEventKind; at: number; severity: AlertEvent['severity'] } | null {
  if (a.endedAt !== null) return a.rule === 'below-target' ? { kind: 'back', at: a.endedAt, severity: 'ok' } : null;
  if (a.acknowledged) return null;
  const severity = a.severity === 'critical' ? 'critical' : 'warning';
  if (a.rule === 'below-target') return { kind: 'below', at: a.startedAt, severity };
  if (a.rule === 'daily-drop') return { kind: 'drop', at: a.startedAt, severity };
  return { kind: 'silent', at: a.startedAt, severity };
}

/**
 * The ticker's lines: the changes of the last `windowMs` before `now` (a silent source for as long as it is
 * silent), grouped by kind, severity and indicator, the newest line first. Acknowledged alerts are left out: an
 * operator has taken them in hand. A standing shortfall raised no alert (see the server's alert engine), so it is
 * never here: the map, the gauges and the rankings show it.
 */
export function alertEvents(alerts: Iterable<Alert>, now: number, windowMs: number): AlertEvent[] {
  const groups = new Map<string, AlertEvent>();
  for (const a of alerts) {
    const c = change(a);
    if (!c || (c.kind !== 'silent' && c.at < now - windowMs)) continue;
    const key = `${c.kind}|${c.severity}|${a.indicator ?? ''}`;
    const group = groups.get(key);
    if (group) {
      group.alerts.push(a);
      group.at = Math.max(group.at, c.at);
    } else {
      groups.set(key, { key, kind: c.kind, severity: c.severity, indicator: a.indicator, alerts: [a], at: c.at });
    }
  }
  const at = (a: Alert) => a.endedAt ?? a.startedAt;
  const events = [...groups.values()];
  for (const e of events) e.alerts.sort((a, b) => at(b) - at(a) || (a.id < b.id ? -1 : 1));
  return events.sort((a, b) => b.at - a.at || (a.key < b.key ? -1 : 1));
}
