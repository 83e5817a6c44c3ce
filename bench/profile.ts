// `npm run bench:profile`: where the time goes under the feed, on one wall screen and on the server. Starts the wall
// (seeded, as in the bench, with `node --cpu-prof`), opens one screen, and while the driver sends records
// Chromium's own counters (script, style, layout time) and a CPU profile of the page; then prints those, the
// heaviest functions of the page, and the server's CPU by part. Environment: PROFILE_RATE (updates/s, default 100),
// PROFILE_SECONDS (default 10), PROFILE_PATH (the screen's address, default /), PROFILE_HIDE (parts of the page to
// take out, as CSS selectors, to see what they cost), PROFILE_CSS (a style sheet to add, to try a change of the page's
// CSS without a build), PROFILE_TRACE=1 (the page's rendering by phase, and its main thread by task),
// PROFILE_TRACE_CATEGORIES (more of Chromium's trace categories, comma-separated: `v8.execute` shows microtasks),
// PROFILE_OUT (a file to write the page's trace or CPU profile to, for DevTools' Performance panel), PROFILE_THROTTLE
// (slow the page's CPU by this factor, as scenario (g)'s kiosk box: 4). For readable
// function names in the page, build the client unminified first: `npx vite build --minify false` (npm start rebuilds
// it when stale).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CDPSession } from '@playwright/test';
import { runDriver } from './driver/runDriver';
import { launchBrowser, openScreen } from './lib/browser';
import { onExit, stopAll } from './lib/children';
import { type CpuProfile, heaviest, selfByModule, serverParts } from './lib/cpuProfile';
import { pageParts } from './lib/pageParts';
import { renderPhases, type TraceEvent } from './lib/renderPhases';
import { seedDataDir, startWall } from './lib/servers';

const rate = Number(process.env.PROFILE_RATE ?? 100);
/** Also count the DOM's changes by panel (a MutationObserver, whose own cost then shows in the figures). */
const countDom = process.env.PROFILE_DOM === '1';
const DOM_OBSERVER = readFileSync(path.join(import.meta.dirname, 'scenarios/domObserver.js'), 'utf8');
const seconds = Number(process.env.PROFILE_SECONDS ?? 10);
/** Record a Chromium trace in the second half instead of the script profiler: the page's rendering by phase. */
const traceRendering = process.env.PROFILE_TRACE === '1';
/**
 * CSS selectors (comma-separated) of parts of the page to take out (`display: none`) before measuring: what the
 * page saves without them bounds what they cost, rendering included, which the script profiler cannot see.
 */
const hidden = process.env.PROFILE_HIDE ?? '';
const traceCategories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  ...(process.env.PROFILE_TRACE_CATEGORIES?.split(',').filter(Boolean) ?? []),
].join(',');

/**
 * Chromium's counters of the page's main thread: wall time in tasks, script, style and layout, and ThreadTime, its
 * CPU time (on a shared machine, wall time counts the time the thread waited for a core; CPU time does not).
 */
