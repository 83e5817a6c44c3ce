import type { KioskEvent } from '../../shared/kiosk';
import { displayAuthHeaders } from '../remote/displayToken';

/** A reload for the same reason and target is not tried again within this time: no reload loop, ever. */
export const RELOAD_RETRY_MS = 10 * 60_000;
const NOTE_KEY = 'ioc-wall:reload';

/** What a screen remembers across its own reload: why it reloaded, for what, and when. */
export interface ReloadNote {
  kind: KioskEvent['kind'];
  /** What the reload was for: the build it went to fetch, or the heap size it had. */
  target: string;
  at: number;
}

/** Whether a reload may happen now, given the last one this tab made. */
export function mayReload(last: ReloadNote | null, kind: ReloadNote['kind'], target: string, now: number): boolean {
  return !(last && last.kind === kind && last.target === target && now - last.at < RELOAD_RETRY_MS);
}

/**
 * The build a screen must reload to run, or null. Never under the dev server (its build id is `dev` on both
 * sides), so development never loops.
 */
export function buildToLoad(running: string, served: string | null): string | null {
  if (served === null || served === running || running === 'dev' || served === 'dev') return null;
  return served;
}

export function readReloadNote(storage: Pick<Storage, 'getItem'> = sessionStorage): ReloadNote | null {
  try {
    const raw = storage.getItem(NOTE_KEY);
    return raw ? (JSON.parse(raw) as ReloadNote) : null;
  } catch {
    return null;
  }
}

/** Tells the server what the screen did on its own; best effort, and it survives the page unloading. */
export function reportKioskEvent(event: KioskEvent): void {
  const body = JSON.stringify(event);
  // A registered display sends its token (a closed wall wants it), which a beacon cannot carry: fetch with keepalive
  // survives the unload as well.
  const auth = displayAuthHeaders();
  try {
    if (
      !auth.authorization &&
      navigator.sendBeacon?.('/api/v1/kiosk/events', new Blob([body], { type: 'application/json' }))
    ) {
      return;
    }
  } catch {
    // Fall through to fetch.
  }
  void fetch('/api/v1/kiosk/events', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body,
    keepalive: true,
  }).catch(() => {});
}

/**
 * Reloads the page where it is: the address carries the view and the screen's parameters, and a playlist's
 * position is a function of the server's clock, so the screen comes back showing what it showed. Logs it to the
 * console and the server, and leaves a note so it never repeats the same reload within `RELOAD_RETRY_MS`.
 * Returns false when the note forbids it.
 */
export function reloadScreen(event: Omit<KioskEvent, 'build' | 'path'>, target: string): boolean {
  const now = Date.now();
  const path = `${location.pathname}${location.search}`;
  if (!mayReload(readReloadNote(), event.kind, target, now)) {
    console.error(`wall: ${event.kind} to ${target} was tried less than ${RELOAD_RETRY_MS / 60_000} min ago; waiting`);
    reportKioskEvent({
      ...event,
      kind: 'reload-suppressed',
      build: __BUILD_ID__,
      path,
      detail: `${event.kind} ${target}`,
    });
    return false;
  }
  const note: ReloadNote = { kind: event.kind, target, at: now };
  try {
    sessionStorage.setItem(NOTE_KEY, JSON.stringify(note));
  } catch {
    // Private mode or full storage: reload anyway; the worst case is one more reload later.
  }
  console.warn(`wall: reloading (${event.kind}${event.detail ? `: ${event.detail}` : ''}), keeping ${path}`);
  reportKioskEvent({ ...event, build: __BUILD_ID__, path });
  location.reload();
  return true;
}
