import { Router } from 'express';
import {
  AUTO_STEPS_MS,
  DEFAULT_HISTORY_WINDOW_MS,
  type HistoryPoint,
  HistoryQuerySchema,
  type HistoryResponse,
  MAX_HISTORY_POINTS,
} from '../../shared/history';
import type { RegionSet } from '../../shared/regions';
import type { LocalCalendar } from '../../shared/time';
import type { HistoryWindow } from '../store/types';
import { issuesOf, sendError } from './apiErrors';

export interface HistoryRouteDeps {
  regions: RegionSet;
  calendar: LocalCalendar;
  now: () => number;
  read: (window: HistoryWindow) => Promise<HistoryPoint[]>;
}

const DAY_MS = 86_400_000;
/** The automatic step gives at most this many points. */
const AUTO_POINTS = 300;

/**
 * `GET /api/v1/history?region=&indicator=&from=&to=&step=`: the last reading of each step in the window, for a
 * unit or a roll-up (`province`, ...). Defaults: the last 24 hours, a step that gives at most 300 points.
 */
export function historyRoutes(deps: HistoryRouteDeps): Router {
  const router = Router();
  router.get('/api/v1/history', async (req, res) => {
    const parsed = HistoryQuerySchema.safeParse(req.query);
    if (!parsed.success) return sendError(res, 'BAD_REQUEST', 'the history query is not valid', issuesOf(parsed.error));
    const q = parsed.data;
    if (!deps.regions.isRegion(q.region)) {
      return sendError(res, 'BAD_REQUEST', 'the history query is not valid', [
        { path: ['region'], message: `unknown region ${q.region}` },
      ]);
    }
    const to = q.to ?? deps.now();
    const from = q.from ?? to - DEFAULT_HISTORY_WINDOW_MS;
    if (from >= to) {
      return sendError(res, 'BAD_REQUEST', 'the history query is not valid', [
        { path: ['from'], message: 'from must be before to' },
      ]);
    }
    const span = to - from;
    const stepMs = q.step ?? AUTO_STEPS_MS.find((s) => span / s <= AUTO_POINTS) ?? (AUTO_STEPS_MS.at(-1) as number);
    if (span / stepMs > MAX_HISTORY_POINTS) {
      return sendError(res, 'BAD_REQUEST', 'the history query is not valid', [
        { path: ['step'], message: `the window holds more than ${MAX_HISTORY_POINTS} steps; use a larger step` },
      ]);
    }
    // Steps start at local midnight (and so on the local hour), wherever the time zone sits.
    const midnight = deps.calendar.startOfDay(from);
    const alignMs = (((-midnight % DAY_MS) + DAY_MS) % DAY_MS) % stepMs;
    const body: HistoryResponse = {
      region: q.region,
      indicator: q.indicator,
      from,
      to,
      stepMs,
      points: await deps.read({ region: q.region, indicator: q.indicator, from, to, stepMs, alignMs }),
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
  return router;
}
