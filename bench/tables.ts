import type { Compared } from './lib/compare';
import type { ColdLoadResult } from './scenarios/coldLoad';
import type { FanoutResult } from './scenarios/fanout';
import type { IngestResult } from './scenarios/ingest';
import type { NationalResult } from './scenarios/nationalScale';
import type { ScreensResult } from './scenarios/screens';

type Pair<T> = { wall: T; floor: T };

/** The budgets of the issue, in one place: what each figure is held to. */
export const BUDGET = {
  /** (a), (b), (f): the wall's p99 latency over the floor's. */
  latencyRatio: 3,
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
  /** (f): the page's main-thread CPU per delta on the overview at 21 units, ms. */
  pageMsPerDelta: 2,
  /** (g): a kiosk box four times slower: p99 latency, ms, and the share of its main thread busy. */
  kioskP99Ms: 250,
  kioskBusyShare: 0.25,
  /** (h): the national deployment's navigation to the first live value, ms. */
  nationalFirstValueMs: 1_500,
  /** (h): its p99 latency over the 21-unit set's. */
  nationalLatencyRatio: 1.5,
  /**
   * (h): its page main-thread time per delta over the 21-unit set's. A delta carries the units that changed, so the
   * units that did not must cost nothing: the ratio stays at 1, with room for a shared machine's noise.
   */
  nationalPerDeltaRatio: 1.25,
};

/** A budget on a row: in words, and whether this run met it. */
type Budget = { budget: string; holds: boolean };

/**
 * Rows of one scenario: a figure picked from both results, with their ratio, and a budget when given (a number
 * holds the ratio to at most that; a function judges the pair).
 */
function rowsOf<T>(scenario: string, r: Pair<T>) {
  return (metric: string, unit: string, pick: (t: T) => number, budget?: number | ((p: Pair<number>) => Budget)) => {
    const wall = pick(r.wall);
    const floor = pick(r.floor);
    const ratio = floor > 0 && Number.isFinite(wall) ? wall / floor : Number.NaN;
    const judged =
      typeof budget === 'number' ? { budget: `ratio ≤ ${budget}`, holds: ratio <= budget } : budget?.({ wall, floor });
    return { scenario, metric, unit, wall, floor, ratio, ...judged } satisfies Compared;
  };
}

const atMost = (limit: number, unit: string) => (p: Pair<number>) => ({
  budget: `wall ≤ ${limit.toLocaleString('en-US')}${unit}`,
  holds: p.wall <= limit,
});

/** Every gauge on every screen must end on the last value sent to it. */
function finalsRow(scenario: string, r: Pair<ScreensResult>): Compared {
  const finals = (s: ScreensResult) => `${s.final.checked - s.final.wrong} of ${s.final.checked}`;
  return {
    scenario,
    metric: 'final values correct',
    unit: 'gauges',
    wall: finals(r.wall),
    floor: finals(r.floor),
    budget: 'all (wall)',
    holds: r.wall.final.wrong === 0,
  };
}

/**
 * Screens watching a feed, (a), (b) and (f); `perDelta` holds the page's CPU per delta to its budget (one screen
 * at the rate the budget is set for).
 */
export function compareScreens(
  scenario: string,
  r: Pair<ScreensResult>,
  options: { perDelta?: boolean } = {},
): Compared[] {
  const row = rowsOf(scenario, r);
  return [
    row('latency p50', 'ms, send → on screen', (s) => s.latency.p50),
    row('latency p95', 'ms', (s) => s.latency.p95),
    row('latency p99', 'ms', (s) => s.latency.p99, BUDGET.latencyRatio),
    row('updates shown', '% of sent × screens; the rest coalesced', (s) => s.seenShare * 100),
    finalsRow(scenario, r),
    row('final values shown after', 'ms after the last answer', (s) => s.final.settledMs ?? Number.NaN),
    row('browser CPU per screen', '% of a core, while sending', (s) => s.browserCoresPerScreen * 100, BUDGET.cpuRatio),
    row(
      'page main thread per message',
      'ms CPU above idle, per delta (floor: per update)',
      (s) => s.pageMsPerMessage,
      options.perDelta ? atMost(BUDGET.pageMsPerDelta, ' ms') : undefined,
    ),
    row('server CPU per update', 'µs', (s) => s.serverUsPerUpdate, BUDGET.cpuRatio),
    row('server CPU', '% of a core', (s) => s.serverCores * 100),
    row('JS heap at start', 'MB after GC, per screen', (s) => s.heapStartMb),
    row('JS heap at end', 'MB after GC, per screen', (s) => s.heapEndMb),
    row('driver behind schedule p99', 'ms (open loop kept)', (s) => s.driver.p99),
    {
      scenario,
      metric: 'refused requests, page errors',
      unit: 'count',
      wall: `${Object.values(r.wall.refused).reduce((a, b) => a + b, 0)}, ${r.wall.pageErrors.length}`,
      floor: `${Object.values(r.floor.refused).reduce((a, b) => a + b, 0)}, ${r.floor.pageErrors.length}`,
    },
  ];
}

