import type { Compared } from './lib/compare';
import type { ColdLoadResult } from './scenarios/coldLoad';
import type { FanoutResult } from './scenarios/fanout';
import type { IngestResult } from './scenarios/ingest';
import type { ScreensResult } from './scenarios/screens';

type Pair<T> = { wall: T; floor: T };

/** The budgets of the issue, in one place: what each figure is held to. */
export const BUDGET = {
  /** (a), (b): the wall's p99 latency over the floor's. */
  latencyRatio: 1.5,
  /** (a), (b), (c): the wall's CPU (server per update, browser per screen) over the floor's. */
  cpuRatio: 1,
  /** (c): the wall's server, in cores. */
  fanoutCores: 0.5,
  /** (c): the most any client may fall behind, ms. */
  fanoutLagMs: 200,
  /** (d): durable observations per second. */
  ingestPerSecond: 50_000,
  /** (e): JavaScript before the first live value, KB gzip. */
  initialJsKb: 300,
  /** (e): navigation to the first live value, ms. */
  firstValueMs: 1_000,
};

const ratio = (wall: number, floor: number) => (floor > 0 && Number.isFinite(wall) ? wall / floor : Number.NaN);

/** A row of figures for both, with their ratio held to at most `limit` when given. */
function paired(scenario: string, metric: string, unit: string, figures: Pair<number>, limit?: number): Compared {
  const r = ratio(figures.wall, figures.floor);
  return {
    scenario,
    metric,
    unit,
    wall: figures.wall,
    floor: figures.floor,
    ratio: r,
    ...(limit !== undefined && { budget: `ratio ≤ ${limit}`, holds: r <= limit }),
  };
}

const both = <T>(pair: Pair<T>, pick: (t: T) => number): Pair<number> => ({
  wall: pick(pair.wall),
  floor: pick(pair.floor),
});

/** Screens watching a feed, (a) and (b). */
export function compareScreens(scenario: string, r: Pair<ScreensResult>): Compared[] {
  const finals = (s: ScreensResult) => `${s.final.checked - s.final.wrong} of ${s.final.checked}`;
  return [
    paired(
      scenario,
      'latency p50',
      'ms, send → on screen',
      both(r, (s) => s.latency.p50),
    ),
    paired(
      scenario,
      'latency p95',
      'ms',
      both(r, (s) => s.latency.p95),
    ),
    paired(
      scenario,
      'latency p99',
      'ms',
      both(r, (s) => s.latency.p99),
      BUDGET.latencyRatio,
    ),
    paired(
      scenario,
      'updates shown',
      '% of sent × screens; the rest coalesced',
      both(r, (s) => s.seenShare * 100),
    ),
    {
      scenario,
      metric: 'final values correct',
      unit: 'gauges',
      wall: finals(r.wall),
      floor: finals(r.floor),
      budget: 'all (wall)',
      holds: r.wall.final.wrong === 0,
    },
    paired(scenario, 'final values shown after', 'ms after the last answer', {
      wall: r.wall.final.settledMs ?? Number.NaN,
      floor: r.floor.final.settledMs ?? Number.NaN,
    }),
    paired(
      scenario,
      'browser CPU per screen',
      '% of a core, while sending',
      both(r, (s) => s.browserCoresPerScreen * 100),
      BUDGET.cpuRatio,
    ),
    paired(
      scenario,
      'server CPU per update',
      'µs',
      both(r, (s) => s.serverUsPerUpdate),
      BUDGET.cpuRatio,
    ),
    paired(
      scenario,
      'server CPU',
      '% of a core',
      both(r, (s) => s.serverCores * 100),
    ),
    paired(
      scenario,
      'JS heap at start',
      'MB after GC, per screen',
      both(r, (s) => s.heapStartMb),
    ),
    paired(
      scenario,
      'JS heap at end',
      'MB after GC, per screen',
      both(r, (s) => s.heapEndMb),
    ),
    paired(
      scenario,
      'driver behind schedule p99',
      'ms (open loop kept)',
      both(r, (s) => s.driver.p99),
    ),
    {
      scenario,
      metric: 'refused requests, page errors',
      unit: 'count',
      wall: `${Object.values(r.wall.refused).reduce((a, b) => a + b, 0)}, ${r.wall.pageErrors.length}`,
      floor: `${Object.values(r.floor.refused).reduce((a, b) => a + b, 0)}, ${r.floor.pageErrors.length}`,
    },
  ];
}

