import { Router } from 'express';
import type { RegionSet } from '../../shared/regions';
import type { LocalCalendar } from '../../shared/time';
import type { Clock } from '../clock';
import type { HistoryStore } from '../store/types';
import { historyRoutes } from './historyRoutes';
import { metricsRoute, type WallMetrics } from './metrics';

/** The routes of the data path out: history and metrics (source systems come in through `ingestRoutes`). */
export function dataRoutes(deps: {
  history: HistoryStore;
  metrics: WallMetrics;
  regions: RegionSet;
  calendar: LocalCalendar;
  clock: Clock;
}): Router {
  const router = Router();
  router.use(
    historyRoutes({
      regions: deps.regions,
      calendar: deps.calendar,
      now: () => deps.clock.now(),
      read: (window) => deps.history.read(window),
    }),
  );
  router.use(metricsRoute(deps.metrics));
  return router;
}
