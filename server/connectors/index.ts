import type { Registry } from 'prom-client';
import type { ConnectorHealth } from '../../shared/connectors';
import type { RegionSet } from '../../shared/regions';
import type { Clock } from '../clock';
import { ConfigError } from '../config';
import type { Logger } from '../logger';
import type { Ingest } from '../sources/ingest';
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
import { type ConnectorStateStore, SqliteConnectorStateStore } from './stateStore';

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
  /** Where pulls keep their cursors; opened in `dataDir` by default, and only when there are pulls. */
  states?: () => ConnectorStateStore;
  dataDir: string;
}

/** The connectors' lifecycle, held by the composition root (in a cluster, only the leader runs it). */
export interface Connectors {
  start(): void;
  stop(): Promise<void>;
  list(): ConnectorHealth[];
}

interface Running {
  health: ConnectorHealthTracker;
  enabled: boolean;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Builds every connector of the connectors file: its mapping (checked against the live region set), its schedule or
 * subscription, its health. A connector that does not fit this deployment stops the server at start, naming the
 * file, the connector and the field. Observations go through `ingest.submitSoon`, the path of the ingest API.
 */
export function createConnectors(deps: ConnectorsDeps): Connectors {
  const { settings, clock, logger } = deps;
  const startedAt = clock.now();
  const problems: string[] = [];
  const built: Running[] = [];
  let states: ConnectorStateStore | null = null;
  const stateStore = () => {
    states ??= deps.states?.() ?? SqliteConnectorStateStore.inDataDir(deps.dataDir);
    return states;
  };
  const list = () => built.map((r) => r.health.snapshot(clock.now()));
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
      built.push({ health, enabled: false, start() {}, async stop() {} });
      continue;
    }
    const common = { mapper, ingest: deps.ingest, health, clock, logger };
    if (c.kind === 'mqtt') {
      try {
        const mqtt = mqttConnector({ ...common, config: c });
        built.push({ health, enabled: true, start: mqtt.start, stop: mqtt.stop });
      } catch (error) {
        problem('messageKey', (error as Error).message);
      }
      continue;
    }
    built.push(pullConnector(c, schedule as Schedule, { ...common, states: stateStore }));
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    start() {
      for (const r of built.filter((r) => r.enabled)) {
        deps.expectSource(r.health.source);
        r.start();
      }
    },
    async stop() {
      await Promise.all(built.map((r) => r.stop()));
      states?.close();
    },
    list,
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
    states: () => ConnectorStateStore;
  },
): Running {
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
          states: deps.states(),
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
    health,
    enabled: true,
    start: runs.start,
    async stop() {
      await runs.stop();
      await source?.close();
    },
  };
}
