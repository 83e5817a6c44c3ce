import {
  type AlertRules,
  type AlertSubject,
  belowTarget,
  compareAlerts,
  type DayValue,
  dailyDrop,
  type FigureRule,
  grade,
  nextAlert,
  nextDayValue,
  type Severity,
  scopeOf,
  sourceSilent,
  subjectKey,
  type Verdict,
} from '../../shared/alerts';
import { catalog, type Indicator, type IndicatorId, type Targets } from '../../shared/catalog';
import type { Alert, Reading } from '../../shared/protocol';
import { type RegionSet, unitLevel } from '../../shared/regions';
import type { LocalCalendar } from '../../shared/time';
import type { AlertHistory } from './alertHistory';

export interface AlertSettings {
  /** The share of the previous day's value a figure may lose before it raises an alert (0.1 = 10 %). */
  dropShare: number;
  /** How long a source may send nothing before it raises an alert. */
  silenceMs: number;
}

export interface AlertEngineDeps {
  regions: RegionSet;
  calendar: LocalCalendar;
  targets: Record<IndicatorId, Targets>;
  settings: AlertSettings;
  /** Which figures raise alerts, and how severe (the deployment's alert rules). */
  rules: AlertRules;
  history: AlertHistory;
}

/** Where a figure stood when last judged: on target, or below it at a severity (raised or not). */
type Standing = Severity | 'ok';
const RANK = { ok: -1, info: 0, warning: 1, critical: 2 } as const;
/** The most recently ended alerts kept for the ticker, whatever the window. */
const RECENT_MAX = 200;

/** What acknowledging gives: every alert named (`changed`: those not acknowledged before), or the unknown ids. */
export type Acknowledgement = { ok: true; alerts: Alert[]; changed: Alert[] } | { ok: false; unknown: string[] };

/** Readings the server makes itself: they say nothing about whether a source is alive. */
const OWN_SOURCES = new Set(['derived', 'rollup', 'system']);

/**
 * Runs the alert rules of `shared/alerts` over the live state as it changes. Each batch costs O(its changes):
 * below target and daily drop are judged for the readings that changed, and a source is marked alive. `tick`,
 * run by a timer, finds silent sources and ends yesterday's drops. Every method takes the time as an argument.
 *
 * Alerts are events. A figure found below its target the first time it is seen (at start, or its first reading)
 * is a standing shortfall: the map, gauges and rankings show it, and it raises nothing. An alert is raised when a
 * figure gets worse than it stood (it crosses below its target, or into the critical band), and ends when it is
 * back on target.
 */
export class AlertEngine {
  private readonly active = new Map<string, Alert>();
  private readonly standing = new Map<string, Standing>();
  private recent: Alert[] = [];
  private readonly days = new Map<string, DayValue>();
  private readonly lastSeen = new Map<string, number>();
  private lastDay: string | null = null;

  constructor(private readonly deps: AlertEngineDeps) {
    // The alerts still active when the server last stopped, with their start and acknowledgement (a persistent
    // history); `restore` then judges them against the stored figures.
    for (const alert of deps.history.list({ state: 'active', limit: Number.MAX_SAFE_INTEGER })) {
      this.active.set(subjectKey(alert), alert);
    }
  }

