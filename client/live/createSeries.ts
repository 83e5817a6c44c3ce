import { type Accessor, createEffect, createMemo, createSignal, on, onCleanup, untrack } from 'solid-js';
import type { IndicatorId } from '../../shared/catalog';
import { localCalendar } from '../../shared/time';
import type { Wall } from './createWall';
import { type FetchHistory, fetchHistory } from './history';
import { mergeLive, type SeriesPoint } from './series';

export interface SeriesOptions {
  region: () => string;
  indicator: () => IndicatorId;
  /** The start of the window; it may move with time (the last 24 hours, today). */
  from: () => number;
  stepMs: number;
  /**
   * A reading that moves the newest point is passed on at most once per this many milliseconds: charts need no
   * more. A reading that starts a new step (a new point) is passed on at once.
   */
  publishMs?: number;
  fetch?: FetchHistory;
  /** The server's time; by default the client's clock corrected by the offset measured at the last snapshot. */
  now?: () => number;
}

const DAY_MS = 86_400_000;
/** A failed history request is tried again after this long (and on every reconnect). */
const RETRY_MS = 15_000;

/**
 * A trend of one (region, indicator): its history from the server, then every live reading of it, kept at one
 * point per step and bounded to the window. Fetched again on a new region or indicator, a new server epoch and
 * every reconnect (readings missed while the link was down are in history, not in the snapshot).
 */
export function createSeries(wall: Wall, options: SeriesOptions): Accessor<SeriesPoint[]> {
  const load = options.fetch ?? fetchHistory;
  // Readings carry the server's time, so the window is on the server's clock.
  const now = options.now ?? (() => Date.now() + wall.clockOffset());
  const publishMs = options.publishMs ?? 1000;
  const [points, setPoints] = createSignal<SeriesPoint[]>([]);
  let buffer: SeriesPoint[] = [];
  let publishTimer: ReturnType<typeof setTimeout> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let controller: AbortController | null = null;

  const calendar = createMemo(() => localCalendar(wall.state.timeZone));
  // Steps start on local midnight, as the server's do.
  const alignMs = () => (((-calendar().startOfDay(now()) % DAY_MS) + DAY_MS) % DAY_MS) % options.stepMs;
  const publish = () => {
    if (publishTimer) clearTimeout(publishTimer);
    publishTimer = null;
    setPoints(buffer);
  };
  // Publishing on whole multiples of `publishMs` (by the clock) puts the series of one chart, and of all charts,
  // in the same moment, so a chart is redrawn once for all its lines.
  const schedulePublish = () => {
    publishTimer ??= setTimeout(publish, publishMs - (Date.now() % publishMs));
  };
  const addLive = () => {
    const r = wall.reading(options.region(), options.indicator());
    if (r) buffer = mergeLive(buffer, { at: r.at, value: r.value }, options.stepMs, options.from(), alignMs());
  };

  // Counts the times the link became live, so that each reconnect fetches history again.
  let wasLive = false;
  const reconnects = createMemo((n: number) => {
    const live = wall.link() === 'live';
    const next = live && !wasLive ? n + 1 : n;
    wasLive = live;
    return next;
  }, 0);

  const refetch = () => {
    controller?.abort();
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    const region = options.region();
    const indicator = options.indicator();
    const to = now();
    const request = { region, indicator, from: options.from(), to, stepMs: options.stepMs };
    const own = new AbortController();
    controller = own;
    load(request, own.signal).then(
      (history) => {
        if (own.signal.aborted) return;
        buffer = history.points.map((p) => ({ at: p.at, value: p.value }));
        untrack(addLive);
        publish();
      },
      () => {
        if (own.signal.aborted) return;
        retryTimer = setTimeout(refetch, RETRY_MS);
      },
    );
  };

  // A connect brings both a snapshot (maybe a new epoch) and a live link: one fetch for both.
  let fetchTimer: ReturnType<typeof setTimeout> | null = null;
  createEffect(
    on([options.region, options.indicator, () => wall.state.epoch, reconnects], () => {
      buffer = [];
      publish();
      if (fetchTimer) clearTimeout(fetchTimer);
      fetchTimer = wall.state.epoch === null ? null : setTimeout(refetch, 0);
    }),
  );
  // NOTE: the store merges a new reading into the same object, so the effect tracks its fields, not the object.
  createEffect(
    on(
      () => {
        const r = wall.reading(options.region(), options.indicator());
        return r && [r.at, r.value];
      },
      () => {
        const last = buffer.at(-1);
        untrack(addLive);
        // A new point (a new step) changes the line's shape, and what monitors count, at once; a reading that
        // only moves the newest point moves the line's end, which waits for the next publishing moment.
        const appended = buffer.length > 0 && (last === undefined || buffer.at(-2) === last);
        if (appended) publish();
        else schedulePublish();
      },
      { defer: true },
    ),
  );

  onCleanup(() => {
    controller?.abort();
    for (const timer of [publishTimer, retryTimer, fetchTimer]) if (timer) clearTimeout(timer);
  });
  return points;
}
