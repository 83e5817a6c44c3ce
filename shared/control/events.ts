import type { CommandResult } from './commands';
import type { DisplayList, DisplayState } from './displays';

/** The socket.io namespace of operator consoles: a live feed of the displays, for signed-in operators only. */
export const OPERATOR_NAMESPACE = '/operator';

export interface OperatorServerToClient {
  /** Every display and what it shows: on connect, and when the registry changes. */
  displays: (list: DisplayList) => void;
  /** One display changed: a screen connected, left, or reported. */
  display: (display: DisplayState) => void;
  /** A command finished (from this console or another, or the API): its per-display outcomes. */
  'command:done': (result: CommandResult) => void;
}

/** Consoles listen only; commands go through `POST /api/v1/commands`, where the API's checks apply. */
export type OperatorClientToServer = Record<string, never>;
