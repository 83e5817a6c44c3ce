import type { ScreensResult } from '../scenarios/screens';

/** A screens result for the tables' tests: its p99, wrong final values, browser cores and server µs per update. */
export const screens = (p99: number, wrong: number, browser: number, server: number): ScreensResult => ({
  sent: 100,
  refused: {},
  driver: { p50: 0, p99: 0, max: 0 },
  latency: { p50: p99 / 2, p95: p99, p99, samples: 100 },
  shownOnDraw: 0,
  seenShare: 1,
  final: { checked: 21, wrong, settledMs: wrong ? null : 10 },
  serverUsPerUpdate: server,
  serverCores: 0.1,
  browserCoresPerScreen: browser,
  heapStartMb: 10,
  heapEndMb: 11,
  pageErrors: [],
  pageMsPerMessage: 1,
});
