import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { Server } from 'socket.io';
import { regionSet as installedRegionSet, type RegionSet } from '../shared/regions';
import { makeLocalCalendar } from '../shared/time';
import { type Alerting, createAlerting } from './alerts/alerting';
import { StoredAlertHistory } from './alerts/storedAlertHistory';
import { type Clock, clockStartingAt, systemClock } from './clock';
import type { ClusterStatus } from './cluster/cluster';
import { clusterRoutes } from './cluster/routes';
import type { Config } from './config';
import { type Connectors, connectorRoutes, createConnectors } from './connectors';
import { type Control, createControl } from './control';
import { type LoadedDeployment, servedDeployment } from './deployment';
import { deploymentRoutes } from './deployment/deploymentRoutes';
import { guardRegionSet } from './deployment/regionSetGuard';
import { alertRoutes } from './http/alertRoutes';
import { apiErrorHandler, apiNotFound } from './http/apiErrors';
import { apiRoutes } from './http/apiRoutes';
import { dataRoutes } from './http/dataRoutes';
import { ingestRoutes } from './http/ingestRoutes';
import { kioskRoutes } from './http/kioskRoutes';
import { createMetrics, type WallMetrics } from './http/metrics';
import { securityHeaders } from './http/security';
import { staticClient } from './http/staticClient';
import type { Jobs } from './jobs';
import type { Logger } from './logger';
import { createPipeline } from './pipeline';
import { readyLine } from './readyLine';
import type { DeltaBroadcaster } from './realtime/deltaBroadcaster';
import { HEARTBEAT } from './realtime/heartbeat';
import { ScreenPacer } from './realtime/screenPacer';
import { PACED_ROOM, registerWallNamespace } from './realtime/wallNamespace';
import { startDayRollover } from './sources/dayRollover';
import type { Ingest } from './sources/ingest';
import { startSimulator } from './sources/simulatorSource';
import { DeltaLog } from './state/deltaLog';
import { LiveState } from './state/liveState';
import { buildSnapshot, type SnapshotMeta } from './state/snapshot';
import { openStore } from './store';
import type { PostgresStore } from './store/postgres/store';
import { startRetention } from './store/retention';
import type { WallStore } from './store/types';

/** How long a stop waits for requests in progress before it cuts their connections. */
const SHUTDOWN_GRACE_MS = 3_000;

export interface AppDeps {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** The deployment served; by default the one `serveDeployment` installed at start. */
  deployment?: LoadedDeployment;
  regions?: RegionSet;
  /** The id of the client build being served; screens running another build reload. */
  buildId?: string;
  /** The database; by default the one the settings name (`STORE`). The app closes it. */
  store?: WallStore;
}

