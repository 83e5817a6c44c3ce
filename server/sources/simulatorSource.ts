import { setImmediate as nextTurn } from 'node:timers/promises';
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
 * The most observations the day's history may take at start with every figure every hour. A set of a few hundred
 * units stays within it; a national set, whose communes take about 37,000 observations a point, would take a
 * minute on a busy machine, so it gets every figure at the first hour and the only figures that move between the
 * seeded hours, today's records, every hour after it: the same trends and records per hour in a fifth of the work.
 */
export const HISTORY_SEED_BUDGET = 80_000;
/** The seeded figures that change from hour to hour: the rest are the same start figures at every hour. */
const HOURLY_FIGURES: ReadonlySet<string> = new Set(['records-today-online', 'records-today-offline']);
/** The source name the simulator reports as. */
export const SIMULATOR_SOURCE = 'simulator';

/**
 * Plays the province's traffic through the ingest path, like any source system. On an empty state it first
 * sends the article's figures spread over the units, then events at the configured rate. A set too large to seed
 * every figure every hour (a country's communes) is seeded after the server is up: its first point carries every
 * figure, so screens show them within a second or two, and the day's records follow hour by hour.
 */
export async function startSimulator(deps: SimulatorDeps): Promise<{ stop(): void }> {
  const { ingest, state, calendar, clock, logger } = deps;
  const random = makeRandom(deps.seed);
  const model = buildSimulationModel(deps.regions, random, withOwnFigures(deps.figures));

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const play = () => {
    let last = clock.now();
    /** A tick while the previous one is still being stored waits for the next: events are drawn per elapsed time. */
    let busy = false;
    timer = setInterval(async () => {
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
  };

  // NOTE: only an empty state is seeded. After a restart the stored state goes on where it stopped.
  if (state.readings().length === 0) {
    const plan = seedPlan(deps, model);
    const seeding = seed(deps, model, plan, () => stopped);
    if (plan.everyFigure) {
      await seeding;
      play();
    } else {
      logger.info({ hours: plan.hours }, 'simulator seeding the day after the server is up');
      seeding.then(
        () => {
          if (!stopped) play();
        },
        (error: unknown) => logger.error({ err: error }, 'simulator seeding failed'),
      );
    }
  } else play();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

interface SeedPlan {
  dayStart: number;
  /** Whole hours of the day so far, each a point of history. */
  hours: number;
  everyFigure: boolean;
}

function seedPlan(deps: SimulatorDeps, model: ReturnType<typeof buildSimulationModel>): SeedPlan {
  const dayStart = deps.calendar.startOfDay(deps.clock.now());
  const hours = Math.floor((deps.clock.now() - dayStart) / HOUR_MS);
  const perPoint = startObservations(model, dayStart, 0, (p) => p.online).length;
  return { dayStart, hours, everyFigure: seedsEveryFigureHourly(hours, perPoint) };
}

/**
 * Sends the article's figures spread over the units, hour by hour since midnight, with today's records so far as
 * the offices would have reported them, so that the wall's trends and records-per-hour chart start with a day.
 */
async function seed(
  deps: SimulatorDeps,
  model: ReturnType<typeof buildSimulationModel>,
  plan: SeedPlan,
  stopped: () => boolean,
): Promise<void> {
  const { ingest, calendar, clock, logger } = deps;
  const { dayStart, everyFigure } = plan;
  const recordsBy = (t: number) => Math.round(expectedEvents(calendar, dayStart, t, deps.rate) * RECORD_SHARE);
  const onlineShare = (p: { online: number }) => p.online;
  const now = clock.now();
  for (let hourEnd = dayStart + HOUR_MS; hourEnd < now; hourEnd += HOUR_MS) {
    // Each point is computed in one go: between points the server answers its screens and requests.
    await nextTurn();
    if (stopped()) return;
    const point = startObservations(model, hourEnd, recordsBy(hourEnd), onlineShare);
    const first = hourEnd === dayStart + HOUR_MS;
    const result = await ingest.submit(
      SIMULATOR_SOURCE,
      everyFigure || first ? point : point.filter((o) => HOURLY_FIGURES.has(o.indicator)),
    );
    if (!result.ok) throw new Error(`simulator history refused: ${JSON.stringify(brief(result))}`);
  }
  if (stopped()) return;
  const result = await ingest.submit(SIMULATOR_SOURCE, startObservations(model, now, recordsBy(now), onlineShare));
  if (!result.ok) throw new Error(`simulator baseline refused: ${JSON.stringify(brief(result))}`);
  logger.info({ seq: result.seq, observations: result.accepted, everyFigure }, 'simulator seeded the baseline');
}

/** Whether the day's history so far, every figure every hour, fits the budget (see `HISTORY_SEED_BUDGET`). */
export function seedsEveryFigureHourly(hoursSoFar: number, observationsPerPoint: number): boolean {
  return hoursSoFar * observationsPerPoint <= HISTORY_SEED_BUDGET;
}

/** A refusal, short enough for a log line. */
const brief = (result: Exclude<IngestResult, { ok: true }>) =>
  result.reason === 'invalid' ? { reason: result.reason, issues: result.issues.slice(0, 3) } : result;
