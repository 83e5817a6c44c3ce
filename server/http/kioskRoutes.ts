import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { type KioskConfig, KioskEventSchema } from '../../shared/kiosk';
import type { Access } from '../access';
import type { Logger } from '../logger';
import { issuesOf, sendError } from './apiErrors';
import { jsonBody } from './jsonBody';
import { mayWatch } from './operatorAuth';
import { createRefusalLog, type RefusalLog } from './refusalLog';

/** Screen events are a few hundred bytes; anything larger is not one. */
const EVENT_BODY_LIMIT = '4kb';
/**
 * Screen events one address may send a minute: a screen reports a few reloads a day, and a room of screens behind
 * one address reloads together after a deploy; past that, a client is only writing the server's log.
 */
export const KIOSK_EVENTS_PER_MINUTE = 60;

export interface KioskRouteDeps {
  kiosk: KioskConfig;
  logger: Logger;
  access: Access;
  wall: 'open' | 'closed';
  refusals?: RefusalLog;
  eventsPerMinute?: number;
}

/**
 * What screens in kiosk mode read (named playlists, their defaults) and where they report what they did on their
 * own (reloads for a deploy or a heap past its limit), so the server's log shows it. Reports are limited per
 * address, and on a closed wall they need a display's token or a session like the live data; refusals reach the
 * log once a minute per address, with a count. Malformed and oversized bodies fall through to the API's error
 * handler.
 */
export function kioskRoutes(deps: KioskRouteDeps): Router {
  const { access } = deps;
  const refusals = deps.refusals ?? createRefusalLog(deps.logger);
  const router = Router();

  router.get('/api/v1/kiosk', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json(deps.kiosk);
  });

  const limiter = rateLimit({
    windowMs: 60_000,
    limit: deps.eventsPerMinute ?? KIOSK_EVENTS_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      refusals.refused(`kiosk-events ${req.ip}`, { ip: req.ip }, 'screen events refused: over the limit per address');
      sendError(res, 'RATE_LIMITED', 'too many screen events from this address; try again in a minute');
    },
  });

  router.post(
    '/api/v1/kiosk/events',
    limiter,
    async (req, res, next) => {
      if (await mayWatch(access, deps.wall, req, res)) return next();
      refusals.refused(
        `kiosk-events ${req.ip}`,
        { ip: req.ip },
        'screen events refused: no display token or session on a closed wall',
      );
      res.set('WWW-Authenticate', 'Bearer');
      sendError(res, 'UNAUTHORIZED', 'on this wall, screen events come from registered screens and signed-in people');
    },
    jsonBody(EVENT_BODY_LIMIT),
    (req, res) => {
      const parsed = KioskEventSchema.safeParse(req.body);
      if (!parsed.success) return sendError(res, 'BAD_REQUEST', 'not a screen event', issuesOf(parsed.error));
      const event = parsed.data;
      const level = event.kind === 'build-reload' || event.kind === 'deployment-reload' ? 'info' : 'warn';
      deps.logger[level]({ screen: event, ip: req.ip }, `screen ${event.display ?? '(unnamed)'}: ${event.kind}`);
      res.status(204).end();
    },
  );

  return router;
}
