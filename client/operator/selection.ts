import type { CommandTarget, DisplayState, ScreenConnection } from '../../shared/control';

/** What the console has selected: one display, a group, or every display. */
export type Selection = { kind: 'display'; id: string } | { kind: 'group'; group: string } | { kind: 'all' };

export function targetOf(selection: Selection): CommandTarget {
  switch (selection.kind) {
    case 'display':
      return { display: selection.id };
    case 'group':
      return { group: selection.group };
    default:
      return { all: true };
  }
}

/** The displays a selection reaches (revoked displays take no commands). */
export function selectedDisplays(selection: Selection, displays: readonly DisplayState[]): DisplayState[] {
  const live = displays.filter((d) => d.revokedAt === null);
  if (selection.kind === 'display') return live.filter((d) => d.id === selection.id);
  if (selection.kind === 'group') return live.filter((d) => d.group === selection.group);
  return live;
}

/** The screen that speaks for a display: its first one that reported (a video wall's first panel). */
export function primaryScreen(display: DisplayState | undefined): ScreenConnection | null {
  return display?.screens.find((s) => s.status !== null) ?? display?.screens[0] ?? null;
}

/** Parameters that make a page a screen rather than a copy of one. */
const NOT_IN_PREVIEW = ['display', 'kiosk', 'heap'];

/**
 * The address of a small copy of what a screen shows: the same view and screen parameters (language, canvas,
 * panel of a video wall, playlist), marked `preview` and without the screen's identity. A screen on a playlist is
 * previewed from the playlist itself, which runs on the server's clock in step with the screen, so the copy does
 * not reload at every item.
 */
export function previewAddress(address: string, onPlaylist: boolean): string {
  const url = new URL(address, 'http://wall.invalid');
  for (const key of NOT_IN_PREVIEW) url.searchParams.delete(key);
  url.searchParams.set('preview', '1');
  if (onPlaylist) {
    const keep = new URLSearchParams();
    for (const key of ['playlist', 'lang', 'canvas', 'wall', 'tile', 'preview']) {
      const value = url.searchParams.get(key);
      if (value !== null) keep.set(key, value);
    }
    return `/?${keep}`;
  }
  return `${url.pathname}?${url.searchParams}`;
}
