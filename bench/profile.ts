// `npm run bench:profile`: where one wall screen spends its time under the feed. Starts the wall (seeded, as in
// the bench), opens one screen, and while the driver sends, records Chromium's own counters (script, style, layout
// time) and a CPU profile of the page; prints both, the heaviest functions first. Environment: PROFILE_RATE
// (updates/s, default 100), PROFILE_SECONDS (default 10), PROFILE_PATH (the screen's address, default /).
import type { CDPSession } from '@playwright/test';
import { runDriver } from './driver/runDriver';
import { launchBrowser, openScreen } from './lib/browser';
import { stopAll } from './lib/children';
import { seedDataDir, startWall } from './lib/servers';

const rate = Number(process.env.PROFILE_RATE ?? 100);
const seconds = Number(process.env.PROFILE_SECONDS ?? 10);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const COUNTERS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'V8CompileDuration'];

async function counters(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.filter((m) => COUNTERS.includes(m.name)).map((m) => [m.name, m.value]));
}

/** Self time per function (name, file, line), the heaviest first. */
function heaviest(nodes: ProfileNode[], samples: number[], timeDeltas: number[], top = 25): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = (timeDeltas[i] ?? 0) / 1000;
    total += dt;
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
}

async function main() {
  const wall = await startWall(await seedDataDir());
  const { browser } = await launchBrowser();
  const { page, cdp } = await openScreen(browser, `${wall.url}${process.env.PROFILE_PATH ?? '/'}`);
  await page.waitForSelector('[data-testid^="gauge-4"] [data-testid="gauge-value"]:not([data-value=""])', {
    state: 'attached',
  });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  let before: Record<string, number> = {};
  let started = 0;
  await runDriver(
    { url: wall.url, rate, seconds },
    {
      sending: () => {
        started = performance.now();
        void counters(cdp).then((c) => {
          before = c;
        });
        void cdp.send('Profiler.start');
      },
    },
  );
  const { profile } = await cdp.send('Profiler.stop');
  const after = await counters(cdp);
  const elapsed = (performance.now() - started) / 1000;
  console.log(`One wall screen, ${rate} updates/s for ${seconds} s: main thread per second of sending`);
  for (const name of COUNTERS) {
    const used = ((after[name] ?? 0) - (before[name] ?? 0)) / elapsed;
    console.log(`  ${name.padEnd(20)} ${(used * 1000).toFixed(0).padStart(5)} ms/s`);
  }
  console.log('\nHeaviest functions (self time):');
  for (const line of heaviest(profile.nodes as ProfileNode[], profile.samples ?? [], profile.timeDeltas ?? [])) {
    console.log(line);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopAll);
