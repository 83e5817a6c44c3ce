import { randomUUID } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { Server } from 'socket.io';
import { regionSet as defaultRegionSet, type RegionSet } from '../shared/regions';
import { makeLocalCalendar } from '../shared/time';
import { type Clock, systemClock } from './clock';
import type { Config } from './config';
import { apiRoutes } from './http/apiRoutes';
import { kioskRoutes } from './http/kioskRoutes';
import { securityHeaders } from './http/security';
import { staticClient } from './http/staticClient';
import type { Logger } from './logger';
import { DeltaBroadcaster } from './realtime/deltaBroadcaster';
import { HEARTBEAT } from './realtime/heartbeat';
import { registerWallNamespace } from './realtime/wallNamespace';
import { startDayRollover } from './sources/dayRollover';
import { Ingest } from './sources/ingest';
import { startSimulator } from './sources/simulatorSource';
import { DeltaLog } from './state/deltaLog';
import { LiveState } from './state/liveState';
import { buildSnapshot, catalogTargets, type SnapshotMeta } from './state/snapshot';

export interface AppDeps {
  config: Config;
  logger: Logger;
  clock?: Clock;
  regions?: RegionSet;
  /** The id of the client build being served; screens running another build reload. */
  buildId?: string;
}

export interface App {
  readonly http: HttpServer;
  readonly io: Server;
  readonly state: LiveState;
  readonly ingest: Ingest;
  readonly broadcaster: DeltaBroadcaster;
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

  const state = new LiveState({ regions, calendar, epoch: randomUUID() });
  const log = new DeltaLog(config.realtime.deltaBuffer, state.seq);
  const meta: SnapshotMeta = {
    buildId: deps.buildId ?? 'dev',
    regionSet: regions.data.id,
    timeZone: config.timeZone,
    defaultLang: config.defaultLang,
    simulated: config.simulator.enabled,
    targets: catalogTargets(),
  };
  const snapshot = () => buildSnapshot(state, meta, [], clock.now());

  const app = express();
  app.disable('x-powered-by');
  app.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/healthz' } }));
  app.use(securityHeaders());
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
  app.use(staticClient(config.clientDir));

  const http = createServer(app);
  const io = new Server(http, { serveClient: false, cors: { origin: false }, ...HEARTBEAT });
  const wall = registerWallNamespace(io, {
    log,
    epoch: () => state.epoch,
    seq: () => state.seq,
    snapshot,
    logger,
  });
  const broadcaster = new DeltaBroadcaster({
    epoch: state.epoch,
    log,
    clock,
    intervalMs: config.realtime.deltaIntervalMs,
    emit: (delta) => wall.emit('delta', delta),
  });
  const ingest = new Ingest({ state, regions, clock, onApplied: (seq, changes) => broadcaster.enqueue(seq, changes) });

  const stoppers: { stop(): void }[] = [];
  return {
    http,
    io,
    state,
    ingest,
    broadcaster,
    async listen() {
      if (config.simulator.enabled) {
        stoppers.push(startSimulator({ ingest, state, regions, calendar, clock, logger, ...config.simulator }));
      }
      stoppers.push(startDayRollover({ ingest, readings: () => state.readings(), regions, calendar, clock, logger }));
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.port, config.host, () => resolve());
      });
      const address = http.address() as AddressInfo;
      logger.info({ host: address.address, port: address.port, epoch: state.epoch }, 'listening');
      return address;
    },
    async close() {
      for (const s of stoppers) s.stop();
      broadcaster.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
