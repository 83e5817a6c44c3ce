import { type ScreenCommand, viewPath } from '../../shared/control';
import { formatInlinePlaylist, type Playlist } from '../../shared/kiosk';
import { SCREEN_PARAM_KEYS, withScreenParams } from '../kiosk/screenParams';

/** The commands that change what a screen shows through its address. */
export type NavigationCommand = Extract<ScreenCommand, { type: 'show' | 'playlist-start' | 'playlist-stop' }>;

export const isNavigation = (command: ScreenCommand): command is NavigationCommand =>
  command.type === 'show' || command.type === 'playlist-start' || command.type === 'playlist-stop';

/** The view part of an address: its path and the view's own parameters, without the screen's. */
export function viewAddress(address: string): string {
  const url = new URL(address, 'http://wall.invalid');
  for (const key of SCREEN_PARAM_KEYS) url.searchParams.delete(key);
  const search = url.searchParams.toString();
  return `${url.pathname}${search ? `?${search}` : ''}`;
}

export interface NavigationPlan {
  /** The screen's own parameters from now on (kept from view to view, and across a reload). */
  sticky: URLSearchParams;
  /** Where the screen goes now (for a playlist, where it is until its rotation takes it to the current item). */
  address: string;
}

/**
 * Where a command takes a screen, through the same address a person or a reload would use, so that a reload keeps
 * what the operator set. Showing a view stops the playlist (the operator took the screen over) and may switch its
 * language; a playlist goes into the screen's parameters, and its rotation takes the screen to the current item.
 */
export function planNavigation(
  command: NavigationCommand,
  screen: { here: string; sticky: URLSearchParams; playlists: readonly Playlist[] },
): NavigationPlan | { error: string } {
  const sticky = new URLSearchParams(screen.sticky);
  let view = viewAddress(screen.here);
  switch (command.type) {
    case 'show':
      sticky.delete('playlist');
      if (command.lang) sticky.set('lang', command.lang);
      view = viewPath(command.view);
      break;
    case 'playlist-start': {
      const choice = command.playlist;
      if ('id' in choice) {
        if (!screen.playlists.some((p) => p.id === choice.id)) return { error: `no playlist ${choice.id} here` };
        sticky.set('playlist', choice.id);
      } else {
        sticky.set('playlist', formatInlinePlaylist(choice.items));
      }
      break;
    }
    case 'playlist-stop':
      sticky.delete('playlist');
      break;
  }
  return { sticky, address: withScreenParams(view, sticky) };
}
