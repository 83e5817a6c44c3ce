import { Router } from 'express';
import type { RegionSet } from '../../shared/regions';
import type { LocalCalendar } from '../../shared/time';
import type { Clock } from '../clock';
import type { IngestConfig } from '../ingestConfig';
import type { Ingest } from '../sources/ingest';
import { makeHistoryReader } from '../state/store/history';
import type { Store } from '../state/store/store';
import { historyRoutes } from './historyRoutes';
import { ingestRoutes } from './ingestRoutes';
import { metricsRoute, type WallMetrics } from './metrics';

/** The routes of the data path: source systems in (ingest), history and metrics out. */
export function dataRoutes(deps: {
  ingest: Ingest;
  store: Store;
  metrics: WallMetrics;
  regions: RegionSet;
  calendar: LocalCalendar;
  clock: Clock;
  config: IngestConfig;
}): Router {
  const router = Router();
  router.use(ingestRoutes({ ingest: deps.ingest, config: deps.config, metrics: deps.metrics }));
  router.use(
    historyRoutes({
      regions: deps.regions,
      calendar: deps.calendar,
      now: () => deps.clock.now(),
      read: makeHistoryReader(deps.store.db),
    }),
  );
  router.use(metricsRoute(deps.metrics));
  return router;
}
