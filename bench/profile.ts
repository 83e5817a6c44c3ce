// `npm run bench:profile`: where the time goes under the feed, on one wall screen and on the server. Starts the wall
// (seeded, as in the bench, with `node --cpu-prof`), opens one screen, and while the driver sends records
// Chromium's own counters (script, style, layout time) and a CPU profile of the page; then prints those, the
// heaviest functions of the page, and the server's CPU by part. Environment: PROFILE_RATE (updates/s, default 100),
// PROFILE_SECONDS (default 10), PROFILE_PATH (the screen's address, default /). For readable function names in the
// page, build the client unminified first: `npx vite build --minify false` (npm start rebuilds it when stale).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CDPSession } from '@playwright/test';
import { runDriver } from './driver/runDriver';
import { launchBrowser, openScreen } from './lib/browser';
import { onExit, stopAll } from './lib/children';
import { type CpuProfile, heaviest, selfByModule, serverParts } from './lib/cpuProfile';
import { seedDataDir, startWall } from './lib/servers';

const rate = Number(process.env.PROFILE_RATE ?? 100);
const seconds = Number(process.env.PROFILE_SECONDS ?? 10);

const COUNTERS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration', 'V8CompileDuration'];

async function counters(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.filter((m) => COUNTERS.includes(m.name)).map((m) => [m.name, m.value]));
}

async function main() {
  const profileDir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-profile-'));
  onExit(async () => rmSync(profileDir, { recursive: true, force: true }));
  const seed = await seedDataDir();
  const spawnedAt = performance.now();
  const wall = await startWall(seed, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] });
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
  const window = { fromMs: 0, toMs: 0 };
  const driver = await runDriver(
    { url: wall.url, rate, seconds },
    {
      sending: () => {
        window.fromMs = performance.now() - spawnedAt;
        void counters(cdp).then((c) => {
          before = c;
        });
        void cdp.send('Profiler.start');
      },
      answered: () => {
        window.toMs = performance.now() - spawnedAt;
      },
    },
  );
  const { profile } = await cdp.send('Profiler.stop');
  const after = await counters(cdp);
  const elapsed = (window.toMs - window.fromMs) / 1000;
  console.log(`One wall screen, ${rate} updates/s for ${seconds} s: the page's main thread per second of sending`);
  for (const name of COUNTERS) {
    const used = ((after[name] ?? 0) - (before[name] ?? 0)) / elapsed;
    console.log(`  ${name.padEnd(20)} ${(used * 1000).toFixed(0).padStart(5)} ms/s`);
  }
  const page_ = heaviest(profile as CpuProfile);
  console.log('\nThe page, heaviest functions (self time):');
  for (const line of page_.self) console.log(line);
  console.log('\nThe page, heaviest functions with what they call:');
  for (const line of page_.total) console.log(line);

  // The server writes its profile when it exits.
  await wall.stop();
  const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('the server wrote no CPU profile');
  const serverProfile = JSON.parse(readFileSync(path.join(profileDir, file), 'utf8')) as CpuProfile;
  const parts = serverParts(serverProfile, window, driver.sends.length);
  const total = parts.reduce((sum, p) => sum + p.ms, 0);
  console.log(`\nThe server while sending (${driver.sends.length} updates; sampled time, profiler overhead included):`);
  for (const p of parts) {
    console.log(
      `${p.ms.toFixed(0).padStart(7)} ms ${((p.ms / total) * 100).toFixed(1).padStart(5)} % ${p.usPerUpdate.toFixed(0).padStart(6)} µs/update  ${p.part}`,
    );
  }
  console.log('\nThe server while sending, self time by module (package, Node built-in or file):');
  for (const line of selfByModule(serverProfile, window, driver.sends.length)) console.log(line);
  const server = heaviest(serverProfile, 40);
  console.log('\nThe server, heaviest functions (self time, whole run):');
  for (const line of server.self) console.log(line);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopAll);
