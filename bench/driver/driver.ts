// The bench's driver, run as a process of its own so that its work is not the measured server's or browser's:
// posts updates through the ingest API at a fixed open-loop rate (a request is sent when its time comes, whether
// or not earlier ones were answered), one observation per request on keep-alive connections, and writes what it
// sent and when to a JSON file. Usage: node --import tsx bench/driver/driver.ts '<DriverConfig as JSON>'
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { percentile, round } from '../lib/stats';
import { FEED_TOKEN, feedBody, feedNeedsPrime, feedPrime, feedUpdate } from './feed';

export interface DriverConfig {
  /** Base URL of the server under test (the wall or the floor). */
  url: string;
  /** Updates per second. */
  rate: number;
  seconds: number;
  /**
   * Seconds sent first at the same rate and left out of the figures: connections open, code warms up, and the
   * measurement starts on a server and screens in their steady state.
   */
  warmupSeconds?: number;
  /** Where to write the DriverResult. */
  out: string;
  /** The index of the first update, so that runs on one server never repeat a value. */
  first?: number;
  /** Keep-alive connections at most; requests beyond them wait in the driver (and that wait counts). */
  connections?: number;
}

export interface DriverResult {
  /** Every update sent: [the unit whose gauge shows it, value, sent at (ms since the epoch, sub-millisecond)], warm-up included. */
  sends: [string, number, number][];
  /** The index in `sends` of the first measured update (after the warm-up). */
  measuredFrom: number;
  /** Answers by HTTP status ("error" for a failed request). */
  answers: Record<string, number>;
  /** How late the driver sent against its schedule, in ms: it kept up when these are small. */
  lateMs: { p50: number; p99: number; max: number };
  /** Request round trips, in ms. */
  requestMs: { p50: number; p99: number };
}

/** Milliseconds since the epoch with sub-millisecond resolution, on the clock the browser's pages use too. */
const clock = () => performance.timeOrigin + performance.now();

/** Gives every target the feed's own starting value, before the clock starts (see `feedPrime`). */
async function prime(target: URL, first: number): Promise<void> {
  for (const body of feedPrime(first, Math.floor(clock()))) {
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${FEED_TOKEN}` },
      body,
    });
    if (!response.ok) throw new Error(`priming the feed: ${response.status} ${await response.text()}`);
  }
}

async function drive(config: DriverConfig): Promise<DriverResult> {
  const target = new URL('/api/v1/ingest', config.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: config.connections ?? 64 });
  const warmup = Math.round(config.rate * (config.warmupSeconds ?? 0));
  const total = warmup + Math.round(config.rate * config.seconds);
  const first = config.first ?? 0;
  const sends: [string, number, number][] = [];
  const answers: Record<string, number> = {};
  const late: number[] = [];
  const trips: number[] = [];
  const lastAt = new Map<string, number>();
  let open = 0;
  let allSent: () => void = () => {};
  const drained = new Promise<void>((resolve) => {
    allSent = resolve;
  });
  let sent = 0;

  const count = (key: string) => {
    answers[key] = (answers[key] ?? 0) + 1;
  };
  const settle = () => {
    open -= 1;
    if (sent === total && open === 0) allSent();
  };

  const send = (i: number, scheduled: number) => {
    const update = feedUpdate(first + i);
    const now = clock();
    // A district's times must go up for each update to replace the one before, even within one millisecond.
    const at = Math.max(Math.floor(now), (lastAt.get(update.region) ?? 0) + 1);
    lastAt.set(update.region, at);
    const body = feedBody(update, at);
    sends.push([update.shown, update.value, now]);
    if (i === warmup) process.send?.({ type: 'sending' });
    if (i >= warmup) late.push(now - scheduled);
    open += 1;
    const request = http.request(
      target,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${FEED_TOKEN}`,
        },
        timeout: 30_000,
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          if (i >= warmup) trips.push(clock() - now);
          count(String(response.statusCode));
          settle();
        });
      },
    );
    request.on('error', () => {
      count('error');
      settle();
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.end(body);
  };

  if (feedNeedsPrime) await prime(target, first);
  // The parent measures CPU between 'sending' (at the first measured update) and 'answered' (the last answer).
  const startedAt = clock();
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((clock() - startedAt) * config.rate) / 1000) + 1);
      while (sent < due) {
        send(sent, startedAt + (sent * 1000) / config.rate);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  if (open > 0) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([drained, new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
    clearTimeout(timer);
  }
  process.send?.({ type: 'answered' });
  agent.destroy();
  return {
    sends,
    measuredFrom: warmup,
    answers,
    lateMs: {
      p50: round(percentile(late, 0.5), 2),
      p99: round(percentile(late, 0.99), 2),
      max: round(Math.max(...late), 2),
    },
    requestMs: { p50: round(percentile(trips, 0.5), 2), p99: round(percentile(trips, 0.99), 2) },
  };
}

const config = JSON.parse(process.argv[2] ?? '{}') as DriverConfig;
drive(config).then(
  (result) => writeFileSync(config.out, JSON.stringify(result)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