  /** Judges one applied batch; returns the alerts it raised, changed or ended. */
  onBatch(changes: readonly Reading[], now: number): Alert[] {
    const out: Alert[] = [];
    const day = this.deps.calendar.dayKey(now);
    const sources = new Set<string>();
    for (const r of changes) {
      if (!OWN_SOURCES.has(r.source)) sources.add(r.source);
      if (!this.deps.regions.isRegion(r.region)) continue;
      // A stored figure of an indicator the catalogue no longer has is not judged.
      const indicator = catalog[r.indicator];
      if (!indicator?.listed) continue;
      this.judgeBelowTarget(r, indicator, now, out);
      // Counts that start again every day fall to zero at midnight by design: no drop to judge.
      if (indicator.resets === 'daily') continue;
      const key = `${r.region}|${r.indicator}`;
      const dayValue = nextDayValue(this.days.get(key), r.value, day);
      this.days.set(key, dayValue);
      const figure = { region: r.region, indicator: r.indicator, source: null };
      const rule = this.deps.rules.dailyDrop;
      this.judge({ rule: 'daily-drop', ...figure }, now, out, (active) =>
        this.graded(rule, r.region, r.indicator, () =>
          dailyDrop(indicator, dayValue.reference, r.value, this.deps.settings.dropShare, active),
        ),
      );
    }
    for (const source of sources) {
      this.lastSeen.set(source, now);
      this.judge({ rule: 'source-silent', region: null, indicator: null, source }, now, out, () => null);
    }
    return out;
  }

  /**
   * Judges the live state found at start, so that each figure's standing is known before it next changes: an
   * alert still active from before a restart goes on as it was (same start, same acknowledgement) or ends if its
   * figure is back on target; a figure below target with no alert is a standing shortfall and raises nothing.
   * Sources are not marked alive, since none has sent anything yet, and a drop has no reference before the next
   * day, as on a first start.
   */
  restore(readings: readonly Reading[], now: number): Alert[] {
    const out: Alert[] = [];
    const day = this.deps.calendar.dayKey(now);
    for (const r of readings) {
      if (!this.deps.regions.isRegion(r.region)) continue;
      const indicator = catalog[r.indicator];
      if (!indicator?.listed) continue;
      this.judgeBelowTarget(r, indicator, now, out);
      if (indicator.resets !== 'daily') {
        this.days.set(`${r.region}|${r.indicator}`, nextDayValue(undefined, r.value, day));
      }
    }
    return out;
  }

  /**
   * Watches a source that has sent nothing since the start (a configured connector): it raises "source silent" if
   * nothing comes from it within the allowed silence from `now`, as one that stopped sending would.
   */
  expect(source: string, now: number): void {
    if (!this.lastSeen.has(source)) this.lastSeen.set(source, now);
  }

  /** Finds the sources that went silent, and, on a new local day, judges active drops against the new day. */
  tick(now: number): Alert[] {
    const out: Alert[] = [];
    const { silenceMs } = this.deps.settings;
    for (const [source, lastSeen] of this.lastSeen) {
      const subject: AlertSubject = { rule: 'source-silent', region: null, indicator: null, source };
      const { severity } = this.deps.rules.sourceSilent;
      const verdict = () => {
        const found = severity === 'off' ? null : sourceSilent(lastSeen, now, silenceMs);
        return found && severity !== 'off' ? { ...found, severity } : null;
      };
      this.judge(subject, now, out, verdict, lastSeen + silenceMs);
    }
    const day = this.deps.calendar.dayKey(now);
    if (this.lastDay !== null && day !== this.lastDay) {
      for (const alert of [...this.active.values()]) {
        if (alert.rule !== 'daily-drop' || alert.region === null || alert.indicator === null) continue;
        const indicator = catalog[alert.indicator];
        if (!indicator) continue;
        const key = `${alert.region}|${alert.indicator}`;
        const prev = this.days.get(key);
        const dayValue = nextDayValue(prev, prev?.last ?? null, day);
        this.days.set(key, dayValue);
        const { region, indicator: id } = alert;
        this.judge(alert, now, out, () =>
          this.graded(this.deps.rules.dailyDrop, region, id, () =>
            dailyDrop(indicator, dayValue.reference, dayValue.last, this.deps.settings.dropShare, true),
          ),
        );
      }
    }
    this.lastDay = day;
    return out;
  }

