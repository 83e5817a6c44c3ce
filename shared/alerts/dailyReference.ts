/**
 * The value a figure had when the local day began, kept per (region, indicator) from the readings that pass by:
 * `last` is the latest value seen, and when the first reading of a new day arrives, the previous `last` is the
 * value at midnight, so it becomes the day's `reference`. Until a day boundary has been seen there is no reference:
 * the rule says nothing rather than compare with a guess.
 */
export interface DayValue {
  /** The local day (`YYYY-MM-DD`) that `last` belongs to. */
  day: string;
  /** The value at the start of `day`, or null when it is not known. */
  reference: number | null;
  last: number | null;
}

export function nextDayValue(prev: DayValue | undefined, value: number | null, day: string): DayValue {
  if (!prev) return { day, reference: null, last: value };
  if (prev.day !== day) return { day, reference: prev.last, last: value };
  return { day, reference: prev.reference, last: value };
}
