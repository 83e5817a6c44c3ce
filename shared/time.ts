/** Local calendar arithmetic in a named time zone, through Intl (no offsets hard-coded). */
export interface LocalCalendar {
  readonly timeZone: string;
  /** `YYYY-MM-DD` of the local day that contains `ms`. */
  dayKey(ms: number): string;
  /** The local hour (0-23), minute and ISO weekday (1 = Monday ... 7 = Sunday) of `ms`. */
  clock(ms: number): { hour: number; minute: number; weekday: number };
  /** The instant of the local midnight that starts the day containing `ms`. */
  startOfDay(ms: number): number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

const calendars = new Map<string, LocalCalendar>();

/**
 * The calendar of a time zone, made once and shared: making one builds an Intl formatter, which costs a page
 * milliseconds, and every trend and clock on a screen asks for the same zone's.
 */
export function localCalendar(timeZone: string): LocalCalendar {
  let calendar = calendars.get(timeZone);
  if (!calendar) {
    calendar = makeLocalCalendar(timeZone);
    calendars.set(timeZone, calendar);
  }
  return calendar;
}

export function makeLocalCalendar(timeZone: string): LocalCalendar {
  // NOTE: one formatter, made once; formatToParts is the hot part: once per clock, and a few times per new day.
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  });
  const partsOf = (ms: number) => {
    const parts: Record<string, string> = {};
    for (const p of format.formatToParts(ms)) parts[p.type] = p.value;
    return parts;
  };
  /** How far the zone's wall clock (`p`, the parts of `ms`) is ahead of UTC at `ms`. */
  const offsetOf = (p: Record<string, string>, ms: number) => {
    const wall = Date.UTC(
      Number(p.year),
      Number(p.month) - 1,
      Number(p.day),
      Number(p.hour),
      Number(p.minute),
      Number(p.second),
    );
    return wall - (ms - (((ms % 1000) + 1000) % 1000));
  };
  const startOf = (ms: number) => {
    const p = partsOf(ms);
    const midnight = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day));
    // NOTE: on a day that a clock change makes 23 or 25 hours long, the offset at midnight differs from the
    // offset at `ms`; a second step with the offset at the first guess lands on the real midnight.
    const guess = midnight - offsetOf(p, ms);
    return midnight - offsetOf(partsOf(guess), guess);
  };
  // NOTE: ingest asks for the day of nearly every observation, and a live trend for the start of the day at every
  // reading, nearly all on the same day: the last day's bounds are kept, so that a call costs a few comparisons
  // instead of formatToParts.
  let lastDay = { start: 0, end: 0, key: '' };
  const dayOf = (ms: number) => {
    if (ms >= lastDay.start && ms < lastDay.end) return lastDay;
    const p = partsOf(ms);
    const start = startOf(ms);
    lastDay = { start, end: startOf(start + 36 * 3_600_000), key: `${p.year}-${p.month}-${p.day}` };
    return lastDay;
  };
  return {
    timeZone,
    dayKey: (ms) => dayOf(ms).key,
    clock(ms) {
      const p = partsOf(ms);
      return { hour: Number(p.hour), minute: Number(p.minute), weekday: WEEKDAYS[p.weekday ?? 'Mon'] ?? 1 };
    },
    startOfDay: (ms) => dayOf(ms).start,
  };
}
