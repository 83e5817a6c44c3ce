import { type CDPSession, chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/support/browser';
import { type HeapBreakdown, heapBreakdown } from '../lib/heapSnapshot';
import type { Row } from '../lib/report';
import { percentile, round, slope } from '../lib/stats';

export interface SoakOptions {
  /** The wall server to watch. */
  url: string;
  minutes: number;
  /** Unmeasured time first, so the start figure is the screen at work, not the screen loading. */
  warmupSec: number;
  /** Samples are taken once per playlist cycle, at the same point of it, so that they compare like with like. */
  cycleSec: number;
  /** The screen's address: a kiosk with a playlist, so views come and go as they do on a wall. */
  path: string;
  log?: (line: string) => void;
}

export interface SoakSample {
  minute: number;
  heapMb: number;
  nodes: number;
  listeners: number;
  seq: number;
  deltas: number;
  changes: number;
}

const MB = 1024 * 1024;

/** The page's JS heap after a full collection, and its DOM nodes and event listeners, from the DevTools protocol. */
async function measure(cdp: CDPSession): Promise<{ heap: number; nodes: number; listeners: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { heap: metric('JSHeapUsedSize'), nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
}

/** Waits until the server's clock is `offsetSec` into a cycle of `cycleSec` (server and browser share a clock). */
const untilPhase = (cycleSec: number, offsetSec: number) => {
  const cycle = cycleSec * 1000;
  const wait = (offsetSec * 1000 - (Date.now() % cycle) + cycle) % cycle;
  return new Promise((resolve) => setTimeout(resolve, wait));
};

/**
 * A wall screen left running: one Chromium page in kiosk mode on a playlist, fed at a high update rate, measured
 * once per playlist cycle. Reports the JS heap (after a forced collection) and the DOM node and listener counts at
 * the start and the end, and how many deltas the page applied.
 */
export async function soakScenario(options: SoakOptions): Promise<{ rows: Row[]; samples: SoakSample[] }> {
  const log = options.log ?? (() => {});
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    // The updates the screen receives, counted off the wire: delta frames and the readings they carry.
    const received = { deltas: 0, changes: 0 };
    await cdp.send('Network.enable');
    cdp.on('Network.webSocketFrameReceived', ({ response }) => {
      if (!response.payloadData.startsWith('42/wall,["delta"')) return;
      received.deltas += 1;
      received.changes += (response.payloadData.match(/"region":/g) ?? []).length;
    });
    await page.goto(`${options.url}${options.path}`);
    await page.getByTestId('link-status').and(page.locator('[data-state="live"]')).waitFor({ timeout: 30_000 });
    log(`warming up for ${options.warmupSec} s`);
    await new Promise((resolve) => setTimeout(resolve, options.warmupSec * 1000));

    const samples: SoakSample[] = [];
    const started = Date.now();
    const deadline = started + options.minutes * 60_000;
    let breakdownStart: HeapBreakdown | null = null;
    for (;;) {
      await untilPhase(options.cycleSec, options.cycleSec / 6);
      // The split of the heap at the start: a snapshot, taken where the first sample is, before it.
      breakdownStart ??= await heapBreakdown(cdp);
      const m = await measure(cdp);
      const seq = Number(await page.getByTestId('screen').getAttribute('data-seq'));
      const sample = {
        minute: round((Date.now() - started) / 60_000, 2),
        heapMb: round(m.heap / MB, 2),
        nodes: m.nodes,
        listeners: m.listeners,
        seq,
        ...received,
      };
      samples.push(sample);
      log(
        `t=${sample.minute} min heap=${sample.heapMb} MB nodes=${sample.nodes} listeners=${sample.listeners} ` +
          `seq=${seq} deltas=${received.deltas} readings=${received.changes}`,
      );
      if (Date.now() + options.cycleSec * 1000 > deadline) break;
    }
    const breakdownEnd = await heapBreakdown(cdp);
    const first = samples[0];
    const last = samples.at(-1);
    if (!first || !last || !breakdownStart) throw new Error('no samples');
    const objects = [breakdownStart.objectsBytes / MB, breakdownEnd.objectsBytes / MB];
    const code = [breakdownStart.codeBytes / MB, breakdownEnd.codeBytes / MB];
    const name = `soak, ${options.minutes} min`;
    // One sample can catch garbage the collector left (a view switch just before it): the start and end figures
    // are the median of three samples each, and the slope fits them all.
    const heapStart = percentile(
      samples.slice(0, 3).map((s) => s.heapMb),
      0.5,
    );
    const heapEnd = percentile(
      samples.slice(-3).map((s) => s.heapMb),
      0.5,
    );
    const growth = ((heapEnd - heapStart) / heapStart) * 100;
    const minutes = last.minute - first.minute || 1;
    return {
      samples,
      rows: [
        { scenario: name, metric: 'JS heap at start', value: heapStart, unit: 'MB (after GC, median of 3)' },
        { scenario: name, metric: 'JS heap at end', value: heapEnd, unit: 'MB (after GC, median of 3)' },
        { scenario: name, metric: 'JS heap growth', value: round(growth, 1), unit: '% (goal < 10)' },
        {
          scenario: name,
          metric: 'JS heap trend',
          value: round(slope(samples.map((s) => [s.minute, s.heapMb])) * 60, 2),
          unit: 'MB per hour (least squares)',
        },
        { scenario: name, metric: 'JS objects at start', value: round(objects[0] ?? 0, 2), unit: 'MB (heap snapshot)' },
        { scenario: name, metric: 'JS objects at end', value: round(objects[1] ?? 0, 2), unit: 'MB (heap snapshot)' },
        {
          scenario: name,
          metric: 'JS objects growth',
          value: round((((objects[1] ?? 0) - (objects[0] ?? 0)) / (objects[0] ?? 1)) * 100, 1),
          unit: '% (what the application keeps)',
        },
        {
          scenario: name,
          metric: 'compiled code, start → end',
          value: `${round(code[0] ?? 0, 2)} → ${round(code[1] ?? 0, 2)}`,
          unit: "MB (the engine's, in the JS heap)",
        },
        {
          scenario: name,
          metric: 'JS heap, largest sample',
          value: Math.max(...samples.map((s) => s.heapMb)),
          unit: 'MB',
        },
        { scenario: name, metric: 'DOM nodes at start', value: first.nodes, unit: 'nodes' },
        { scenario: name, metric: 'DOM nodes at end', value: last.nodes, unit: 'nodes' },
        { scenario: name, metric: 'event listeners at start', value: first.listeners, unit: 'listeners' },
        { scenario: name, metric: 'event listeners at end', value: last.listeners, unit: 'listeners' },
        { scenario: name, metric: 'deltas applied', value: last.deltas - first.deltas, unit: 'deltas' },
        {
          scenario: name,
          metric: 'delta rate',
          value: round((last.deltas - first.deltas) / (minutes * 60), 1),
          unit: 'deltas/s',
        },
        {
          scenario: name,
          metric: 'update rate',
          value: round((last.changes - first.changes) / (minutes * 60), 1),
          unit: 'readings/s',
        },
        { scenario: name, metric: 'seq advanced', value: last.seq - first.seq, unit: 'ingest batches' },
        { scenario: name, metric: 'uncaught page errors', value: errors.length, unit: 'errors' },
      ],
    };
  } finally {
    await browser.close();
  }
}
