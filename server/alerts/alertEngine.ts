import {
  type AlertSubject,
  belowTarget,
  compareAlerts,
  type DayValue,
  dailyDrop,
  nextAlert,
  nextDayValue,
  sourceSilent,
  subjectKey,
  type Verdict,
} from '../../shared/alerts';
import { catalog, type IndicatorId, type Targets } from '../../shared/catalog';
import type { Alert, Reading } from '../../shared/protocol';
import type { RegionSet } from '../../shared/regions';
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
  history: AlertHistory;
}

/** What acknowledging gives: every alert named (`changed`: those not acknowledged before), or the unknown ids. */
export type Acknowledgement = { ok: true; alerts: Alert[]; changed: Alert[] } | { ok: false; unknown: string[] };

/** Readings the server makes itself: they say nothing about whether a source is alive. */
const OWN_SOURCES = new Set(['derived', 'rollup', 'system']);

/**
 * Runs the alert rules of `shared/alerts` over the live state as it changes. Each batch costs O(its changes):
 * below target and daily drop are judged for the readings that changed, and a source is marked alive. `tick`,
 * run by a timer, finds silent sources and ends yesterday's drops. Every method takes the time as an argument.
 */
export class AlertEngine {
  private readonly active = new Map<string, Alert>();
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
      const figure = { region: r.region, indicator: r.indicator, source: null };
      const targets = this.deps.targets[r.indicator] ?? indicator;
      this.judge({ rule: 'below-target', ...figure }, now, out, (active) =>
        belowTarget(indicator, targets, r.value, active),
      );
      // Counts that start again every day fall to zero at midnight by design: no drop to judge.
      if (indicator.resets === 'daily') continue;
      const key = `${r.region}|${r.indicator}`;
      const dayValue = nextDayValue(this.days.get(key), r.value, day);
      this.days.set(key, dayValue);
      this.judge({ rule: 'daily-drop', ...figure }, now, out, (active) =>
        dailyDrop(indicator, dayValue.reference, r.value, this.deps.settings.dropShare, active),
      );
    }
    for (const source of sources) {
      this.lastSeen.set(source, now);
      this.judge({ rule: 'source-silent', region: null, indicator: null, source }, now, out, () => null);
    }
    return out;
  }

  /**
   * Judges the live state a restart finds in the database, so that standing shortfalls are alerts at once rather
   * than when each figure next changes: one still active from before the restart goes on as it was (same start,
   * same acknowledgement), one whose figure is back on target ends, one the history lacks starts now. Sources are
   * not marked alive, since none has sent anything yet, and a drop has no reference before the next day, as on a
   * first start.
   */
  restore(readings: readonly Reading[], now: number): Alert[] {
    const out: Alert[] = [];
    const day = this.deps.calendar.dayKey(now);
    for (const r of readings) {
      if (!this.deps.regions.isRegion(r.region)) continue;
      const indicator = catalog[r.indicator];
      if (!indicator?.listed) continue;
      const targets = this.deps.targets[r.indicator] ?? indicator;
      const subject = { rule: 'below-target' as const, region: r.region, indicator: r.indicator, source: null };
      this.judge(subject, now, out, (active) => belowTarget(indicator, targets, r.value, active));
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
      this.judge(subject, now, out, () => sourceSilent(lastSeen, now, silenceMs), lastSeen + silenceMs);
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
        this.judge(alert, now, out, () =>
          dailyDrop(indicator, dayValue.reference, dayValue.last, this.deps.settings.dropShare, true),
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

  /** The active alerts, the most pressing first. */
  activeAlerts(): Alert[] {
    return [...this.active.values()].sort(compareAlerts);
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
    else this.active.delete(key);
    this.deps.history.record(next);
    out.push(next);
  }
}