/** Many socket clients without rendering, (c). */
export function compareFanout(scenario: string, r: Pair<FanoutResult>): Compared[] {
  const cores = r.wall.serverCores;
  return [
    paired(
      scenario,
      'messages per client',
      'per second (wall: deltas)',
      both(r, (s) => s.messagesPerSecond),
    ),
    {
      ...paired(
        scenario,
        'server CPU',
        '% of a core',
        both(r, (s) => s.serverCores * 100),
      ),
      budget: `wall < ${BUDGET.fanoutCores * 100} %`,
      holds: cores < BUDGET.fanoutCores,
    },
    paired(
      scenario,
      'server CPU per update',
      'µs',
      both(r, (s) => s.serverUsPerUpdate),
      BUDGET.cpuRatio,
    ),
    paired(
      scenario,
      'worst client, p99 behind',
      'ms',
      both(r, (s) => s.worstP99),
    ),
    {
      ...paired(
        scenario,
        'worst client, most behind',
        'ms',
        both(r, (s) => s.worstMax),
      ),
      budget: `wall ≤ ${BUDGET.fanoutLagMs} ms`,
      holds: r.wall.worstMax <= BUDGET.fanoutLagMs,
    },
    paired(
      scenario,
      'clients that heard nothing',
      'clients',
      both(r, (s) => s.silent),
    ),
  ];
}

/** Durable ingest, (d). */
export function compareIngest(scenario: string, r: Pair<IngestResult>): Compared[] {
  return [
    {
      ...paired(
        scenario,
        'throughput',
        'observations/s, durable',
        both(r, (s) => s.perSecond),
      ),
      budget: `wall ≥ ${BUDGET.ingestPerSecond.toLocaleString('en-US')}`,
      holds: r.wall.perSecond >= BUDGET.ingestPerSecond,
    },
    paired(
      scenario,
      'request p50',
      'ms',
      both(r, (s) => s.requestP50),
    ),
    paired(
      scenario,
      'request p99',
      'ms',
      both(r, (s) => s.requestP99),
    ),
    paired(
      scenario,
      'refused batches',
      'batches',
      both(r, (s) => s.refusedBatches),
    ),
  ];
}

/** Cold load, (e). */
export function compareColdLoad(scenario: string, r: Pair<ColdLoadResult>): Compared[] {
  return [
    {
      ...paired(
        scenario,
        'JavaScript before the first live value',
        'KB gzip',
        both(r, (s) => s.jsGzipKb),
      ),
      budget: `wall ≤ ${BUDGET.initialJsKb} KB`,
      holds: r.wall.jsGzipKb <= BUDGET.initialJsKb,
    },
    paired(
      scenario,
      'script files before it',
      'files',
      both(r, (s) => s.jsFiles),
    ),
    {
      ...paired(scenario, 'first live value, median', `ms from navigation, ${r.wall.loads} loads`, {
        wall: r.wall.firstValueMs.median,
        floor: r.floor.firstValueMs.median,
      }),
      budget: `wall ≤ ${BUDGET.firstValueMs} ms`,
      holds: r.wall.firstValueMs.median <= BUDGET.firstValueMs,
    },
    paired(
      scenario,
      'first live value, slowest',
      'ms',
      both(r, (s) => s.firstValueMs.max),
    ),
  ];
}

/** How many rows carry a budget. */
export const budgets = (rows: readonly Compared[]) => rows.filter((r) => r.holds !== undefined).length;
