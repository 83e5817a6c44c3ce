/** One point of a trend: a reading's value at the time it was observed. */
export interface SeriesPoint {
  at: number;
  value: number | null;
}

const HOUR_MS = 3_600_000;

/**
 * Adds a live reading to a series kept at one point per step: a reading in the same step as the last point
 * replaces it (the last reading of a step is the step's value, as the history route answers), a later one is
 * appended, an older one is ignored (history has it). Points before `from` are dropped, so the series never
 * holds more than the window's steps plus one.
 */
export function mergeLive(
  points: readonly SeriesPoint[],
  point: SeriesPoint,
  stepMs: number,
  from: number,
  alignMs = 0,
): SeriesPoint[] {
  const step = (at: number) => Math.floor((at + alignMs) / stepMs);
  let start = 0;
  while (start < points.length && (points[start] as SeriesPoint).at < from) start++;
  const kept = start > 0 ? points.slice(start) : [...points];
  if (point.at < from) return kept;
  const last = kept.at(-1);
  if (!last) return [point];
  if (point.at < last.at) return kept;
  if (step(point.at) === step(last.at)) kept[kept.length - 1] = point;
  else kept.push(point);
  return kept;
}

/**
 * The sum of two cumulative series step by step, each carried forward to steps where only the other has a point
 * (today's online plus in-person records).
 */
export function sumSeries(a: readonly SeriesPoint[], b: readonly SeriesPoint[]): SeriesPoint[] {
  const merged = [...a.map((p) => ({ p, side: 0 })), ...b.map((p) => ({ p, side: 1 }))].sort((x, y) => x.p.at - y.p.at);
  const last: [number | null, number | null] = [null, null];
  const out: SeriesPoint[] = [];
  for (const { p, side } of merged) {
    last[side] = p.value;
    const value = last[0] === null && last[1] === null ? null : (last[0] ?? 0) + (last[1] ?? 0);
    if (out.at(-1)?.at === p.at) (out[out.length - 1] as SeriesPoint).value = value;
    else out.push({ at: p.at, value });
  }
  return out;
}

/**
 * Records received in each hour of a day, from a cumulative daily count: the count at the end of the hour minus
 * the count at the end of the hour before (0 before the first). Hours after `now` are null; an hour whose count
 * went down (a source's correction) counts 0 rather than a negative bar.
 */
export function perHour(points: readonly SeriesPoint[], dayStart: number, now: number, hours = 24): (number | null)[] {
  const end: (number | null)[] = new Array(hours).fill(null);
  for (const p of points) {
    const h = Math.floor((p.at - dayStart) / HOUR_MS);
    if (h >= 0 && h < hours && p.value !== null) end[h] = p.value;
  }
  const current = Math.floor((now - dayStart) / HOUR_MS);
  const out: (number | null)[] = [];
  let before = 0;
  for (let h = 0; h < hours; h++) {
    if (h > current) {
      out.push(null);
      continue;
    }
    const atEnd = end[h] ?? before;
    out.push(Math.max(0, atEnd - before));
    before = atEnd;
  }
  return out;
}

/**
 * The series with its last value carried to `now`: a figure holds until the next one arrives, so a line reaches
 * the present instead of stopping at the last change (and a single reading draws a line, not a lone dot).
 */
export function holdUntil(points: readonly SeriesPoint[], now: number): SeriesPoint[] {
  const last = points.at(-1);
  return last && last.at < now ? [...points, { at: now, value: last.value }] : [...points];
}
