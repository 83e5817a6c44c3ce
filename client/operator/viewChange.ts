import {
  type CommandInput,
  type CommandResult,
  type DisplayState,
  type ScreenStatus,
  stepView,
  type ViewSpec,
} from '../../shared/control';
import { INLINE_PLAYLIST_ID, type PlaylistItem } from '../../shared/kiosk';
import type { Lang } from '../i18n';
import { parseScreenParams } from '../kiosk/screenParams';
import { primaryScreen } from './selection';

/**
 * What a display shows, as much as it takes to bring it back: a view in a language (null: not known), or a
 * playlist, named or given in full.
 */
export type Shown =
  | { kind: 'view'; view: ViewSpec; lang: Lang | null }
  | { kind: 'playlist'; playlist: { id: string } | { items: PlaylistItem[] } };

/** Commands that change what a screen shows: these ask first when they reach a group, and can be undone. */
export function isViewChange(command: CommandInput): boolean {
  return command.type === 'show' || command.type === 'playlist-start' || command.type === 'playlist-stop';
}

/**
 * What a screen's report says it shows. A playlist wins over the item it shows now: bringing it back restarts
 * the rotation, which is where it would be anyway (its position follows the server's clock). Null when the screen
 * has not reported, or shows an address that is no view.
 */
export function shownIn(status: ScreenStatus | null): Shown | null {
  if (!status) return null;
  if (status.playlist) {
    const search = new URL(status.address, 'http://wall.invalid').searchParams;
    const ref = parseScreenParams(search).playlist;
    if (ref?.kind === 'named') return { kind: 'playlist', playlist: { id: ref.id } };
    if (ref?.kind === 'inline') return { kind: 'playlist', playlist: { items: ref.playlist.items } };
    if (status.playlist.id !== INLINE_PLAYLIST_ID) return { kind: 'playlist', playlist: { id: status.playlist.id } };
  }
  // A copy: the report lives in a store that updates it in place, and what was shown must stay what it was.
  return status.view ? { kind: 'view', view: { ...status.view }, lang: status.lang } : null;
}

/** What a display shows once `command` applied, before its own report says so; null when only the report can tell. */
export function shownAfter(command: CommandInput, before: Shown | null): Shown | null {
  if (command.type === 'show') {
    return { kind: 'view', view: command.view, lang: command.lang ?? (before?.kind === 'view' ? before.lang : null) };
  }
  if (command.type === 'playlist-start') return { kind: 'playlist', playlist: command.playlist };
  return null;
}

/**
 * The command that brings `before` back after `undone`: the view (in its earlier language, if `undone` changed the
 * language), or the playlist, which resumes in step with the screens that kept running it.
 */
export function restoreCommand(before: Shown, undone: CommandInput): CommandInput {
  if (before.kind === 'playlist') return { type: 'playlist-start', playlist: before.playlist };
  const lang = undone.type === 'show' && undone.lang !== undefined && before.lang !== null ? before.lang : null;
  return { type: 'show', view: before.view, ...(lang && { lang }) };
}

/**
 * The view a step goes to, from what the first online display of the selection shows: the view just sent to it,
 * else the view of its report (on a playlist, the item it shows now).
 */
export function stepTarget(
  displays: readonly DisplayState[],
  recent: (id: string) => Shown | null,
  by: 1 | -1,
  fallbackDistrict: string,
): ViewSpec {
  const display = displays.find((d) => d.online) ?? displays[0];
  const sent = display ? recent(display.id) : null;
  const from = sent?.kind === 'view' ? sent.view : (primaryScreen(display)?.status?.view ?? null);
  return stepView(from, by, fallbackDistrict);
}

/** A view change this console made, with what each display it reached showed before. */
export interface ViewChange {
  result: CommandResult;
  displays: { id: string; name: string; before: Shown | null }[];
}

/**
 * The displays a command changed, with what they showed before: those that applied it, or did not answer in
 * time (they may have applied it late). An offline display, or one that refused, still shows what it showed.
 */
export function viewChangeOf(result: CommandResult, before: ReadonlyMap<string, Shown | null>): ViewChange {
  const reached = result.outcomes.filter((o) => o.result === 'applied' || o.result === 'timed-out');
  return {
    result,
    displays: reached.map((o) => ({ id: o.display, name: o.name, before: before.get(o.display) ?? null })),
  };
}

/** Undoing a change, display by display: the command that brings each back, or null when its past is unknown. */
export function undoPlan(change: ViewChange): { id: string; name: string; command: CommandInput | null }[] {
  return change.displays.map((d) => ({
    id: d.id,
    name: d.name,
    command: d.before ? restoreCommand(d.before, change.result.command) : null,
  }));
}