/** One screen on a slow kiosk box, (g): its latency and how busy it was, held to absolute budgets. */
export function compareKiosk(scenario: string, r: Pair<ScreensResult>): Compared[] {
  const row = rowsOf(scenario, r);
  const kiosk = (s: ScreensResult) =>
    s.kiosk ?? { busyShare: Number.NaN, longFrames: 0, droppedFrames: 0, longestFrameMs: 0 };
  return [
    row('latency p50', 'ms, send → on screen', (s) => s.latency.p50),
    row('latency p99', 'ms', (s) => s.latency.p99, atMost(BUDGET.kioskP99Ms, ' ms')),
    row(
      'main thread busy',
      '% of the time sending, throttled',
      (s) => kiosk(s).busyShare * 100,
      atMost(BUDGET.kioskBusyShare * 100, ' %'),
    ),
    row('frames longer than 50 ms', 'frames', (s) => kiosk(s).longFrames),
    row('frames dropped', 'at 60 Hz, in the long frames', (s) => kiosk(s).droppedFrames),
    row('longest frame', 'ms', (s) => kiosk(s).longestFrameMs),
    row('JS heap at end', 'MB after GC', (s) => s.heapEndMb),
    finalsRow(scenario, r),
  ];
}

/** Many socket clients without rendering, (c). */
export function compareFanout(scenario: string, r: Pair<FanoutResult>): Compared[] {
  const row = rowsOf(scenario, r);
  return [
    row('messages per client', 'per second (wall: deltas)', (s) => s.messagesPerSecond),
    row(
      'server CPU',
      '% of a core',
      (s) => s.serverCores * 100,
      (p) => ({
        budget: `wall < ${BUDGET.fanoutCores * 100} %`,
        holds: p.wall < BUDGET.fanoutCores * 100,
      }),
    ),
    row('server CPU per update', 'µs', (s) => s.serverUsPerUpdate, BUDGET.cpuRatio),
    row('worst client, p99 behind', 'ms', (s) => s.worstP99),
    row('worst client, most behind', 'ms', (s) => s.worstMax, atMost(BUDGET.fanoutLagMs, ' ms')),
    row('clients that heard nothing', 'clients', (s) => s.silent),
  ];
}

/** Durable ingest, (d). */
export function compareIngest(scenario: string, r: Pair<IngestResult>): Compared[] {
  const row = rowsOf(scenario, r);
  return [
    row(
      'throughput',
      'observations/s, durable',
      (s) => s.perSecond,
      (p) => ({
        budget: `wall ≥ ${BUDGET.ingestPerSecond.toLocaleString('en-US')}`,
        holds: p.wall >= BUDGET.ingestPerSecond,
      }),
    ),
    row('request p50', 'ms', (s) => s.requestP50),
    row('request p99', 'ms', (s) => s.requestP99),
    row('refused batches', 'batches', (s) => s.refusedBatches),
  ];
}

/** Cold load, (e). */
export function compareColdLoad(scenario: string, r: Pair<ColdLoadResult>): Compared[] {
  const row = rowsOf(scenario, r);
  return [
    row('JavaScript before the first live value', 'KB gzip', (s) => s.jsGzipKb, atMost(BUDGET.initialJsKb, ' KB')),
    row('script files before it', 'files', (s) => s.jsFiles),
    row('bytes on the wire before it (every file, as sent)', 'KB', (s) => s.wireKb),
    row('requests before it', 'requests', (s) => s.wireRequests),
    row(
      'first live value, median',
      `ms from navigation, ${r.wall.loads} loads`,
      (s) => s.firstValueMs.median,
      atMost(BUDGET.firstValueMs, ' ms'),
    ),
    row('first live value, slowest', 'ms', (s) => s.firstValueMs.max),
  ];
}

/**
 * The national deployment against the 21-unit set, (h): `wall` is the national wall, `floor` the 21-unit wall of
 * the same run, so the ratio is national over 21 units.
 */
export function compareNational(scenario: string, r: Pair<NationalResult>): Compared[] {
  const row = rowsOf(scenario, r);
  return [
    row('deployment a screen loads', 'KB gzip', (s) => s.deploymentGzipKb),
    row('snapshot a screen loads', 'KB gzip', (s) => s.snapshotGzipKb),
    row(
      'first live value, median',
      `ms from navigation, ${r.wall.cold.loads} loads`,
      (s) => s.cold.firstValueMs.median,
      atMost(BUDGET.nationalFirstValueMs, ' ms'),
    ),
    row('first live value, slowest', 'ms', (s) => s.cold.firstValueMs.max),
    row('latency p50', 'ms, send → on screen', (s) => s.screens.latency.p50),
    row('latency p99', 'ms', (s) => s.screens.latency.p99, BUDGET.nationalLatencyRatio),
    row(
      'page main thread per delta',
      'ms CPU above idle, overview',
      (s) => s.screens.pageMsPerMessage,
      BUDGET.nationalPerDeltaRatio,
    ),
    row('updates shown', '% of sent; the rest coalesced or on another page', (s) => s.screens.seenShare * 100),
    row(
      'updates first shown as their page came round',
      'count; left out of the latencies above',
      (s) => s.screens.shownOnDraw,
    ),
    {
      scenario,
      metric: 'final values correct',
      unit: 'gauges on screen',
      wall: `${r.wall.screens.final.checked - r.wall.screens.final.wrong} of ${r.wall.screens.final.checked}`,
      floor: `${r.floor.screens.final.checked - r.floor.screens.final.wrong} of ${r.floor.screens.final.checked}`,
      budget: 'all (both)',
      holds: r.wall.screens.final.wrong === 0 && r.floor.screens.final.wrong === 0,
    },
    row('server CPU per update', 'µs', (s) => s.screens.serverUsPerUpdate),
    row('server memory after the load', 'MB resident', (s) => s.serverRssMb),
    row('server memory at its peak', 'MB resident', (s) => s.serverPeakRssMb),
    row('driver behind schedule p99', 'ms (open loop kept)', (s) => s.screens.driver.p99),
  ];
}

/** How many rows carry a budget. */
export const budgets = (rows: readonly Compared[]) => rows.filter((r) => r.holds !== undefined).length;
