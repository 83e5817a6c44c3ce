import { Router } from 'express';
import { z } from 'zod';
import type { Alerting } from '../alerts/alerting';

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
      const issue = query.error.issues[0];
      res.status(400).json({ code: 'BAD_REQUEST', message: `${issue?.path.join('.') || 'query'}: ${issue?.message}` });
      return;
    }
    res.set('Cache-Control', 'no-store');
    res.json({ alerts: alerts.list(query.data) });
  });
  return router;
}
