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

export function makeLocalCalendar(timeZone: string): LocalCalendar {
  // NOTE: one formatter, made once; formatToParts is the hot part and is called at most once per lookup.
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
  return {
    timeZone,
    dayKey(ms) {
      const p = partsOf(ms);
      return `${p.year}-${p.month}-${p.day}`;
    },
    clock(ms) {
      const p = partsOf(ms);
      return { hour: Number(p.hour), minute: Number(p.minute), weekday: WEEKDAYS[p.weekday ?? 'Mon'] ?? 1 };
    },
    startOfDay(ms) {
      const p = partsOf(ms);
      const sinceMidnight = (Number(p.hour) * 3600 + Number(p.minute) * 60 + Number(p.second)) * 1000;
      return ms - sinceMidnight - (((ms % 1000) + 1000) % 1000);
    },
  };
}
