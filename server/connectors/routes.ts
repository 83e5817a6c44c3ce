import { Router } from 'express';
import type { ConnectorList } from '../../shared/connectors';
import { requireRole } from '../http/operatorAuth';

/**
 * `GET /api/v1/connectors`: every connector's health, for operators and admins (the console's panel polls it), on
 * any server of a cluster.
 */
export function connectorRoutes(connectors: { list(): Promise<ConnectorList['connectors']> }): Router {
  const router = Router();
  // Express 5 passes a rejection (the database away) to the API's error handler.
  router.get('/api/v1/connectors', requireRole('operator'), async (_req, res) => {
    const body: ConnectorList = { connectors: await connectors.list() };
    res.set('Cache-Control', 'no-store').json(body);
  });
  return router;
}
