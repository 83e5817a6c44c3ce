import express, { Router } from 'express';
import { type KioskConfig, KioskEventSchema } from '../../shared/kiosk';
import type { Logger } from '../logger';
import { issuesOf, sendError } from './apiErrors';

/** Screen events are a few hundred bytes; anything larger is not one. */
const EVENT_BODY_LIMIT = '4kb';

/**
 * What screens in kiosk mode read (named playlists, their defaults) and where they report what they did on their
 * own (reloads for a deploy or a heap past its limit), so the server's log shows it. Malformed and oversized
 * bodies fall through to the API's error handler.
 */
export function kioskRoutes(deps: { kiosk: KioskConfig; logger: Logger }): Router {
  const router = Router();

  router.get('/api/v1/kiosk', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json(deps.kiosk);
  });

  router.post('/api/v1/kiosk/events', express.json({ limit: EVENT_BODY_LIMIT }), (req, res) => {
    const parsed = KioskEventSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 'BAD_REQUEST', 'not a screen event', issuesOf(parsed.error));
    const event = parsed.data;
    const level = event.kind === 'build-reload' || event.kind === 'deployment-reload' ? 'info' : 'warn';
    deps.logger[level]({ screen: event, ip: req.ip }, `screen ${event.display ?? '(unnamed)'}: ${event.kind}`);
    res.status(204).end();
  });

  return router;
}
