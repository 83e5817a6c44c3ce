import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { Server } from 'socket.io';
import { regionSet as defaultRegionSet, type RegionSet } from '../shared/regions';
import { makeLocalCalendar } from '../shared/time';
import { type Alerting, createAlerting } from './alerts/alerting';
import { SqliteAlertHistory } from './alerts/sqliteAlertHistory';
import { type Clock, systemClock } from './clock';
import type { Config } from './config';
import { type Connectors, connectorRoutes, createConnectors } from './connectors';
import { type Control, createControl } from './control';
import { alertRoutes } from './http/alertRoutes';
import { apiErrorHandler, apiNotFound } from './http/apiErrors';
import { apiRoutes } from './http/apiRoutes';
import { dataRoutes } from './http/dataRoutes';
import { ingestRoutes } from './http/ingestRoutes';
import { kioskRoutes } from './http/kioskRoutes';
import { createMetrics, type WallMetrics } from './http/metrics';
import { securityHeaders } from './http/security';
import { staticClient } from './http/staticClient';
import type { Logger } from './logger';
import { readyLine } from './readyLine';
import { DeltaBroadcaster } from './realtime/deltaBroadcaster';
import { HEARTBEAT } from './realtime/heartbeat';
import { registerWallNamespace } from './realtime/wallNamespace';
import { startDayRollover } from './sources/dayRollover';
import { Ingest } from './sources/ingest';
import { startSimulator } from './sources/simulatorSource';
import { DeltaLog } from './state/deltaLog';
import { LiveState } from './state/liveState';
import { buildSnapshot, type SnapshotMeta } from './state/snapshot';
import { startRetention } from './state/store/retention';
import { Store } from './state/store/store';

/** The source name of the seqs that alerts take between batches. */
const ALERTS_SOURCE = 'alerts';
/** How long a stop waits for requests in progress before it cuts their connections. */
const SHUTDOWN_GRACE_MS = 3_000;

export interface AppDeps {
  config: Config;
  logger: Logger;
  clock?: Clock;
  regions?: RegionSet;
  /** The id of the client build being served; screens running another build reload. */
  buildId?: string;
  /** The database; by default the SQLite file in `config.dataDir`. The app closes it. */
  store?: Store;
}

