import { Router } from 'express';
import { indicators } from '../../shared/catalog';
import type { SubunitLive } from '../../shared/deployment';
import type { Snapshot } from '../../shared/protocol';
import type { RegionSet } from '../../shared/regions';
import type { SnapshotMeta } from '../state/snapshot';

export interface ApiDeps {
  regions: RegionSet;
  meta: SnapshotMeta;
  snapshot: () => Snapshot;
  /** The live readings of a unit's sub-units; null for a code that is not a unit. */
  subunits: (code: string) => SubunitLive | null;
  health: () => { epoch: string; seq: number };
  startedAt: number;
  now: () => number;
}

export function apiRoutes(deps: ApiDeps): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json({ status: 'ok', ...deps.health(), uptimeSec: Math.round((deps.now() - deps.startedAt) / 1000) });
  });

  router.get('/api/v1/catalog', (_req, res) => {
    res.json({
      regionSet: deps.regions.data,
      indicators: indicators.map((i) => ({ ...i, ...deps.meta.targets[i.id] })),
    });
  });

  router.get('/api/v1/snapshot', (_req, res) => {
    res.set('Cache-Control', 'no-store');
    res.json(deps.snapshot());
  });

  router.get('/api/v1/units/:code/subunits/live', (req, res) => {
    const live = deps.subunits(req.params.code);
    if (!live) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: `no unit ${req.params.code}` } });
      return;
    }
    res.set('Cache-Control', 'no-store');
    // `?indicators=a,b`: only the figures a page shows (a province's communes carry a dozen indicators each).
    const wanted = typeof req.query.indicators === 'string' ? new Set(req.query.indicators.split(',')) : null;
    res.json(wanted ? { ...live, values: live.values.filter((r) => wanted.has(r.indicator)) } : live);
  });

  return router;
}
