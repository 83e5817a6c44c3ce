import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/support/browser';

/**
 * Runs in the page before its scripts: records each seq its screen shows, in order, in `window.seqsShown`, as the
 * attribute changes (the server's TypeScript has no DOM types, hence a script of the page's own).
 */
const RECORD_SEQS = `
window.seqsShown = [];
const note = (el) => {
  const seq = Number(el.getAttribute('data-seq'));
  const seen = window.seqsShown;
  if (Number.isFinite(seq) && seen[seen.length - 1] !== seq) seen.push(seq);
};
new MutationObserver((records) => {
  for (const r of records) if (r.target instanceof Element && r.target.hasAttribute('data-seq')) note(r.target);
  for (const r of records) {
    for (const n of r.addedNodes) {
      if (!(n instanceof Element)) continue;
      if (n.hasAttribute('data-seq')) note(n);
      n.querySelectorAll('[data-seq]').forEach(note);
    }
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-seq'], childList: true });
`;

/**
 * A real browser showing a view of the wall through `url` (the balancer), as a kiosk would. The page records each seq its
 * screen shows (`data-seq`, set from the client's state) as the attribute changes, so a step back between two
 * samples cannot slip by; the test reads them at the end.
 */
export async function watchInBrowser(url: string, view = '/') {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript({ content: RECORD_SEQS });
  await page.goto(`${url}${view}?kiosk=1`);
  await page.getByTestId('screen').waitFor();
  return {
    /** The seq the page shows now, read from the DOM. */
    async seq(): Promise<number> {
      return Number(await page.getByTestId('screen').getAttribute('data-seq'));
    },
    /** Every seq shown so far, in order. */
    async seqsShown(): Promise<number[]> {
      return page.evaluate('window.seqsShown ?? []') as Promise<number[]>;
    },
    /** The text the page shows in the first element `selector` matches. */
    async text(selector: string): Promise<string> {
      return (await page.locator(selector).first().textContent()) ?? '';
    },
    /** Saves what the page shows now as a PNG (for a person to look at after the run). */
    async screenshot(file: string): Promise<void> {
      await page.screenshot({ path: file });
    },
    /** Whether the page shows its link as down now. */
    async linkDown(): Promise<boolean> {
      return (await page.getByTestId('screen').getAttribute('data-link-down')) === '1';
    },
    close: () => browser.close(),
  };
}