export interface App {
  readonly http: HttpServer;
  readonly io: Server;
  readonly state: LiveState;
  readonly ingest: Ingest;
  readonly broadcaster: DeltaBroadcaster;
  readonly alerts: Alerting;
  readonly store: WallStore;
  /** The once-only jobs (simulator, alert timer, day rollover, retention, connectors). */
  readonly jobs: Jobs;
  readonly metrics: WallMetrics;
  /** Accounts, displays, commands and audit. */
  readonly control: Control;
  /** Pull and subscribe connectors: a once-only job (started with the other jobs); their health on any server. */
  readonly connectors: Connectors;
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

/**
 * The composition root: builds every part of the server from its dependencies, each after the parts it needs.
 * `main.ts` passes the real ones; tests pass a fixed clock, a port of 0 and the simulator switched off.
 */
export async function createApp(deps: AppDeps): Promise<App> {
  const { config, logger } = deps;
  const clock = deps.clock ?? (config.clockStart === null ? systemClock : clockStartingAt(config.clockStart));
  const deployment = deps.deployment ?? servedDeployment();
  const regions = deps.regions ?? installedRegionSet;
  const calendar = makeLocalCalendar(config.timeZone);
  const startedAt = clock.now();

  // The live state starts from what the database holds: the same epoch, seq and readings as before a restart.
  const store = deps.store ?? (await openStore(config.storage, config.dataDir));
  const stored = await store.batches.load();
  for (const notice of stored.notices ?? []) logger.warn({ epoch: stored.epoch }, notice);
  try {
    await guardRegionSet(
      store.regionSet,
      regions,
      stored.readings,
      deployment.deployment.regionSetHash,
      config.dataDir,
    );
  } catch (error) {
    await store.close();
    throw error;
  }
  const state = new LiveState({ regions, calendar, ...stored });
  const log = new DeltaLog(config.realtime.deltaBuffer, state.seq);
  const meta: SnapshotMeta = {
    buildId: deps.buildId ?? 'dev',
    regionSet: regions.data.id,
    deployment: deployment.deployment.version,
    timeZone: config.timeZone,
    defaultLang: config.defaultLang,
    simulated: config.simulator.enabled,
    targets: config.targets,
  };
  const alertHistory = new StoredAlertHistory(store.alerts, config.alerts.history, (err) =>
    logger.error({ err }, 'alert history not stored; kept in memory until the database takes writes again'),
  );
  await alertHistory.load();
  const alerts = createAlerting({
    history: alertHistory,
    regions,
    calendar,
    clock,
    targets: config.targets,
    settings: config.alerts,
    rules: config.alertRules,
  });
  alerts.restore(state.readings());
  const snapshot = () =>
    buildSnapshot(state, { ...meta, alertTickerMin: alerts.tickerMinutes }, alerts.recent(), clock.now());

  const control = createControl({
    config: config.access,
    store,
    clock,
    regions,
    timeZone: config.timeZone,
    playlistIds: () => config.kiosk.playlists.map((p) => p.id),
    live: () => ({ epoch: state.epoch, seq: state.seq }),
    alerts,
    logger,
  });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.access.trustProxy);
  // Every answer of the API is live data sent with no-store: an ETag would only cost a hash of each body.
  app.set('etag', false);

  const http = createServer(app);
  // Several servers: socket.io's PostgreSQL adapter carries commands, acknowledgements, revocations and screens'
  // status between them. Loaded only then (the embedded mode keeps socket.io's in-memory adapter).
  const adapter =
    store.kind === 'postgres'
      ? await (await import('./cluster/socketAdapter')).postgresAdapter(store as PostgresStore, logger)
      : undefined;
  const io = new Server(http, {
    ...(adapter && { adapter }),
    serveClient: false,
    cors: { origin: false },
    allowRequest: control.allowRequest,
    ...HEARTBEAT,
  });
  // Paces are about how fast screens draw, so they run on real time, not on a clock fixed for a test's figures.
  const pacer = new ScreenPacer(systemClock);
  const wall = registerWallNamespace(io, {
    log,
    epoch: () => state.epoch,
    seq: () => state.seq,
    snapshot,
    logger,
    pacer,
    deltaIntervalMs: config.realtime.deltaIntervalMs,
  });
  control.attach(io, wall, adapter !== undefined);
  // The size of the database is read in the background: a scrape never waits for the database.
  let databaseBytes = 0;
  const metrics = createMetrics({
    screens: () => wall.sockets.size,
    databaseBytes: () => databaseBytes,
    // Read at a scrape, once the pipeline below has made the broadcaster.
    deltaWindowMs: () => broadcaster.windowMs,
  });
  const { ingest, applied, broadcaster, jobs } = createPipeline({
    state,
    store: store.batches,
    log,
    alerts,
    regions,
    clock,
    logger,
    metrics,
    deltaIntervalMs: config.realtime.deltaIntervalMs,
    emit: (delta) => {
      // Each server sends its own screens the deltas it applies (every server applies every seq): never through
      // the adapter, which would send each delta to every screen once per server.
      wall.local.except(PACED_ROOM).emit('delta', delta);
      pacer.offer(delta);
      metrics.delta(delta);
    },
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
    store: store.connectors,
  });