  /**
   * Marks active alerts as seen by an operator, all or none: when an id names no active alert (unknown, or ended
   * since), nothing changes and those ids come back. A repeated id counts once.
   */
  acknowledge(ids: readonly string[]): Acknowledgement {
    const keyOf = new Map([...this.active].map(([key, alert]) => [alert.id, key]));
    const asked = [...new Set(ids)];
    const unknown = asked.filter((id) => !keyOf.has(id));
    if (unknown.length > 0) return { ok: false, unknown };
    const alerts: Alert[] = [];
    const changed: Alert[] = [];
    for (const id of asked) {
      const key = keyOf.get(id) as string;
      const alert = this.active.get(key) as Alert;
      if (alert.acknowledged) {
        alerts.push(alert);
        continue;
      }
      const next = { ...alert, acknowledged: true };
      this.active.set(key, next);
      this.deps.history.record(next);
      alerts.push(next);
      changed.push(next);
    }
    return { ok: true, alerts, changed };
  }

  /**
   * Marks as seen the active alerts on the same subjects, at the same severities, as alerts acknowledged on another
   * server (whose ids differ: each server dates the alerts it raises from the batches it applies). Answers the
   * alerts that changed; subjects not active here, or graver here, are left as they are.
   */
  acknowledgeLike(acknowledged: readonly Alert[]): Alert[] {
    const changed: Alert[] = [];
    for (const seen of acknowledged) {
      const key = subjectKey(seen);
      const alert = this.active.get(key);
      if (!alert || alert.acknowledged || alert.severity !== seen.severity) continue;
      const next = { ...alert, acknowledged: true };
      this.active.set(key, next);
      this.deps.history.record(next);
      changed.push(next);
    }
    return changed;
  }

  /** The active alerts, the most pressing first. */
  activeAlerts(): Alert[] {
    return [...this.active.values()].sort(compareAlerts);
  }

  /** The active alerts, then those that ended within `sinceMs` of `now`: what a screen's ticker may show. */
  recentAlerts(now: number, sinceMs: number): Alert[] {
    this.recent = this.recent.filter((a) => (a.endedAt ?? now) >= now - sinceMs);
    return [...this.activeAlerts(), ...this.recent];
  }

  /**
   * Below target, as a change: judged with the deployment's grading and scope, raised only when the figure stands
   * worse than it did when last judged (never on the first judgement), ended when back on target.
   */
  private judgeBelowTarget(r: Reading, indicator: Indicator, now: number, out: Alert[]): void {
    const subject: AlertSubject = { rule: 'below-target', region: r.region, indicator: r.indicator, source: null };
    const key = subjectKey(subject);
    const before = this.standing.get(key);
    const active = this.active.get(key);
    const verdict = this.graded(this.deps.rules.belowTarget, r.region, r.indicator, () =>
      belowTarget(indicator, this.deps.targets[r.indicator] ?? indicator, r.value, active !== undefined),
    );
    const stands = verdict?.severity ?? 'ok';
    this.standing.set(key, stands);
    const worse = before !== undefined && RANK[stands] > RANK[before];
    if (!active && !worse) return;
    this.judge(subject, now, out, () => verdict);
  }

  /** A rule's finding as the deployment grades it, or null when the rule is off there. */
  private graded(rule: FigureRule, region: string, indicator: IndicatorId, find: () => Verdict | null): Verdict | null {
    const unit = this.deps.regions.unit(region);
    const scope = scopeOf(region, unit && unitLevel(unit));
    if (scope === null || !rule.scope.includes(scope)) return null;
    const found = find();
    const severity = found && grade(rule, indicator, found.severity);
    return found && severity ? { ...found, severity } : null;
  }

  private judge(
    subject: AlertSubject,
    now: number,
    out: Alert[],
    verdict: (active: boolean) => Verdict | null,
    startedAt?: number,
  ): void {
    const key = subjectKey(subject);
    const current = this.active.get(key);
    const next = nextAlert(current, verdict(current !== undefined), subject, now, startedAt);
    if (!next) return;
    if (next.endedAt === null) this.active.set(key, next);
    else {
      this.active.delete(key);
      this.recent = [next, ...this.recent].slice(0, RECENT_MAX);
    }
    this.deps.history.record(next);
    out.push(next);
  }
}
