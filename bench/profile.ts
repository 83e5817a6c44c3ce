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
  children?: number[];
}

const COUNTERS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'V8CompileDuration'];

async function counters(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.filter((m) => COUNTERS.includes(m.name)).map((m) => [m.name, m.value]));
}

const frameName = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`;
};

/**
 * Time per function, the heaviest first: `self` counts the samples in the function itself, `total` also those in
 * what it called (each function once per sample, however deep the recursion).
 */
function heaviest(nodes: ProfileNode[], samples: number[], timeDeltas: number[], top = 60) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  samples.forEach((id, i) => {
    const dt = (timeDeltas[i] ?? 0) / 1000;
    all += dt;
    const node = byId.get(id);
    if (!node) return;
    self.set(frameName(node), (self.get(frameName(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const name = frameName(n);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + dt);
    }
  });
  const list = (times: Map<string, number>) =>
    [...times.entries()]
      .filter(([name]) => !/^\((idle|root|program)\)/.test(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((ms / all) * 100).toFixed(1).padStart(5)} %  ${name}`);
  return { self: list(self), total: list(total) };
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
  console.log(
    `profile span ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s, samples ${profile.samples?.length}, sum ${((profile.timeDeltas ?? []).reduce((a, b) => a + b, 0) / 1e6).toFixed(1)} s`,
  );
  const after = await counters(cdp);
  const elapsed = (performance.now() - started) / 1000;
  console.log(`One wall screen, ${rate} updates/s for ${seconds} s: main thread per second of sending`);
  for (const name of COUNTERS) {
    const used = ((after[name] ?? 0) - (before[name] ?? 0)) / elapsed;
    console.log(`  ${name.padEnd(20)} ${(used * 1000).toFixed(0).padStart(5)} ms/s`);
  }
  const times = heaviest(profile.nodes as ProfileNode[], profile.samples ?? [], profile.timeDeltas ?? []);
  console.log('\nHeaviest functions, self time (build with `npx vite build --minify false` for readable names):');
  for (const line of times.self) console.log(line);
  console.log('\nHeaviest functions, with what they call:');
  for (const line of times.total) console.log(line);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopAll);
