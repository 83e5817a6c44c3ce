import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import type { DriverResult } from '../driver/driver';
import { driverConfig, runDriver } from '../driver/runDriver';
import { heapAfterGc, launchBrowser, openScreen } from '../lib/browser';
import { processCpuSeconds, treeCpuSeconds } from '../lib/procCpu';
import type { Target } from '../lib/servers';
import { percentile } from '../lib/stats';

export interface ScreensOptions {
  target: Target;
  screens: number;
  /** Updates per second. */
  rate: number;
  seconds: number;
  /** The first update's index (values stay unique across runs on one server). */
  first?: number;
  /** Unmeasured time after the screens are live: history loads, charts draw, fonts arrive. */
  warmupMs?: number;
  /** Seconds of updates sent before the measured ones (see DriverConfig.warmupSeconds). */
  warmupSeconds?: number;
  /**
   * Slows each screen's main thread this many times (DevTools' CPU throttling) once it is live: a low-cost kiosk
   * box. The result then says how busy the page was and how many frames it dropped.
   */
  cpuThrottle?: number;
  /** The deployment whose units the driver feeds, when not the run's own (the wall must run the same one). */
  deployment?: string;
}

/** How a throttled screen coped, while the driver was sending (the mean over the screens). */
export interface KioskFigures {
  /** The main thread's time in tasks over the time sending, 0 to 1 (throttled time counts, as on the slow box). */
  busyShare: number;
  /** Frames longer than 50 ms, and the frames at 60 Hz they stand for beyond the one drawn. */
  longFrames: number;
  droppedFrames: number;
  longestFrameMs: number;
}

export interface ScreensResult {
  sent: number;
  /** Answers other than 200, by status. */
  refused: Record<string, number>;
  driver: DriverResult['lateMs'];
  /**
   * Send to change on screen, ms, over every gauge of every screen, for gauges that were on screen: a value first
   * shown when its gauge was drawn (a paged overview's next page) is counted in `shownOnDraw` instead, as it waited
   * for its page, not for the wall.
   */
  latency: { p50: number; p95: number; p99: number; samples: number };
  /** Values sent that a screen first showed when the gauge was drawn anew (its page came round). */
  shownOnDraw: number;
  /** The share of (update, screen) pairs that reached the screen; the rest were coalesced away. */
  seenShare: number;
  final: { checked: number; wrong: number; settledMs: number | null };
  /** Server CPU (user + system) per update, in microseconds, from the first update to the last answer. */
  serverUsPerUpdate: number;
  serverCores: number;
  /** Chromium (every process) per screen, in cores (1 = one core busy), while sending. */
  browserCoresPerScreen: number;
  /** Mean over the screens of the JS heap after a forced GC, in MB. */
  heapStartMb: number;
  heapEndMb: number;
  pageErrors: string[];
  /**
   * The page's main-thread CPU per message it got (a delta on the wall, an update on the floor), in ms, above what
   * it spends idle (measured for two seconds before sending): the mean over the screens.
   */
  pageMsPerMessage: number;
  kiosk?: KioskFigures;
}

/** How long the final values may take to appear after the last answer before they count as wrong. */
const SETTLE_LIMIT_MS = 5_000;
const MB = 1024 * 1024;

/** What frameObserver.js leaves in a screen: [long frames, frames dropped, longest ms]. */
type Frames = { __frames: () => [number, number, number] };
/** What gaugeObserver.js leaves in each screen. */
type Bench = { __bench: { gauges: number; changes: [gauge: string, value: string, at: number, drawn: 0 | 1][] } };
const OBSERVER = readFileSync(path.join(import.meta.dirname, 'gaugeObserver.js'), 'utf8');
const FRAMES = readFileSync(path.join(import.meta.dirname, 'frameObserver.js'), 'utf8');

/** How long the page's idle cost is measured before sending. */
const IDLE_MS = 2_000;

