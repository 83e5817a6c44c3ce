import { type Accessor, createContext, useContext } from 'solid-js';
import type { SessionInfo } from '../../shared/control';
import type { Playlist } from '../../shared/kiosk';
import type { Commands } from './createCommands';
import type { OperatorFeed } from './createOperatorFeed';
import type { Selection } from './selection';

/** Presenter mode as the console's controls see it: whether it is on, and a switch that asks where it must. */
export interface PresenterSwitch {
  on: Accessor<boolean>;
  toggle(): void;
}

/** What every part of the console shares: who is signed in, the live displays, the selection, and sending. */
export interface Console {
  session: SessionInfo;
  feed: OperatorFeed;
  selection: Accessor<Selection>;
  select: (selection: Selection) => void;
  /** The kiosk configuration's named playlists. */
  playlists: Accessor<readonly Playlist[]>;
  /** Sends a command to the selection; the result lands in the feed's results. Resolves null when refused. */
  send: Commands['send'];
  step: Commands['step'];
  lastChange: Commands['lastChange'];
  undo: Commands['undo'];
  /** Why the last command was refused, in the API's words. */
  sendError: Accessor<string | null>;
  busy: Accessor<boolean>;
  presenter: PresenterSwitch;
}

export const ConsoleContext = createContext<Console>();

export function useConsole(): Console {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error('useConsole() needs the console around it');
  return value;
}
