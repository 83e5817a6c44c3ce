import { Router } from 'express';
import type { ClusterStatus } from './cluster';

/**
 * `/readyz`: 200 when this server may take screens (a follower once it has caught up with the shared log), else
 * 503, for the load balancer's health check. `/readyz/writer`: 200 on the writer only, for the balancer's ingest
 * backend. `/api/v1/cluster`: this server's role, term and seqs.
 */
export function clusterRoutes(status: () => ClusterStatus): Router {
  const router = Router();
  router.get('/readyz', (_req, res) => {
    const s = status();
    res
      .status(s.ready ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(s);
  });
  router.get('/readyz/writer', (_req, res) => {
    const s = status();
    res
      .status(s.role === 'writer' ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(s);
  });
  router.get('/api/v1/cluster', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(status());
  });
  return router;
}
