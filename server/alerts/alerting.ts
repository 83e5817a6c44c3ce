import { type AlertRules, DEFAULT_ALERT_RULES } from '../../shared/alerts';
import type { IndicatorId, Targets } from '../../shared/catalog';
import type { Alert, Reading } from '../../shared/protocol';
import type { RegionSet } from '../../shared/regions';
import type { LocalCalendar } from '../../shared/time';
import type { Clock } from '../clock';
import { type Acknowledgement, AlertEngine, type AlertSettings } from './alertEngine';
import { type AlertHistory, type AlertState, MemoryAlertHistory } from './alertHistory';

export interface AlertingDeps {
  regions: RegionSet;
  calendar: LocalCalendar;
  clock: Clock;
  targets: Record<IndicatorId, Targets>;
  settings: AlertSettings & { history: number };
  /** Which figures raise alerts, and how severe; the shipped defaults when not given. */
  rules?: AlertRules;
  /** Where alerts are kept; bounded memory by default. */
  history?: AlertHistory;
}

export interface Alerting {
  /** Judges an applied batch; the alerts it returns travel in the same delta as the batch's changes. */
  onBatch(changes: readonly Reading[]): Alert[];
  /** Judges the live state found at start (after a restart), before any screen connects. */
  restore(readings: readonly Reading[]): void;
  active(): Alert[];
  /** The active alerts and those ended within the ticker's window: what a screen starts from. */
  recent(): Alert[];
  /** How long a change stays on the ticker, in minutes. */
  readonly tickerMinutes: number;
  list(query: { state: AlertState; limit: number }): Alert[];
  /**
   * Marks active alerts as seen, all or none (see `AlertEngine.acknowledge`), and tells the screens of those that
   * changed. Operators do this; the endpoint belongs with operator authentication.
   */
  acknowledge(ids: readonly string[]): Acknowledgement;
  /** Acknowledges here what an operator acknowledged on another server, and tells the screens of what changed. */
  acknowledgeLike(acknowledged: readonly Alert[]): Alert[];
  /** Expects a source from now on (a connector at start): silent if nothing comes from it in time. */
  expectSource(source: string): void;
  /**
   * Where alerts that change outside a batch (silence, a new day, an acknowledgement) go to reach the screens:
   * the pipeline, built after the engine, subscribes here. Changes before a subscriber exist go nowhere.
   */
  onPublish(publish: (alerts: Alert[]) => void): void;
  /** Starts the timer that watches for silent sources and the day's change. */
  start(): { stop(): void };
}

/** The alert engine with its history and its timer: what the composition root wires to ingest and the screens. */
export function createAlerting(deps: AlertingDeps): Alerting {
  const history = deps.history ?? new MemoryAlertHistory(deps.settings.history);
  const rules = deps.rules ?? DEFAULT_ALERT_RULES;
  const engine = new AlertEngine({ ...deps, rules, history });
  // Often enough to raise a silence alert within a quarter of the allowed silence, at most every 30 s.
  const intervalMs = Math.min(30_000, Math.max(100, deps.settings.silenceMs / 4));
  let publish: (alerts: Alert[]) => void = () => {};
  return {
    onPublish(to) {
      publish = to;
    },
    onBatch: (changes) => engine.onBatch(changes, deps.clock.now()),
    restore: (readings) => {
      engine.restore(readings, deps.clock.now());
    },
    active: () => engine.activeAlerts(),
    recent: () => engine.recentAlerts(deps.clock.now(), rules.tickerMinutes * 60_000),
    tickerMinutes: rules.tickerMinutes,
    expectSource: (source) => engine.expect(source, deps.clock.now()),
    list: (query) => (query.state === 'active' ? engine.activeAlerts().slice(0, query.limit) : history.list(query)),
    acknowledge(ids) {
      const outcome = engine.acknowledge(ids);
      if (outcome.ok && outcome.changed.length > 0) publish(outcome.changed);
      return outcome;
    },
    acknowledgeLike(acknowledged) {
      const changed = engine.acknowledgeLike(acknowledged);
      if (changed.length > 0) publish(changed);
      return changed;
    },
    start() {
      engine.tick(deps.clock.now());
      const timer = setInterval(() => {
        const alerts = engine.tick(deps.clock.now());
        if (alerts.length > 0) publish(alerts);
      }, intervalMs);
      timer.unref();
      return { stop: () => clearInterval(timer) };
    },
  };
}
