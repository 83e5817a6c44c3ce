import { Router } from 'express';
import type { ConnectorList } from '../../shared/connectors';
import { requireRole } from '../http/operatorAuth';

/** `GET /api/v1/connectors`: every connector's health, for operators and admins (the console's panel polls it). */
export function connectorRoutes(connectors: { list(): ConnectorList['connectors'] }): Router {
  const router = Router();
  router.get('/api/v1/connectors', requireRole('operator'), (_req, res) => {
    const body: ConnectorList = { connectors: connectors.list() };
    res.set('Cache-Control', 'no-store').json(body);
  });
  return router;
}
