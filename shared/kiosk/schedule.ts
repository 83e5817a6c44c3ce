import type { Alert } from '../protocol';
import type { Playlist, PlaylistItem } from './playlist';

export interface PlaylistSlot {
  index: number;
  /** When this item's slot began and ends, in server time (ms since the Unix epoch). */
  startedAt: number;
  endsAt: number;
}

/**
 * Where a playlist stands at `at` (server time). Its cycles are laid end to end from the Unix epoch, so every
 * screen on the same playlist, whenever it started or reloaded, shows the same item and switches at the same
 * moment, give or take its estimate of the server's clock.
 */
export function playlistSlot(playlist: Playlist, at: number): PlaylistSlot {
  const cycleMs = playlist.items.reduce((sum, item) => sum + item.durationSec * 1000, 0);
  let start = at - (((at % cycleMs) + cycleMs) % cycleMs);
  for (const [index, item] of playlist.items.entries()) {
    const end = start + item.durationSec * 1000;
    if (at < end) return { index, startedAt: start, endsAt: end };
    start = end;
  }
  // NOTE: unreachable: the offset into the cycle is below the cycle's length, which the items add up to.
  throw new Error('playlistSlot: offset outside the cycle');
}

/** An alert that holds a rotation: critical, not ended, not acknowledged. */
export function isActiveCritical(alert: Alert): boolean {
  return alert.severity === 'critical' && alert.endedAt === null && !alert.acknowledged;
}

/**
 * Whether an alert holds a rotation at `at`: active and critical, for at most `holdMaxMs` after it began (null:
 * until it ends). NOTE: a standing shortfall (a unit far below its target for months) is a critical alert that
 * never ends; without the bound it would stop every rotation for good.
 */
export function holdsRotation(alert: Alert, at: number, holdMaxMs: number | null): boolean {
  return isActiveCritical(alert) && (holdMaxMs === null || at < alert.startedAt + holdMaxMs);
}

/** The district a view path is about (`/district/417`), if any. */
const DISTRICT_PATH = /^\/district\/([^/]+)\/?$/;

/** A view path's pathname and one of its parameters (no URL class here: shared code runs without DOM or Node). */
function splitPath(path: string, param: string): { pathname: string; value: string | null } {
  const [pathname = '', query = ''] = path.split('?', 2);
  for (const pair of query.split('&')) {
    const [key = '', value = ''] = pair.split('=', 2);
    if (decodeURIComponent(key) === param) return { pathname, value: decodeURIComponent(value.replace(/\+/g, ' ')) };
  }
  return { pathname, value: null };
}

/**
 * How well a view shows an alert: 3 when it is about the alert's unit and indicator, 2 its unit, 1 its
 * indicator, 0 not specifically (every view still lists active alerts).
 */
export function alertMatch(item: PlaylistItem, alert: Alert): number {
  const { pathname, value: indicator } = splitPath(item.path, 'indicator');
  const region = DISTRICT_PATH.exec(pathname)?.[1] ?? null;
  const byRegion = alert.region !== null && region === alert.region;
  const byIndicator = alert.indicator !== null && indicator === alert.indicator;
  return (byRegion ? 2 : 0) + (byIndicator ? 1 : 0);
}

export interface PlaylistStep {
  /** The item to show now. */
  index: number;
  /** The id of the alert the rotation holds for, or null while it rotates. */
  holdFor: string | null;
  /** When the next item is due, or the hold may end (server time); null while a hold lasts until its alert ends. */
  switchAt: number | null;
}

/**
 * What a screen on `playlist` shows at `at`. While a critical alert holds the rotation (see `holdsRotation`), it
 * stays on the item that best shows the oldest such alert; when no item is about it, on the item that was showing
 * when it began. The answer depends only on the playlist, the time and the alerts, so screens that share them
 * agree, and a screen that reloads during a hold comes back to the same item.
 */
export function playlistStep(
  playlist: Playlist,
  at: number,
  alerts: Iterable<Alert>,
  holdMaxMs: number | null = null,
): PlaylistStep {
  const holding = [...alerts]
    .filter((a) => holdsRotation(a, at, holdMaxMs))
    .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const oldest = holding[0];
  if (!oldest) {
    const slot = playlistSlot(playlist, at);
    return { index: slot.index, holdFor: null, switchAt: slot.endsAt };
  }
  const switchAt = holdMaxMs === null ? null : Math.min(...holding.map((a) => a.startedAt + holdMaxMs));
  for (const alert of holding) {
    let best = -1;
    let bestScore = 0;
    for (const [index, item] of playlist.items.entries()) {
      const score = alertMatch(item, alert);
      if (score > bestScore) {
        best = index;
        bestScore = score;
      }
    }
    if (best >= 0) return { index: best, holdFor: alert.id, switchAt };
  }
  return { index: playlistSlot(playlist, oldest.startedAt).index, holdFor: oldest.id, switchAt };
}
