import type { Registry } from 'prom-client';
import type { ConnectorHealth } from '../../shared/connectors';
import type { RegionSet } from '../../shared/regions';
import type { Clock } from '../clock';
import { ConfigError } from '../config';
import type { Logger } from '../logger';
import type { Ingest } from '../sources/ingest';
import type { ConnectorStore } from '../store/types';
import type { ConnectorsSettings, ResolvedConnector } from './connectorsFile';
import { ConnectorHealthTracker } from './health';
import { httpSource } from './httpSource';
import { MappingSetupError, makeMapper } from './mapping';
import { connectorMetrics } from './metrics';
import { mqttConnector } from './mqttConnector';
import { mysqlSource } from './mysqlSource';
import { postgresSource } from './postgresSource';
import { type PullSource, runPull } from './pullConnector';
import { loop, makeSchedule, type Schedule } from './schedule';

export { connectorRoutes } from './routes';

export interface ConnectorsDeps {
  settings: ConnectorsSettings;
  ingest: Pick<Ingest, 'submitSoon'>;
  /** The live region set: unit codes in the units tables are checked against it. */
  regions: Pick<RegionSet, 'isUnit'>;
  clock: Clock;
  logger: Logger;
  registry: Registry;
  timeZone: string;
  /** A connector counts as stale after this long without new data, unless it sets `staleAfter`. */
  silenceMs: number;
  /** Tells the alerts to expect a source, so that one failing from the start still raises "source silent". */
  expectSource: (source: string) => void;
  /** Where cursors and health live: the wall's store (in a cluster, PostgreSQL, shared by every server). */
  store: ConnectorStore;
}

/**
 * The connectors' lifecycle: a once-only job (`start`, `stop`, again after a stop), run by the server alone or, in
 * a cluster, by the writer. `list` answers on every server: from the running connectors, or from the store.
 */
export interface Connectors {
  start(): Promise<void>;
  stop(): Promise<void>;
  list(): Promise<ConnectorHealth[]>;
}

interface Built {
  id: string;
  health: ConnectorHealthTracker;
  /** A fresh runner for each start; null for a disabled connector. */
  runner: (() => Runner) | null;
}

interface Runner {
  start(): void;
  stop(): Promise<void>;
}

/** How often the running connectors' health is saved to the store (when it changed). */
const HEALTH_SAVE_MS = 1000;

/**
 * Builds every connector of the connectors file: its mapping (checked against the live region set), its schedule or
 * subscription, its health. A connector that does not fit this deployment stops the server at start, naming the
 * file, the connector and the field. Observations go through `ingest.submitSoon`, the path of the ingest API.
 */
