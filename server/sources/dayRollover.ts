import { indicatorOf, indicators } from '../../shared/catalog';
import type { ObservationInput } from '../../shared/ingest';
import type { Reading } from '../../shared/protocol';
import type { RegionSet } from '../../shared/regions';
import type { LocalCalendar } from '../../shared/time';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { Ingest } from './ingest';

export const SYSTEM_SOURCE = 'system';
const DAILY = indicators.filter((i) => i.resets === 'daily').map((i) => i.id);

/** A unit sources report on: a sub-unit, or a unit whose figures do not roll up from sub-units. */
const takesObservations = (regions: RegionSet, code: string) =>
  regions.subunit(code) !== undefined || (regions.isUnit(code) && !regions.hasSubunits(code));

/** Zero readings for every daily count of a unit whose value belongs to an earlier local day. */
export function rolloverObservations(
  readings: Iterable<Reading>,
  regions: RegionSet,
  calendar: LocalCalendar,
  now: number,
): ObservationInput[] {
  const today = calendar.dayKey(now);
  const out: ObservationInput[] = [];
  for (const r of readings) {
    if (indicatorOf(r.indicator).resets !== 'daily' || !takesObservations(regions, r.region)) continue;
    if (r.value !== 0 && calendar.dayKey(r.at) !== today) {
      out.push({ region: r.region, indicator: r.indicator, at: now, value: 0 });
    }
  }
  return out;
}

/**
 * Starts today's counts from zero at local midnight, so that "records received today" never shows yesterday's
 * figure in the small hours when nothing has arrived yet. Also runs once at start.
 */
export function startDayRollover(deps: {
  ingest: Ingest;
  readings: () => Iterable<Reading>;
  regions: RegionSet;
  calendar: LocalCalendar;
  clock: Clock;
  logger: Logger;
}): Promise<{ stop(): void }> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const run = async () => {
    const now = deps.clock.now();
    const observations = rolloverObservations(deps.readings(), deps.regions, deps.calendar, now);
    if (observations.length > 0) {
      const result = await deps.ingest.submit(SYSTEM_SOURCE, observations);
      deps.logger.info({ indicators: DAILY, observations: observations.length, result }, 'daily counts reset');
    }
    if (stopped) return;
    // A second past the next local midnight: 36 hours after today's midnight is always inside tomorrow, even on
    // days that clock changes make 23 or 25 hours long.
    const next = deps.calendar.startOfDay(deps.calendar.startOfDay(now) + 36 * 3_600_000) + 1000;
    timer = setTimeout(run, Math.max(1000, next - now));
    timer.unref();
  };
  return run().then(() => ({
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  }));
}