export interface App {
  readonly http: HttpServer;
  readonly io: Server;
  readonly state: LiveState;
  readonly ingest: Ingest;
  readonly broadcaster: DeltaBroadcaster;
  readonly alerts: Alerting;
  readonly store: Store;
  readonly metrics: WallMetrics;
  /** Accounts, displays, commands and audit. */
  readonly control: Control;
  /** Pull and subscribe connectors: started with `listen`, stopped with `close`. */
  readonly connectors: Connectors;
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

/**
 * The composition root: builds every part of the server from its dependencies. `main.ts` passes the real ones;
 * tests pass a fixed clock, a port of 0 and the simulator switched off.
 */
export function createApp(deps: AppDeps): App {
  const { config, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const regions = deps.regions ?? defaultRegionSet;
  const calendar = makeLocalCalendar(config.timeZone);
  const startedAt = clock.now();

  // The live state starts from what the database holds: the same epoch, seq and readings as before a restart.
  const store = deps.store ?? new Store({ dataDir: config.dataDir, synchronous: config.storage.synchronous });
  const state = new LiveState({ regions, calendar, ...store.load() });
  const log = new DeltaLog(config.realtime.deltaBuffer, state.seq);
  const meta: SnapshotMeta = {
    buildId: deps.buildId ?? 'dev',
    regionSet: regions.data.id,
    timeZone: config.timeZone,
    defaultLang: config.defaultLang,
    simulated: config.simulator.enabled,
    targets: config.targets,
  };
  const alertHistory = new SqliteAlertHistory(store.db, config.alerts.history, (err) =>
    logger.error({ err }, 'alert history not stored; kept in memory until the database takes writes again'),
  );
  const alerts = createAlerting({
    history: alertHistory,
    regions,
    calendar,
    clock,
    targets: config.targets,
    settings: config.alerts,
    rules: config.alertRules,
    // Alerts that change outside a batch take a seq of their own, so that screens and resyncs see them in order.
    // Stored like a batch, so that a restart continues after it; without storage they ride on the next delta.
    publish: (changed) => broadcaster.enqueue(ingest.advance(ALERTS_SOURCE) ?? state.seq, [], changed),
  });
  alerts.restore(state.readings());
  const snapshot = () =>
    buildSnapshot(state, { ...meta, alertTickerMin: alerts.tickerMinutes }, alerts.recent(), clock.now());

  const control = createControl({
    config: config.access,
    db: store.db,
    clock,
    regions,
    timeZone: config.timeZone,
    playlistIds: () => config.kiosk.playlists.map((p) => p.id),
    live: () => ({ epoch: state.epoch, seq: state.seq }),
    alerts: { acknowledge: (id) => alerts.acknowledge(id) },
    logger,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.access.trustProxy);
  // Every answer of the API is live data sent with no-store: an ETag would only cost a hash of each body.
  app.set('etag', false);

  const http = createServer(app);
  const io = new Server(http, {
    serveClient: false,
    cors: { origin: false },
    allowRequest: control.allowRequest,
    ...HEARTBEAT,
  });
  const wall = registerWallNamespace(io, {
    log,
    epoch: () => state.epoch,
    seq: () => state.seq,
    snapshot,
    logger,
  });
  control.attach(io, wall);
  const broadcaster = new DeltaBroadcaster({
    epoch: state.epoch,
    log,
    clock,
    intervalMs: config.realtime.deltaIntervalMs,
    emit: (delta) => {
      wall.emit('delta', delta);
      metrics.delta(delta);
    },
  });
  const metrics = createMetrics({ screens: () => wall.sockets.size, databaseBytes: () => store.sizeBytes() });
  const ingest = new Ingest({
    state,
    regions,
    clock,
    store,
    logger,
    metrics,
    onApplied: (seq, changes) => broadcaster.enqueue(seq, changes, alerts.onBatch(changes)),
  });

  const connectors = createConnectors({
    settings: config.connectors,
    ingest,
    regions,
    clock,
    logger,
    registry: metrics.registry,
    timeZone: config.timeZone,
    silenceMs: config.alerts.silenceMs,
    expectSource: (source) => alerts.expectSource(source),
    dataDir: config.dataDir,
  });

  // Access logs are info lines. Below that level pino-http would still bind every request to a child logger (it
  // serialises the request up front), which costs more than storing a small ingest batch.
  if (logger.isLevelEnabled('info')) {
    app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  }
  app.use(securityHeaders());
  // Source systems first: the busiest path does not walk through the routers of the console and the screens,
  // none of which it needs (a source authenticates with its own token, never with a session).
  app.use(ingestRoutes({ ingest, config: config.ingest, metrics, allowedOrigins: config.access.allowedOrigins }));
  app.use(control.routes);
  app.use(connectorRoutes(connectors));
  app.use(
    apiRoutes({
      regions,
      meta,
      snapshot,
      health: () => ({ epoch: state.epoch, seq: state.seq }),
      startedAt,
      now: () => clock.now(),
    }),
  );
  app.use(kioskRoutes({ kiosk: config.kiosk, logger }));
  app.use(alertRoutes(alerts));
  app.use(staticClient(config.clientDir));
  // History and metrics out, behind the live-data gate of `control.routes`; then JSON errors for every API path.
  app.use(dataRoutes({ store, metrics, regions, calendar, clock }));
  app.use(apiNotFound(), apiErrorHandler(logger));

  const stoppers: { stop(): void }[] = [];
  let retention: { stop(): Promise<void> } | null = null;
  return {
    http,
    io,
    state,
    ingest,
    broadcaster,
    alerts,
    store,
    metrics,
    control,
    connectors,
    async listen() {
      retention = startRetention(store, clock, config.storage, logger);
      if (config.simulator.enabled) {
        stoppers.push(startSimulator({ ingest, state, regions, calendar, clock, logger, ...config.simulator }));
      }
      stoppers.push(alerts.start());
      stoppers.push(startDayRollover({ ingest, readings: () => state.readings(), regions, calendar, clock, logger }));
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.port, config.host, () => resolve());
      });
      connectors.start();
      const address = http.address() as AddressInfo;
      const { message, ...where } = readyLine(address, control.access.accounts.count() > 0);
      logger.info({ host: address.address, port: address.port, epoch: state.epoch, ...where }, message);
      return address;
    },
    async close() {
      for (const s of stoppers) s.stop();
      await connectors.stop();
      broadcaster.close();
      // Closing socket.io closes the HTTP server too, which waits for every connection: idle ones close at once,
      // and one still busy after the grace period (a client that stopped sending or reading) is cut, so that a
      // stop always ends.
      const cut = setTimeout(() => {
        logger.warn('shutdown: cutting the connections still open');
        http.closeAllConnections();
      }, SHUTDOWN_GRACE_MS);
      try {
        await new Promise<void>((resolve) => io.close(() => resolve()));
        control.close();
        if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
      } finally {
        clearTimeout(cut);
      }
      await retention?.stop();
      alertHistory.flush();
      store.close();
    },
  };
}