export function createConnectors(deps: ConnectorsDeps): Connectors {
  const { settings, clock, logger, store } = deps;
  const startedAt = clock.now();
  const problems: string[] = [];
  const built: Built[] = [];
  let running: { runners: Runner[]; saver: HealthSaver } | null = null;
  const snapshots = () => built.map((b) => b.health.snapshot(clock.now()));
  const list = async () => {
    if (running || built.length === 0) return snapshots();
    // Another server runs the connectors (or none does yet): their health as last saved.
    const saved = await store.health();
    for (const b of built) {
      const health = saved.get(b.id);
      if (health) b.health.restore(health, true);
    }
    return snapshots();
  };
  const listener = connectorMetrics(deps.registry, list);

  for (const [index, c] of settings.connectors.entries()) {
    const problem = (field: string, message: string) =>
      problems.push(
        `CONNECTORS_FILE ${settings.file}: connector "${c.id}" (connectors[${index}]): ${field}: ${message}`,
      );
    let mapper: ReturnType<typeof makeMapper>;
    try {
      mapper = makeMapper(c.mapping, deps.regions);
    } catch (error) {
      problem(`mapping.${error instanceof MappingSetupError ? error.field : 'expression'}`, (error as Error).message);
      continue;
    }
    let schedule: Schedule | null = null;
    if (c.kind !== 'mqtt') {
      try {
        schedule = makeSchedule(c.schedule, deps.timeZone);
      } catch (error) {
        problem('schedule.cron', (error as Error).message);
        continue;
      }
    }
    const health = new ConnectorHealthTracker(
      {
        id: c.id,
        kind: c.kind,
        source: c.source,
        schedule: c.kind === 'mqtt' ? { topics: c.topics } : (schedule as Schedule).when,
        enabled: c.enabled,
        staleAfterMs: c.staleAfter ?? deps.silenceMs,
        startedAt,
      },
      listener,
    );
    if (!c.enabled) {
      built.push({ id: c.id, health, runner: null });
      continue;
    }
    const common = { mapper, ingest: deps.ingest, health, clock, logger };
    if (c.kind === 'mqtt') {
      const runner = () => mqttConnector({ ...common, config: c });
      try {
        runner();
        built.push({ id: c.id, health, runner });
      } catch (error) {
        problem('messageKey', (error as Error).message);
      }
      continue;
    }
    built.push({
      id: c.id,
      health,
      runner: () => pullConnector(c, schedule as Schedule, { ...common, states: store }),
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    async start() {
      // Without connectors the store is never asked: no connectors.sqlite appears beside an embedded wall.
      if (running || built.length === 0) return;
      // A new writer carries on the counts and times its predecessor saved.
      const saved = await store.health().catch(() => new Map<string, ConnectorHealth>());
      for (const b of built) {
        const health = saved.get(b.id);
        if (health) b.health.restore(health, false);
      }
      const runners: Runner[] = [];
      for (const b of built) {
        if (!b.runner) continue;
        deps.expectSource(b.health.source);
        const runner = b.runner();
        runner.start();
        runners.push(runner);
      }
      running = { runners, saver: saveHealth(built, store, logger, clock) };
    },
    async stop() {
      const was = running;
      running = null;
      if (!was) return;
      await Promise.all(was.runners.map((r) => r.stop()));
      await was.saver.stop();
    },
    list,
  };
}

interface HealthSaver {
  stop(): Promise<void>;
}

/**
 * Saves each connector's health to the store every second, when it changed, and once more at a stop: what every
 * server of a cluster answers from, and what the next writer carries on. A save that fails (this server lost the
 * lease, the database is away) is tried again on the next tick.
 */
function saveHealth(built: readonly Built[], store: ConnectorStore, logger: Logger, clock: Clock): HealthSaver {
  const saved = new Map<string, string>();
  const save = async () => {
    for (const b of built) {
      const mark = `${b.health.changes}:${b.health.nextRunAt}`;
      if (saved.get(b.id) === mark) continue;
      try {
        await store.saveHealth(b.health.snapshot(clock.now()));
        saved.set(b.id, mark);
      } catch (error) {
        logger.debug({ connector: b.id, err: error }, 'connector health not saved');
        return;
      }
    }
  };
  let saving = save();
  const timer = setInterval(() => {
    saving = saving.then(save);
  }, HEALTH_SAVE_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      saving = saving.then(save);
      await saving;
    },
  };
}

/** The source a pull connector reads: an HTTP API, PostgreSQL, or MySQL and MariaDB. */
function sourceOf(c: Extract<ResolvedConnector, { kind: 'http' | 'sql' }>, logger: Logger): PullSource {
  if (c.kind === 'http') return httpSource(c);
  const { database } = c;
  return database.driver === 'postgres' ? postgresSource({ ...c, database }, logger) : mysqlSource({ ...c, database });
}

function pullConnector(
  c: Extract<ResolvedConnector, { kind: 'http' | 'sql' }>,
  schedule: Schedule,
  deps: Pick<ConnectorsDeps, 'ingest' | 'clock' | 'logger'> & {
    mapper: ReturnType<typeof makeMapper>;
    health: ConnectorHealthTracker;
    states: ConnectorStore;
  },
): Runner {
  const { health, logger } = deps;
  let source: PullSource | null = null;
  const initialSince = c.since ? new Date(c.since.initial).getTime() : null;
  const runs = loop(
    (signal) => {
      source ??= sourceOf(c, logger);
      const run = runPull(
        {
          ...deps,
          id: c.id,
          source: c.source,
          pull: source,
          states: deps.states,
          retries: c.retries,
          backoffMs: c.backoff,
          initialSince,
        },
        signal,
      );
      return run.catch((error: unknown) => logger.error({ connector: c.id, err: error }, 'connector run failed'));
    },
    schedule,
    (at) => {
      health.nextRunAt = at;
    },
  );
  return {
    start: runs.start,
    async stop() {
      await runs.stop();
      await source?.close();
    },
  };
}
