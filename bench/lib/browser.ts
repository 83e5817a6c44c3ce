import { type Browser, type CDPSession, chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/support/browser';
import { onExit } from './children';

export interface BenchBrowser {
  browser: Browser;
  /** The browser's main process: its tree holds every renderer, GPU and utility process. */
  pid: number;
  close(): Promise<void>;
}

/**
 * A headless Chromium for the bench, closed on the way out whatever happens. Launched as a server, so that its
 * process id is known (for its CPU time), then connected to.
 */
export async function launchBrowser(): Promise<BenchBrowser> {
  const options = chromiumLaunchOptions();
  const server = await chromium.launchServer({
    ...options,
    args: [...(options.args ?? []), '--enable-precise-memory-info'],
  });
  const pid = server.process().pid;
  if (pid === undefined) throw new Error('the browser has no process of its own');
  const browser = await chromium.connect(server.wsEndpoint());
  const close = async () => {
    await browser.close();
    await server.close();
  };
  const unregister = onExit(close);
  return {
    browser,
    pid,
    close: async () => {
      unregister();
      await close();
    },
  };
}

/** The page's JS heap in use, in bytes, after a full garbage collection. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** A page of its own (a screen) at 1920x1080, with a DevTools session for heap figures. */
export async function openScreen(browser: Browser, url: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(url);
  return { page, cdp };
}
