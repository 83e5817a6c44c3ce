// `npm run bench`: IOC Wall against a floor measured in the same run (a bare socket.io server and a page that
// writes each value into one DOM node), in seven scenarios, an eighth, (h), that holds the national deployment
// to the 21-unit one on the same run, and a ninth, (i), three servers on PostgreSQL against one; every figure is read as a ratio to the floor's, since the
// machine may be shared and noisy. Writes bench/out/*.json, prints a markdown table and, for a full run, puts it in
// bench/RESULTS.md. Environment: BENCH_QUICK=1 for short runs while developing (the table is not kept),
// BENCH_ONLY=a,c to run some scenarios only, DELTA_INTERVAL_MS to run the wall with another
// delta window (the table is not kept either).
import { compareCluster } from './clusterTable';
import { feedBody, feedUpdate } from './driver/feed';
import { stopAll } from './lib/children';
import { type Compared, reportRun, startRun } from './lib/compare';
import { seedDataDir, startFloor, startWall, type Target } from './lib/servers';
import { failoverScenario, scaleScenario, startBenchCluster } from './scenarios/cluster';
import { coldLoadScenario } from './scenarios/coldLoad';
import { fanoutScenario } from './scenarios/fanout';
import { BATCH_SIZE, ingestThroughputScenario } from './scenarios/ingest';
import {
  BASE_DEPLOYMENT,
  NATIONAL_DEPLOYMENT,
  NATIONAL_RATE,
  type NationalResult,
  nationalScaleScenario,
} from './scenarios/nationalScale';
import { type ScreensResult, screensScenario } from './scenarios/screens';
import { durableIngestScenario, STORE_BATCH } from './scenarios/storeIngest';
import {
  budgets,
  compareColdLoad,
  compareFanout,
  compareIngest,
  compareKiosk,
  compareNational,
  compareScreens,
} from './tables';

const QUICK = process.env.BENCH_QUICK === '1';
const SCENARIOS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
const ONLY = new Set((process.env.BENCH_ONLY ?? SCENARIOS.join(',')).split(',').map((s) => s.trim()));
/** Seconds of sending per scenario and server. */
const SECONDS = QUICK
  ? { a: 8, b: 8, c: 15, d: 5, f: 8, g: 8, h: 8, i: 8 }
  : { a: 30, b: 30, c: 60, d: 20, f: 30, g: 30, h: 30, i: 30 };
/** (i): screens on one server and then on three behind HAProxy (bounded: a 2-core machine runs them all), kills. */
const CLUSTER = QUICK
  ? { screens: 90, rate: 10, kills: 4, failoverScreens: 30 }
  : { screens: 300, rate: 10, kills: 12, failoverScreens: 60 };
/** (g): how many times slower than this machine the kiosk box is. */
const KIOSK_THROTTLE = 4;
const COLD_LOADS = QUICK ? 3 : 5;
/** Seconds of updates before each measured run, left out of the figures (connections open, code warms up). */
const WARMUP_SECONDS = QUICK ? 2 : 3;

/** Runs `measure` on a fresh wall and then a fresh floor, each stopped afterwards. */
async function sideBySide<T>(
  seed: () => Promise<string>,
  measure: (target: Target) => Promise<T>,
  floorOptions: { durable?: boolean } = {},
): Promise<{ wall: T; floor: T }> {
  const on = async (start: () => Promise<Target>) => {
    const target = await start();
    try {
      return await measure(target);
    } finally {
      await target.stop();
    }
  };
  const dir = await seed();
  const wall = await on(() => startWall(dir));
  const floor = await on(() => startFloor(floorOptions));
  return { wall, floor };
}

