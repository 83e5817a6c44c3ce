import { Router } from 'express';
import { z } from 'zod';
import type { Alerting } from '../alerts/alerting';
import { issuesOf, sendError } from './apiErrors';

const AlertQuerySchema = z.strictObject({
  state: z.enum(['active', 'all']).default('active'),
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
});

/** `GET /api/v1/alerts?state=active|all&limit=`: the active alerts, or the history, the most recent first. */
export function alertRoutes(alerts: Pick<Alerting, 'list'>): Router {
  const router = Router();
  router.get('/api/v1/alerts', (req, res) => {
    const query = AlertQuerySchema.safeParse(req.query);
    if (!query.success) {
      const issues = issuesOf(query.error);
      const first = issues[0];
      return sendError(res, 'BAD_REQUEST', `${first?.path.join('.') || 'query'}: ${first?.message}`, issues);
    }
    res.set('Cache-Control', 'no-store');
    res.json({ alerts: alerts.list(query.data) });
  });
  return router;
}