  jobs.register({ name: 'retention', start: () => startRetention(store.retention, clock, config.storage, logger) });
  if (config.simulator.enabled) {
    jobs.register({
      name: 'simulator',
      start: () =>
        startSimulator({
          ingest,
          state,
          regions,
          calendar,
          clock,
          logger,
          ...config.simulator,
          figures: deployment.simulation,
        }),
    });
  }
  jobs.register({ name: 'alerts', start: () => alerts.start() });
  jobs.register({
    name: 'day rollover',
    start: () => startDayRollover({ ingest, readings: () => state.readings(), regions, calendar, clock, logger }),
  });
  // Pulls and subscriptions write through ingest, so they run where ingest commits: on the writer, once.
  jobs.register({
    name: 'connectors',
    start: async () => {
      await connectors.start();
      return connectors;
    },
  });
  // On PostgreSQL, one server among several: the writer's lease decides which one writes and runs the jobs.
  // Loaded only then, as the PostgreSQL driver is.
  const cluster =
    store.kind === 'postgres'
      ? new (await import('./cluster/cluster')).Cluster(
          {
            serverId: config.storage.serverId ?? `${hostname()}:${config.port}`,
            url: config.storage.databaseUrl ?? '',
            leaseMs: config.storage.leaseMs,
          },
          { store: store as PostgresStore, ingest, jobs, logger, state, onApplied: applied },
        )
      : null;
  const clusterStatus = (): ClusterStatus =>
    cluster?.status() ?? {
      server: config.storage.serverId ?? 'embedded',
      role: 'writer',
      term: 0,
      seq: state.seq,
      storedSeq: state.seq,
      ready: true,
    };
  const sizeTimer = setInterval(() => {
    store.sizeBytes().then(
      (n) => {
        databaseBytes = n;
      },
      () => undefined,
    );
  }, 10_000);
  sizeTimer.unref();
  databaseBytes = await store.sizeBytes();

  // Access logs are info lines. Below that level pino-http would still bind every request to a child logger (it
  // serialises the request up front), which costs more than storing a small ingest batch.
  if (logger.isLevelEnabled('info')) {
    app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  }
  app.use(securityHeaders());
  app.use(clusterRoutes(clusterStatus));
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
      subunits: (code) =>
        regions.isUnit(code)
          ? { parent: code, epoch: state.epoch, seq: state.seq, values: state.subunitReadings(code) }
          : null,
      health: () => ({ epoch: state.epoch, seq: state.seq }),
      startedAt,
      now: () => clock.now(),
    }),
  );
  app.use(deploymentRoutes(deployment));
  app.use(kioskRoutes({ kiosk: config.kiosk, logger, access: control.access, wall: config.access.wall }));
  app.use(alertRoutes(alerts));
  app.use(staticClient(config.clientDir));
  // History and metrics out, behind the live-data gate of `control.routes`; then JSON errors for every API path.
  app.use(dataRoutes({ history: store.history, metrics, regions, calendar, clock }));
  app.use(apiNotFound(), apiErrorHandler(logger));

  return {
    http,
    io,
    state,
    ingest,
    broadcaster,
    alerts,
    store,
    jobs,
    metrics,
    control,
    connectors,
    async listen() {
      if (cluster) await cluster.start();
      else await jobs.start();
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.port, config.host, () => resolve());
      });
      const address = http.address() as AddressInfo;
      const { message, ...where } = readyLine(address, (await control.access.accounts.count()) > 0);
      logger.info({ host: address.address, port: address.port, epoch: state.epoch, ...where }, message);
      return address;
    },
    async close() {
      clearInterval(sizeTimer);
      if (cluster) await cluster.stop();
      else await jobs.stop();
      broadcaster.close();
      pacer.close();
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
      // Commits in progress end before the database closes: their sources get their answers.
      await ingest.idle();
      await alertHistory.flush();
      await store.close();
    },
  };
}