/** The main thread's time in tasks (wall time) and its CPU time so far, in seconds (Chromium's counters). */
async function mainThread(cdp: CDPSession): Promise<{ tasks: number; cpu: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { tasks: metric('TaskDuration'), cpu: metric('ThreadTime') };
}

/** The live messages a screen gets over its WebSocket: the wall's deltas, the floor's updates. */
const LIVE_MESSAGE = /^42(\/wall,)?\["(delta|update)"/;

/** What each gauge shows now: [gauge test id, data-value]. */
const readGauges = (page: Page): Promise<[string, string][]> =>
  page.$$eval('[data-testid="gauge-value"]', (els) =>
    els.map((el): [string, string] => [
      el.closest('[data-testid^="gauge-"]:not([data-testid="gauge-value"])')?.getAttribute('data-testid') ?? '',
      el.getAttribute('data-value') ?? '',
    ]),
  );

/** The value each gauge must end on: the last one sent to its district (the floor's one gauge: the last sent). */
function expectedFinals(target: Target, sends: DriverResult['sends']): Map<string, number> {
  const expected = new Map<string, number>();
  for (const [region, value] of sends) expected.set(target.kind === 'wall' ? `gauge-${region}` : 'gauge-floor', value);
  return expected;
}

/**
 * Screens watching a feed: `screens` pages of the target in one Chromium, the driver sending `rate` updates a
 * second for `seconds`, and what each screen showed and when.
 */
export async function screensScenario(options: ScreensOptions): Promise<ScreensResult> {
  const { target } = options;
  const { browser, pid: browserPid, close } = await launchBrowser();
  try {
    const pageErrors: string[] = [];
    const screens: { page: Page; cdp: CDPSession }[] = [];
    for (let i = 0; i < options.screens; i++) {
      const screen = await openScreen(browser, target.url);
      screen.page.on('pageerror', (error) => pageErrors.push(error.message));
      screens.push(screen);
    }
    for (const { page } of screens) {
      const ready =
        target.kind === 'wall' ? 'li.gauge [data-testid="gauge-value"]:not([data-value=""])' : 'body[data-live="1"]';
      await page.waitForSelector(ready, { state: 'attached', timeout: 30_000 });
    }
    await new Promise((resolve) => setTimeout(resolve, options.warmupMs ?? 3_000));
    for (const { page } of screens) {
      // Evaluated rather than added as a script tag: the wall's Content Security Policy forbids inline scripts.
      await page.evaluate(OBSERVER);
      const gauges = await page.evaluate(() => (window as unknown as Bench).__bench.gauges);
      if (gauges === 0) throw new Error(`no gauge on the ${target.kind}'s screen`);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const heapStart = await Promise.all(screens.map(({ cdp }) => heapAfterGc(cdp)));
    const throttle = options.cpuThrottle;
    const messages = screens.map(() => 0);
    for (const [i, { page, cdp }] of screens.entries()) {
      if (throttle) {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
        await page.evaluate(FRAMES);
      }
      await cdp.send('Performance.enable');
      await cdp.send('Network.enable');
      cdp.on('Network.webSocketFrameReceived', ({ response }) => {
        if (LIVE_MESSAGE.test(response.payloadData)) messages[i] = (messages[i] ?? 0) + 1;
      });
    }
    const allThreads = () => Promise.all(screens.map(({ cdp }) => mainThread(cdp)));
    const idleFrom = await allThreads();
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const idleTo = await allThreads();
    let threads: Promise<{ tasks: number; cpu: number }[]> = Promise.resolve([]);
    let threadsEnd: Promise<{ tasks: number; cpu: number }[]> = Promise.resolve([]);
    let messagesFrom: number[] = [];
    let messagesTo: number[] = [];

    let cpu = { server: 0, browser: 0, at: 0 };
    let used = { server: 0, browser: 0, seconds: 0 };
    const sample = () => ({
      server: processCpuSeconds(target.pid),
      browser: treeCpuSeconds(browserPid),
      at: performance.now(),
    });
    const driver = await runDriver(
      driverConfig(target.url, options),
      {
        sending: () => {
          cpu = sample();
          threads = allThreads();
          messagesFrom = [...messages];
        },
        answered: () => {
          const end = sample();
          threadsEnd = allThreads();
          messagesTo = [...messages];
          used = {
            server: end.server - cpu.server,
            browser: end.browser - cpu.browser,
            seconds: (end.at - cpu.at) / 1000,
          };
        },
      },
      options.deployment,
    );
    const answered = performance.now();

    // Final values: every gauge must come to the last value sent to it.
    const expected = expectedFinals(target, driver.sends);
    let wrong = 0;
    let settledMs: number | null = null;
    for (;;) {
      wrong = 0;
      for (const { page } of screens) {
        for (const [gauge, value] of await readGauges(page)) {
          const want = expected.get(gauge);
          if (want !== undefined && Number(value) !== want) wrong += 1;
        }
      }
      const waited = performance.now() - answered;
      if (wrong === 0) {
        settledMs = waited;
        break;
      }
      if (waited > SETTLE_LIMIT_MS) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const measured = driver.sends.slice(driver.measuredFrom);
    const sentAt = new Map<number, number>(measured.map(([, value, at]) => [value, at]));
    const latencies: number[] = [];
    let shownOnDraw = 0;
    for (const { page } of screens) {
      const changes = await page.evaluate(() => (window as unknown as Bench).__bench.changes);
      for (const [, value, at, drawn] of changes) {
        const sent = sentAt.get(Number(value));
        if (sent === undefined) continue;
        if (drawn) shownOnDraw += 1;
        else latencies.push(at - sent);
      }
    }
    const [from, to] = [await threads, await threadsEnd];
    const perMessage = screens.map((_, i) => {
      const idle = ((idleTo[i]?.cpu ?? 0) - (idleFrom[i]?.cpu ?? 0)) / (IDLE_MS / 1000);
      const cpu = (to[i]?.cpu ?? 0) - (from[i]?.cpu ?? 0) - idle * used.seconds;
      return (cpu * 1000) / Math.max(1, (messagesTo[i] ?? 0) - (messagesFrom[i] ?? 0));
    });
    let kiosk: KioskFigures | undefined;
    if (throttle) {
      const frames = await Promise.all(
        screens.map(({ page }) => page.evaluate(() => (window as unknown as Frames).__frames())),
      );
      const busy = screens.map((_, i) => ((to[i]?.tasks ?? 0) - (from[i]?.tasks ?? 0)) / used.seconds);
      kiosk = {
        busyShare: mean(busy),
        longFrames: mean(frames.map((f) => f[0])),
        droppedFrames: mean(frames.map((f) => f[1])),
        longestFrameMs: Math.max(...frames.map((f) => f[2])),
      };
    }
    const heapEnd = await Promise.all(screens.map(({ cdp }) => heapAfterGc(cdp)));
    const refused = Object.fromEntries(Object.entries(driver.answers).filter(([status]) => status !== '200'));
    return {
      sent: measured.length,
      refused,
      driver: driver.lateMs,
      latency: {
        p50: percentile(latencies, 0.5),
        p95: percentile(latencies, 0.95),
        p99: percentile(latencies, 0.99),
        samples: latencies.length,
      },
      shownOnDraw,
      seenShare: (latencies.length + shownOnDraw) / (measured.length * screens.length),
      final: { checked: expected.size * screens.length, wrong, settledMs },
      serverUsPerUpdate: (used.server / measured.length) * 1e6,
      serverCores: used.server / used.seconds,
      browserCoresPerScreen: used.browser / used.seconds / screens.length,
      heapStartMb: mean(heapStart) / MB,
      heapEndMb: mean(heapEnd) / MB,
      pageErrors,
      pageMsPerMessage: mean(perMessage),
      ...(kiosk && { kiosk }),
    };
  } finally {
    await close();
  }
}