async function main() {
  const run = startRun({
    quick: QUICK,
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    coldLoads: COLD_LOADS,
    scenarios: [...ONLY],
  });
  const window = process.env.DELTA_INTERVAL_MS ? `, wall deltas every ${process.env.DELTA_INTERVAL_MS} ms` : '';
  console.log(`IOC Wall bench${QUICK ? ' (quick)' : ''}: scenarios ${[...ONLY].join(', ')}${window}`);
  // Seeded when a scenario on the run's deployment first needs it; (h) seeds each of its deployments itself.
  let seeded: Promise<string> | undefined;
  const seed = () => {
    seeded ??= seedDataDir();
    return seeded;
  };
  const rows: Compared[] = [];
  const screens = async (
    name: string,
    screenCount: number,
    rate: number,
    seconds: number,
    options: { cpuThrottle?: number; perDelta?: boolean } = {},
  ) => {
    const { cpuThrottle } = options;
    const kiosk = cpuThrottle ? `, CPU ${cpuThrottle}× slower` : '';
    console.log(`(${name}) ${rate} updates/s, ${screenCount} screen(s)${kiosk}, ${seconds} s`);
    const result: { wall: ScreensResult; floor: ScreensResult } = await sideBySide(seed, (target) =>
      screensScenario({
        target,
        screens: screenCount,
        rate,
        seconds,
        warmupSeconds: WARMUP_SECONDS,
        ...(cpuThrottle && { cpuThrottle }),
      }),
    );
    const title = `(${name}) ${rate}/s, ${screenCount} screen${screenCount > 1 ? 's' : ''}`;
    rows.push(
      ...(cpuThrottle
        ? compareKiosk(`(${name}) kiosk ${cpuThrottle}× slower, ${rate}/s`, result)
        : compareScreens(title, result, options)),
    );
  };
  if (ONLY.has('a')) await screens('a', 10, 100, SECONDS.a);
  if (ONLY.has('b')) await screens('b', 1, 1000, SECONDS.b);
  if (ONLY.has('f')) await screens('f', 1, 100, SECONDS.f, { perDelta: true });
  if (ONLY.has('g')) await screens('g', 1, 100, SECONDS.g, { cpuThrottle: KIOSK_THROTTLE });
  if (ONLY.has('c')) {
    console.log(`(c) 500 socket clients, 10 updates/s, ${SECONDS.c} s`);
    const result = await sideBySide(seed, (target) =>
      fanoutScenario({ target, clients: 500, rate: 10, seconds: SECONDS.c, warmupSeconds: WARMUP_SECONDS }),
    );
    rows.push(...compareFanout('(c) 500 clients, 10/s', result));
  }
  if (ONLY.has('d')) {
    console.log(`(d) durable ingest, batches of ${BATCH_SIZE}, ${SECONDS.d} s`);
    const result = await sideBySide(seed, (target) => ingestThroughputScenario(target.url, SECONDS.d), {
      durable: true,
    });
    rows.push(...compareIngest(`(d) ingest, batches of ${BATCH_SIZE}`, result));
  }
  if (ONLY.has('e')) {
    console.log(`(e) cold load, ${COLD_LOADS} loads`);
    const result = await sideBySide(seed, async (target) => {
      if (target.kind === 'floor') await primeFloor(target);
      return coldLoadScenario(target, COLD_LOADS);
    });
    rows.push(...compareColdLoad('(e) cold load', result));
  }
  if (ONLY.has('h')) {
    console.log(`(h) ${NATIONAL_DEPLOYMENT} against ${BASE_DEPLOYMENT}, ${NATIONAL_RATE}/s, 1 screen, ${SECONDS.h} s`);
    const on = (deployment: string): Promise<NationalResult> =>
      nationalScaleScenario({
        deployment,
        seconds: SECONDS.h,
        warmupSeconds: WARMUP_SECONDS,
        coldLoads: COLD_LOADS,
      });
    const result = { wall: await on(NATIONAL_DEPLOYMENT), floor: await on(BASE_DEPLOYMENT) };
    rows.push(...compareNational(`(h) ${NATIONAL_DEPLOYMENT} ÷ ${BASE_DEPLOYMENT}, ${NATIONAL_RATE}/s`, result));
  }
  if (ONLY.has('i')) {
    const { screens: count, rate, kills, failoverScreens } = CLUSTER;
    console.log(
      `(i) ${count} screens on 1 server, then on 3 behind HAProxy, ${rate}/s, ${SECONDS.i} s; ${kills} kills`,
    );
    const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const options = { screens: count, rate, seconds: SECONDS.i, warmupSeconds: WARMUP_SECONDS };
    const single = await startBenchCluster(databaseUrl, 1);
    const one = await scaleScenario(single, options).finally(() => single.stop());
    const cluster = await startBenchCluster(databaseUrl, 3);
    try {
      const three = await scaleScenario(cluster, options);
      // The same cluster and rate without screens: what the screens cost is the difference.
      const idle = await scaleScenario(cluster, { ...options, screens: 0 });
      const failover = await failoverScenario(cluster, { screens: failoverScreens, kills });
      rows.push(...compareCluster(`(i) ${count} screens, ${rate}/s`, one, three, idle, failover));
    } finally {
      await cluster.stop();
    }
    // What one commit costs on each store, in process (no HTTP): the cluster's writer is bound by the first.
    const durable = await durableIngestScenario({ databaseUrl, seconds: QUICK ? 5 : 10 });
    rows.push({
      scenario: `(i) durable ingest, batches of ${STORE_BATCH}`,
      metric: 'observations per second',
      unit: 'IOC Wall = PostgreSQL, floor = embedded SQLite (synchronous=full)',
      wall: durable.postgres ?? 0,
      floor: durable.sqlite,
      ratio: (durable.postgres ?? 0) / durable.sqlite,
    });
  }
  // The kept table is the wall as shipped: a full run of every scenario with its own settings.
  reportRun(run, rows, {
    updateResults: !QUICK && SCENARIOS.every((s) => ONLY.has(s)) && !process.env.DELTA_INTERVAL_MS,
  });
  const missed = rows.filter((r) => r.holds === false);
  console.log(
    missed.length === 0 ? `Every budget holds (${budgets(rows)} checked).` : `${missed.length} budget(s) missed.`,
  );
}

/** The floor shows the last value it received: give it one, so that a screen that connects has a value to show. */
async function primeFloor(target: Target): Promise<void> {
  await fetch(`${target.url}/api/v1/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: feedBody(feedUpdate(0), Date.now()),
  });
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(`bench: ${signal}, stopping everything it started`);
    void stopAll().then(() => process.exit(130));
  });
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopAll);
