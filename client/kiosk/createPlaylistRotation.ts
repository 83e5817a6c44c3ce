import { createEffect, createMemo, createSignal, onCleanup } from 'solid-js';
import { type Playlist, type PlaylistItem, type PlaylistStep, playlistStep } from '../../shared/kiosk';
import type { Alert } from '../../shared/protocol';

/** Wake a little after the boundary, so the server-time estimate is past it when the step is recomputed. */
const SWITCH_SLACK_MS = 25;

export interface PlaylistRotationOptions {
  playlist: () => Playlist | null;
  /** The server's time now; reactive on the clock offset, so a new estimate re-aims the next switch. */
  serverNow: () => number;
  alerts: () => readonly Alert[];
  /** How long a critical alert may hold the rotation after it began; null: until it ends. */
  holdMaxMs: () => number | null;
  /** Shows an item (navigates to it); called on every step, so it must do nothing when the item is showing. */
  show: (item: PlaylistItem, index: number) => void;
}

/**
 * Runs a playlist: shows the item the server's clock says, switches at the slot's end (one timer, no polling),
 * and holds on the view of an active critical alert until it ends or its hold time is up. Returns the current step, for the screen's
 * attributes and the operator console.
 */
export function createPlaylistRotation(options: PlaylistRotationOptions): () => PlaylistStep | null {
  const [tick, setTick] = createSignal(0);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = createMemo(() => {
    tick();
    const playlist = options.playlist();
    return playlist ? playlistStep(playlist, options.serverNow(), options.alerts(), options.holdMaxMs()) : null;
  });
  createEffect(() => {
    const playlist = options.playlist();
    const current = step();
    clearTimeout(timer);
    if (!playlist || !current) return;
    const item = playlist.items[current.index];
    if (item) options.show(item, current.index);
    if (current.switchAt !== null) {
      const wait = Math.max(0, current.switchAt - options.serverNow()) + SWITCH_SLACK_MS;
      timer = setTimeout(() => setTick((n) => n + 1), wait);
    }
  });
  onCleanup(() => clearTimeout(timer));
  return step;
}
