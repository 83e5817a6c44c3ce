import { Router } from 'express';
import type { Server } from 'socket.io';
import type { RegionSet } from '../../shared/regions';
import { type Access, createAccess } from '../access';
import type { AccessConfig } from '../accessConfig';
import type { Alerting } from '../alerts/alerting';
import type { Clock } from '../clock';
import { commandRoutes } from '../http/commandRoutes';
import { displayRoutes } from '../http/displayRoutes';
import { identify, sameOriginWrites, viewerGate } from '../http/operatorAuth';
import { socketOriginCheck } from '../http/originCheck';
import { sessionRoutes } from '../http/sessionRoutes';
import { tokenRoutes } from '../http/tokenRoutes';
import type { Logger } from '../logger';
import { type OperatorFeed, registerOperatorNamespace } from '../realtime/operatorNamespace';
import { registerScreenAccess } from '../realtime/screenAccess';
import { SessionSockets } from '../realtime/sessionSockets';
import type { WallNamespace } from '../realtime/wallNamespace';
import type { WallStore } from '../store/types';
import { Commander } from './commander';
import { ScreenHub } from './screenHub';
import { sharedAcknowledgements } from './sharedAcknowledgements';

/** The HTTP paths of live data, which a closed wall serves only to registered screens and signed-in people. */
const LIVE_DATA_PATHS = ['/api/v1/snapshot', '/api/v1/history', '/api/v1/alerts', '/api/v1/units'];

export interface ControlDeps {
  config: AccessConfig;
  store: WallStore;
  clock: Clock;
  regions: RegionSet;
  timeZone: string;
  playlistIds: () => readonly string[];
  live: () => { epoch: string; seq: number };
  alerts: Pick<Alerting, 'acknowledge' | 'acknowledgeLike'>;
  logger: Logger;
}

export interface Control {
  access: Access;
  hub: ScreenHub;
  commander: Commander;
  /** Credentials, the live-data gate and the operator API: mount before the routes of live data. */
  routes: Router;
  /** socket.io's origin check. */
  allowRequest: ReturnType<typeof socketOriginCheck>;
  /**
   * Guards `/wall` and opens the consoles' namespace. `clustered`: other servers share the wall through socket.io's
   * adapter, and hear of acknowledgements, announcements and screens' reports made here.
   */
  attach(io: Server, wall: WallNamespace, clustered: boolean): void;
  close(): void;
}

/**
 * The operator side of the wall: accounts and sessions, the display registry, the screens connected now, commands
 * with their acknowledgements and audit, and who may watch. What the composition root wires in a few lines.
 */
export function createControl(deps: ControlDeps): Control {
  const { config, clock, logger } = deps;
  const access = createAccess(deps.store, clock, config.sessionTtlMs);
  const sessions = new SessionSockets(() => clock.now());
  let feed: OperatorFeed | null = null;
  const hub = new ScreenHub({
    registry: access.displays,
    clock,
    epoch: () => deps.live().epoch,
    seq: () => deps.live().seq,
    onChange: (display) => feed?.changed(display),
    onError: (err) => logger.error({ err }, "a display's last-seen time was not stored"),
  });
  const commander = new Commander({
    hub,
    access,
    clock,
    regions: deps.regions,
    playlistIds: deps.playlistIds,
    timeoutMs: config.commandTimeoutMs,
    logger,
    onDone: (result) => feed?.commandDone(result),
  });

  const acknowledgements = sharedAcknowledgements(deps.alerts, logger);
  const routes = Router();
  routes.use('/api', identify(access), sameOriginWrites(config.allowedOrigins));
  routes.use(LIVE_DATA_PATHS, viewerGate(access, config.wall));
  routes.use(
    sessionRoutes({
      access,
      loginRateLimit: config.loginRateLimit,
      rateLimits: deps.store.rateLimits,
      logger,
      now: () => clock.now(),
      onLogout: (hash) => sessions.end(hash),
    }),
  );
  routes.use(displayRoutes({ access, hub, onChange: () => feed?.changed(null) }));
  routes.use(commandRoutes({ commander, access, alerts: acknowledgements, timeZone: deps.timeZone }));
  routes.use(tokenRoutes(access, (tokenId) => feed?.dropToken(tokenId)));

  return {
    access,
    hub,
    commander,
    routes,
    allowRequest: socketOriginCheck(config.allowedOrigins, config.trustProxy !== false),
    attach(io, wall, clustered) {
      hub.bind(wall, clustered);
      acknowledgements.bind(io, clustered);
      registerScreenAccess(wall, { access, wallAccess: config.wall, hub, sessions, logger });
      feed = registerOperatorNamespace(io, { access, hub, sessions, logger });
      sessions.bind([wall, feed.namespace]);
    },
    close() {
      hub.close();
      feed?.close();
    },
  };
}
