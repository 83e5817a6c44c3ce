import { Router } from 'express';
import type { SubunitList } from '../../shared/deployment';
import type { LoadedDeployment } from './loadDeployment';

/** A year: the answer for one deployment version never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * What a screen loads before it renders: the deployment's region set, catalogue, programme board and labels, with
 * its version; the boundaries, which only a map fetches; and a unit's sub-units, which only its page fetches. All
 * change only with a restart, so a screen may keep them while it runs, and the version in each snapshot tells it
 * when to reload.
 */
export function deploymentRoutes(loaded: LoadedDeployment): Router {
  const router = Router();
  const { deployment } = loaded;
  const body = JSON.stringify(loaded.forScreens);
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
  const lists = new Map<string, string>();
  for (const unit of deployment.regions.units) {
    const subunits = (deployment.regions.subunits ?? []).filter((s) => s.parent === unit.code);
    const list: SubunitList = { parent: unit.code, version: deployment.version, subunits };
    lists.set(unit.code, JSON.stringify(list));
  }
  const etag = `"${deployment.version}"`;
  router.get('/api/v1/deployment/subunits/:code', (req, res) => {
    const list = lists.get(req.params.code);
    if (list === undefined) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: `no unit ${req.params.code}` } });
      return;
    }
    // Asked for this version: cached for good. Asked without one (or for another): revalidated by the version.
    res.set('Cache-Control', req.query.v === deployment.version ? IMMUTABLE : 'no-cache');
    res.set('ETag', etag);
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    res.type('application/json').send(list);
  });
  return router;
}
