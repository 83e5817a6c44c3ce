import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../lib/browser';
import type { Target } from '../lib/servers';
import { percentile } from '../lib/stats';

export interface ColdLoadResult {
  loads: number;
  /** JavaScript fetched before the first live value, gzip-compressed (level 9), KB; the same on every load. */
  jsGzipKb: number;
  jsFiles: number;
  /**
   * Everything the page fetched before its first live value, as it crossed the network (Resource Timing's
   * `transferSize`: headers and the body as sent, compressed or not), KB, and how many requests that was.
   */
  wireKb: number;
  wireRequests: number;
  /** From navigation to the first value from the server on screen, ms: median and worst of the loads. */
  firstValueMs: { median: number; max: number };
}

/**
 * Runs in the page before its own scripts: notes when the first gauge shows a value, on the page's clock (ms
 * since navigation started). A string, not a function: the bench's compiled TypeScript would bring helpers the
 * page does not have.
 */
const FIRST_VALUE_PROBE = `(() => {
  const check = () => {
    if (window.__firstValueAt !== undefined) return;
    if (document.querySelector('[data-testid="gauge-value"][data-value]:not([data-value=""])')) {
      window.__firstValueAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-value'],
  });
})();`;

/**
 * Cold loads of a screen: each in a fresh browser context (empty cache) on loopback; the JavaScript the page
 * fetched before its first live value, and how long that value took.
 */
export async function coldLoadScenario(target: Target, loads = 5): Promise<ColdLoadResult> {
  const { browser, close } = await launchBrowser();
  try {
    const times: number[] = [];
    let js = { bytes: 0, files: 0 };
    let wire = { bytes: 0, requests: 0 };
    for (let i = 0; i < loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      const page = await context.newPage();
      await page.addInitScript(FIRST_VALUE_PROBE);
      const bodies = new Map<string, Promise<Buffer>>();
      page.on('response', (response) => {
        if (!/javascript/.test(response.headers()['content-type'] ?? '')) return;
        const body = response.body();
        // A script still arriving when the context closes (the charts, fetched after the first value) rejects.
        body.catch(() => {});
        bodies.set(response.url(), body);
      });
      await page.goto(target.url);
      // A function, not a string: the wall's Content Security Policy forbids eval.
      await page.waitForFunction(
        () => (window as { __firstValueAt?: number }).__firstValueAt !== undefined,
        undefined,
        {
          timeout: 30_000,
        },
      );
      const firstAt = (await page.evaluate('window.__firstValueAt')) as number;
      // The scripts whose download ended before the first value: what the screen needed to show it.
      const before = (await page.evaluate(
        `[...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
          .filter((e) => e.responseEnd <= ${firstAt}).map((e) => ({ url: e.name, transferSize: e.transferSize }))`,
      )) as { url: string; transferSize: number }[];
      wire = { bytes: before.reduce((sum, e) => sum + e.transferSize, 0), requests: before.length };
      let bytes = 0;
      let files = 0;
      for (const { url } of before) {
        const body = bodies.get(url);
        if (!body) continue;
        bytes += gzipSync(await body, { level: 9 }).length;
        files += 1;
      }
      js = { bytes, files };
      times.push(firstAt);
      await context.close();
    }
    return {
      loads,
      jsGzipKb: js.bytes / 1024,
      jsFiles: js.files,
      wireKb: wire.bytes / 1024,
      wireRequests: wire.requests,
      firstValueMs: { median: percentile(times, 0.5), max: Math.max(...times) },
    };
  } finally {
    await close();
  }
}