const COUNTERS = [
  'ThreadTime',
  'TaskDuration',
  'ScriptDuration',
  'RecalcStyleDuration',
  'LayoutDuration',
  'V8CompileDuration',
];

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
  await page.waitForSelector('[data-testid="gauge-value"]:not([data-value=""])', {
    state: 'attached',
  });
  if (hidden) await page.addStyleTag({ content: `${hidden} { display: none !important; }` });
  if (process.env.PROFILE_CSS) await page.addStyleTag({ content: process.env.PROFILE_CSS });
  const throttle = Number(process.env.PROFILE_THROTTLE ?? 1);
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await new Promise((resolve) => setTimeout(resolve, 3000));
  // What the page spends with nothing arriving: the clock, animations, the charts' frames.
  await cdp.send('Performance.enable');
  const idleFrom = await counters(cdp);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idleMsPerS = (((await counters(cdp)).ThreadTime ?? 0) - (idleFrom.ThreadTime ?? 0)) / 3;
  // Deltas that reach the page, counted from its WebSocket frames (socket.io: `42/wall,["delta",...]`).
  let deltas = 0;
  await cdp.send('Network.enable');
  cdp.on('Network.webSocketFrameReceived', ({ response }) => {
    if (response.payloadData.startsWith('42/wall,["delta"')) deltas += 1;
  });
  const traced: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => traced.push(...(value as unknown as TraceEvent[])));
  const startTrace = () =>
    cdp.send('Tracing.start', {
      categories: traceCategories,
      transferMode: 'ReportEvents',
    });
  const endTrace = async () => {
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
  };
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  // The first half of the run is measured clean, by Chromium's counters only; the second half with the profiler
  // (and the DOM observer when asked), whose own costs would otherwise count as the page's.
  type Mark = { at: number; deltas: number; counters: Record<string, number> };
  const mark = async (): Promise<Mark> => ({ at: performance.now(), deltas, counters: await counters(cdp) });
  const marks: Promise<Mark>[] = [];
  let halfway: ReturnType<typeof setTimeout> | undefined;
  const window = { fromMs: 0, toMs: 0 };
  const driver = await runDriver(
    // A few seconds first, left out as in the bench: the feed's first value in each district moves it to another
    // band (a map redrawn 21 times), which is not what a delta costs in a steady feed.
    { url: wall.url, rate, seconds, warmupSeconds: 3 },
    {
      sending: () => {
        marks.push(mark());
        halfway = setTimeout(
          () => {
            marks.push(mark());
            window.fromMs = performance.now() - spawnedAt;
            if (traceRendering) void startTrace();
            else void cdp.send('Profiler.start');
            if (countDom) void page.evaluate(DOM_OBSERVER);
          },
          (seconds * 1000) / 2,
        );
      },
      answered: () => {
        window.toMs = performance.now() - spawnedAt;
        marks.push(mark());
      },
    },
  );
  clearTimeout(halfway);
  const profile = traceRendering ? null : (await cdp.send('Profiler.stop')).profile;
  if (traceRendering) await endTrace();
  const out = process.env.PROFILE_OUT;
  if (out) writeFileSync(out, JSON.stringify(traceRendering ? { traceEvents: traced } : profile));
  const [start, middle, end] = (await Promise.all(marks)) as [Mark, Mark, Mark];
  const elapsed = (middle.at - start.at) / 1000;
  const cleanDeltas = Math.max(1, middle.deltas - start.deltas);
  const profiledDeltas = Math.max(1, end.deltas - middle.deltas);
  console.log(
    `One wall screen, ${rate} updates/s for ${seconds} s: the page's main thread per second, the first half (no profiler)`,
  );
  if (hidden) console.log(`  without ${hidden}`);
  if (throttle > 1) console.log(`  the page's CPU slowed ${throttle} ×`);
  for (const name of COUNTERS) {
    const used = ((middle.counters[name] ?? 0) - (start.counters[name] ?? 0)) / elapsed;
    console.log(`  ${name.padEnd(20)} ${(used * 1000).toFixed(0).padStart(5)} ms/s`);
  }
  const busy = ((middle.counters.ThreadTime ?? 0) - (start.counters.ThreadTime ?? 0)) / elapsed;
  const perDelta = ((busy - idleMsPerS) * elapsed) / cleanDeltas;
  console.log(
    `  ${cleanDeltas} deltas (${(cleanDeltas / elapsed).toFixed(1)}/s); idle, the page takes ${(idleMsPerS * 1000).toFixed(0)} ms/s\n` +
      `  main thread CPU per delta: ${(perDelta * 1000).toFixed(2)} ms above idle, ${(((busy * elapsed) / cleanDeltas) * 1000).toFixed(2)} ms in all`,
  );
  console.log(`\nThe second half, ${traceRendering ? 'traced' : 'profiled'}: ${profiledDeltas} deltas.`);
  if (countDom) {
    const changes = (await page.evaluate('window.__domChanges()')) as Record<string, number>;
    console.log('\nDOM changes per delta, by panel (mutation records):');
    for (const [panel, n] of Object.entries(changes).sort((a, b) => b[1] - a[1])) {
      console.log(`${(n / profiledDeltas).toFixed(1).padStart(9)}  ${panel}`);
    }
    const charts = (await page.evaluate('window.__chartUpdates()')) as Record<string, [number, number]>;
    console.log('\nChart updates (ECharts setOption, drawing included):');
    for (const [chart, [ms, n]] of Object.entries(charts).sort((a, b) => b[1][0] - a[1][0])) {
      console.log(
        `${(ms / profiledDeltas).toFixed(3).padStart(9)} ms per delta  ${n} updates, ${(ms / n).toFixed(1)} ms each  ${chart}`,
      );
    }
  }
  if (traceRendering) {
    const phases = renderPhases(traced);
    console.log("\nThe page's rendering by phase (main-thread time per delta, from Chromium's trace):");
    for (const [phase, ms] of Object.entries(phases.ms)) {
      console.log(`${(ms / profiledDeltas).toFixed(3).padStart(9)} ms  ${phase}`);
    }
    console.log(
      `  ${(phases.frames / profiledDeltas).toFixed(2)} frames and ${(phases.layouts / profiledDeltas).toFixed(2)} layouts per delta; ` +
        `${phases.wholePage} of ${phases.layouts} layouts laid out the whole page`,
    );
    const { frame, script, other } = phases.tasks;
    const perDelta = (ms: number) => (ms / profiledDeltas).toFixed(3).padStart(9);
    console.log("The page's main thread by task (ms per delta):");
    console.log(
      `${perDelta(frame)} ms  frames (${phases.frames} frames, ${(frame / Math.max(1, phases.frames)).toFixed(2)} ms each)`,
    );
    console.log(`${perDelta(script)} ms  script (the deltas' messages, timers)`);
    console.log(`${perDelta(other)} ms  the rest (the browser's own messages)`);
  }
  if (profile) printProfile(profile as CpuProfile, profiledDeltas);

  // The server writes its profile when it exits.
  await wall.stop();
  const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('the server wrote no CPU profile');
  const serverProfile = JSON.parse(readFileSync(path.join(profileDir, file), 'utf8')) as CpuProfile;
  const server_ = serverParts(serverProfile, window, driver.sends.length);
  const total = server_.reduce((sum, p) => sum + p.ms, 0);
  console.log(`\nThe server while sending (${driver.sends.length} updates; sampled time, profiler overhead included):`);
  for (const p of server_) {
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

/** The page's script by part (client file or library) and its heaviest functions, from the profiler. */
function printProfile(profile: CpuProfile, deltas: number) {
  const parts = pageParts(profile);
  console.log('\nThe page by part (client file nearest on the stack, else the library; ms per delta):');
  for (const p of parts.slice(0, 25)) {
    console.log(`${(p.ms / deltas).toFixed(3).padStart(9)} ms  ${p.ms.toFixed(0).padStart(6)} ms  ${p.part}`);
  }
  const page_ = heaviest(profile);
  console.log('\nThe page, heaviest functions (self time):');
  for (const line of page_.self) console.log(line);
  console.log('\nThe page, heaviest functions with what they call:');
  for (const line of page_.total) console.log(line);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopAll);
