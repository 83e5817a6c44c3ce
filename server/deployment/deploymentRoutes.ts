import { Router } from 'express';
import type { LoadedDeployment } from './loadDeployment';

/**
 * What a screen loads before it renders: the deployment's region set, catalogue, programme board and labels, with
 * its version; and the boundaries, which only a map fetches. Both change only with a restart, so a screen may keep
 * them while it runs, and the version in each snapshot tells it when to reload.
 */
export function deploymentRoutes(loaded: LoadedDeployment): Router {
  const router = Router();
  const body = JSON.stringify(loaded.deployment);
  router.get('/api/v1/deployment', (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.type('application/json').send(body);
  });
  router.get('/api/v1/deployment/boundaries', (_req, res) => {
    if (!loaded.boundariesPath) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'this deployment draws tiles, not boundaries' } });
      return;
    }
    res.set('Cache-Control', 'no-cache');
    res.type('application/geo+json').sendFile(loaded.boundariesPath);
  });
  return router;
}
