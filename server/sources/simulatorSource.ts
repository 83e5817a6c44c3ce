import type { SimulationFigures } from '../../shared/deployment';
import type { RegionSet } from '../../shared/regions';
import type { LocalCalendar } from '../../shared/time';
import type { Clock } from '../clock';
import { countersOpen, expectedEvents, simulatedRate } from '../domain/activity';
import { buildSimulationModel, withOwnFigures } from '../domain/baseline';
import { makeRandom } from '../domain/random';
import { eventsToObservations, nextEvents, startObservations } from '../domain/simulator';
import type { Logger } from '../logger';
import type { LiveState } from '../state/liveState';
import type { Ingest, IngestResult } from './ingest';

export interface SimulatorDeps {
  ingest: Ingest;
  state: LiveState;
  regions: RegionSet;
  calendar: LocalCalendar;
  clock: Clock;
  logger: Logger;
  seed: number;
  /** Events per second at office-hour peak. */
  rate: number;
  /** The deployment's own figures (`simulation.json`), where the seed article's would not fit. */
  figures?: SimulationFigures;
}

/** How often the simulator sends a batch: small enough to look continuous, large enough to batch events. */
const TICK_MS = 200;
/** The share of events that are records, for today's records so far at start (see MIX in the simulator). */
const RECORD_SHARE = 0.75;
const HOUR_MS = 3_600_000;
/**
 * The most observations the day's history gets at start. A set of a few hundred units gets a point every hour; a
 * national set, whose communes take about 37,000 observations a point, gets a point every few hours instead, so
 * that a fresh start answers in seconds rather than a minute and its history stays small.
 */
export const HISTORY_SEED_BUDGET = 80_000;
/** The source name the simulator reports as. */
export const SIMULATOR_SOURCE = 'simulator';

/**
 * Plays the province's traffic through the ingest path, like any source system. On an empty state it first
 * sends the article's figures spread over the units, then events at the configured rate.
 */
export async function startSimulator(deps: SimulatorDeps): Promise<{ stop(): void }> {
  const { ingest, state, calendar, clock, logger } = deps;
  const random = makeRandom(deps.seed);
  const model = buildSimulationModel(deps.regions, random, withOwnFigures(deps.figures));

  // NOTE: only an empty state is seeded. After a restart the stored state goes on where it stopped.
  if (state.readings().length === 0) await seed(deps, model);

  let last = clock.now();
  /** A tick while the previous one is still being stored waits for the next: events are drawn per elapsed time. */
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    const now = clock.now();
    const mean = (simulatedRate(calendar, now, deps.rate) * (now - last)) / 1000;
    last = now;
    const events = nextEvents(model, random, random.poisson(mean), countersOpen(calendar, now));
    if (events.length === 0) return;
    busy = true;
    try {
      const result = await ingest.submit(
        SIMULATOR_SOURCE,
        eventsToObservations(events, (r, i) => state.get(r, i), now),
      );
      if (!result.ok) logger.error({ result: brief(result) }, 'simulator batch refused');
    } finally {
      busy = false;
    }
  }, TICK_MS);
  timer.unref();
  logger.info({ seed: deps.seed, rate: deps.rate }, 'simulator started');
  return { stop: () => clearInterval(timer) };
}

/**
 * Sends the article's figures spread over the units, hour by hour since midnight (every few hours for a national
 * set, see `historyStepHours`), with today's records so far as
 * the offices would have reported them, so that the wall's trends and records-per-hour chart start with a day.
 */
async function seed(deps: SimulatorDeps, model: ReturnType<typeof buildSimulationModel>): Promise<void> {
  const { ingest, calendar, clock, logger } = deps;
  const now = clock.now();
  const dayStart = calendar.startOfDay(now);
  const recordsBy = (t: number) => Math.round(expectedEvents(calendar, dayStart, t, deps.rate) * RECORD_SHARE);
  const onlineShare = (p: { online: number }) => p.online;
  const perPoint = startObservations(model, dayStart, 0, onlineShare).length;
  const stepMs = historyStepHours(Math.floor((now - dayStart) / HOUR_MS), perPoint) * HOUR_MS;
  for (let hourEnd = dayStart + stepMs; hourEnd < now; hourEnd += stepMs) {
    const result = await ingest.submit(
      SIMULATOR_SOURCE,
      startObservations(model, hourEnd, recordsBy(hourEnd), onlineShare),
    );
    if (!result.ok) throw new Error(`simulator history refused: ${JSON.stringify(brief(result))}`);
  }
  const result = await ingest.submit(SIMULATOR_SOURCE, startObservations(model, now, recordsBy(now), onlineShare));
  if (!result.ok) throw new Error(`simulator baseline refused: ${JSON.stringify(brief(result))}`);
  logger.info({ seq: result.seq, observations: result.accepted }, 'simulator seeded the baseline');
}

/**
 * Hours between the day's history points seeded at start: every hour while the whole day fits the budget, else
 * as few hours as keep the points (with the present one after them) within it, spread over the day.
 */
export function historyStepHours(hoursSoFar: number, observationsPerPoint: number): number {
  if (hoursSoFar * observationsPerPoint <= HISTORY_SEED_BUDGET) return 1;
  const points = Math.floor(HISTORY_SEED_BUDGET / Math.max(1, observationsPerPoint));
  // Past hour h of the day the points are at step, 2 step... up to h: at most `points` of them with this step.
  return Math.floor(hoursSoFar / (points + 1)) + 1;
}

/** A refusal, short enough for a log line. */
const brief = (result: Exclude<IngestResult, { ok: true }>) =>
  result.reason === 'invalid' ? { reason: result.reason, issues: result.issues.slice(0, 3) } : result;
