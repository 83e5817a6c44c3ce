import express, { type ErrorRequestHandler, Router } from 'express';
import { type KioskConfig, KioskEventSchema } from '../../shared/kiosk';
import type { Logger } from '../logger';

/** Screen events are a few hundred bytes; anything larger is not one. */
const EVENT_BODY_LIMIT = '4kb';

/**
 * What screens in kiosk mode read (named playlists, their defaults) and where they report what they did on their
 * own (reloads for a deploy or a heap past its limit), so the server's log shows it.
 */
export function kioskRoutes(deps: { kiosk: KioskConfig; logger: Logger }): Router {
  const router = Router();

  router.get('/api/v1/kiosk', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json(deps.kiosk);
  });

  const badBody: ErrorRequestHandler = (error, _req, res, _next) => {
    const tooLarge = (error as { status?: number }).status === 413;
    res
      .status(tooLarge ? 413 : 400)
      .json({ error: { code: tooLarge ? 'TOO_LARGE' : 'BAD_REQUEST', message: `body: ${(error as Error).message}` } });
  };
  router.post('/api/v1/kiosk/events', express.json({ limit: EVENT_BODY_LIMIT }), (req, res) => {
    const parsed = KioskEventSchema.safeParse(req.body);
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      res.status(400).json({ error: { code: 'BAD_REQUEST', message } });
      return;
    }
    const event = parsed.data;
    const level = event.kind === 'build-reload' ? 'info' : 'warn';
    deps.logger[level]({ screen: event, ip: req.ip }, `screen ${event.display ?? '(unnamed)'}: ${event.kind}`);
    res.status(204).end();
  });
  router.use('/api/v1/kiosk/events', badBody);

  return router;
}
