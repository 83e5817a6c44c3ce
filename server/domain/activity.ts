import type { LocalCalendar } from '../../shared/time';

/**
 * How busy the province's one-stop offices are at a moment, from 0 to 1: Vietnamese office hours
 * (07:30-11:30 and 13:30-17:00 on weekdays, Saturday mornings at some offices), with online submissions going on
 * in the evening at a lower level.
 */
export function officeActivity(calendar: LocalCalendar, ms: number): number {
  const { hour, minute, weekday } = calendar.clock(ms);
  const t = hour + minute / 60;
  const weekdayLevel = (() => {
    if (t < 6) return 0.04;
    if (t < 7.5) return 0.25;
    if (t < 11.5) return 1;
    if (t < 13.5) return 0.35;
    if (t < 17) return 1;
    if (t < 22) return 0.22;
    return 0.08;
  })();
  if (weekday <= 5) return weekdayLevel;
  if (weekday === 6) return t >= 7.5 && t < 11.5 ? 0.45 : Math.min(weekdayLevel, 0.15);
  return Math.min(weekdayLevel, 0.1);
}

/** Whether in-person counters are open (activity at office-hour level). */
export function countersOpen(calendar: LocalCalendar, ms: number): boolean {
  return officeActivity(calendar, ms) >= 0.45;
}

/**
 * The simulator's event rate at a moment: `peakRate` scaled by office activity, with a floor so that the wall
 * stays visibly alive at night (the simulator is a demonstration, not a forecast).
 */
export function simulatedRate(calendar: LocalCalendar, ms: number, peakRate: number): number {
  return peakRate * Math.max(officeActivity(calendar, ms), NIGHT_FLOOR);
}

/** The share of the peak rate the simulator keeps at quiet hours. */
export const NIGHT_FLOOR = 0.2;

/** Expected simulated events between two instants, integrated in five-minute steps. */
export function expectedEvents(calendar: LocalCalendar, from: number, to: number, peakRate: number): number {
  const step = 5 * 60_000;
  let total = 0;
  for (let t = from; t < to; t += step) {
    const span = Math.min(step, to - t);
    total += (simulatedRate(calendar, t + span / 2, peakRate) * span) / 1000;
  }
  return total;
}
