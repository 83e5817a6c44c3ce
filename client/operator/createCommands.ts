import { type Accessor, createSignal } from 'solid-js';
import type { CommandInput, CommandResult, CommandTarget, DisplayState } from '../../shared/control';
import type { I18n } from '../i18n';
import { ApiError, operatorApi } from './api';
import type { Confirmation } from './ConfirmDialog';
import type { ConsoleText } from './consoleI18n';
import type { OperatorFeed } from './createOperatorFeed';
import { primaryScreen, type Selection, selectedDisplays, targetOf } from './selection';
import {
  isViewChange,
  type Shown,
  shownAfter,
  shownIn,
  stepTarget,
  undoPlan,
  type ViewChange,
  viewChangeOf,
} from './viewChange';
import { commandText, shownText, targetText } from './viewText';

/** A view the console sent counts as what the screen shows for this long, until the screen's report catches up. */
const SENT_VIEW_MS = 3_000;

export interface SendOptions {
  /** The operator agreed already to commands to this selection (presenter mode turned on for a group). */
  confirmed?: boolean;
}

export interface Commands {
  /** Sends a command to the selection, asking first for a view change to a group or to all screens. */
  send(command: CommandInput, options?: SendOptions): Promise<CommandResult | null>;
  /** The previous or next view on the selection, from what it shows (or was just sent). */
  step(by: 1 | -1, options?: SendOptions): void;
  /** The last view change this console made, which `undo` takes back. */
  lastChange: Accessor<ViewChange | null>;
  /** Brings back what each display the last view change reached showed before it (asking first for several). */
  undo(): Promise<void>;
  /** Asks before presenter mode may step every screen of a group, or all, without asking again. */
  confirmPresenter(): Promise<boolean>;
  /** Why the last command was refused, in the API's words. */
  sendError: Accessor<string | null>;
  busy: Accessor<boolean>;
}

export interface CommandsDeps {
  feed: OperatorFeed;
  selection: Accessor<Selection | null>;
  confirmation: Confirmation;
  t: ConsoleText['t'];
  label: I18n['label'];
  /** The district a step to the district view shows when the screen shows none. */
  fallbackDistrict: () => string;
  onSignedOut: () => void;
}

/**
 * The console's commands: sending to the selection, with a question first where a mistake would move many
 * screens, and an undo of the last view change, display by display.
 */
export function createCommands(deps: CommandsDeps): Commands {
  const { feed, confirmation, t, label } = deps;
  const [pending, setPending] = createSignal(0);
  const [sendError, setSendError] = createSignal<string | null>(null);
  const [lastChange, setLastChange] = createSignal<ViewChange | null>(null);
  const recent = new Map<string, { shown: Shown; at: number }>();

  const allDisplays = () => feed.order().flatMap((id) => feed.displays[id] ?? []);
  const recentlySent = (id: string) => {
    const sent = recent.get(id);
    return sent && Date.now() - sent.at < SENT_VIEW_MS ? sent.shown : null;
  };
  const shownBy = (d: DisplayState) => recentlySent(d.id) ?? shownIn(primaryScreen(d)?.status ?? null);
  const displayLine = (d: DisplayState) => {
    const shown = shownBy(d);
    const now = d.online ? (shown ? shownText(shown, t, label) : '–') : t('op.state.offline');
    return `${d.name} (${d.id}) · ${now}`;
  };

  /** One request; what it sends counts as shown on `displays` until their reports catch up. */
  const post = async (target: CommandTarget, command: CommandInput, displays: readonly DisplayState[]) => {
    for (const d of displays) {
      const after = shownAfter(command, shownBy(d));
      if (after) recent.set(d.id, { shown: after, at: Date.now() });
      else recent.delete(d.id);
    }
    setPending((n) => n + 1);
    try {
      const result = await operatorApi.command(target, command);
      feed.addResult(result);
      setSendError(null);
      return result;
    } catch (error) {
      for (const d of displays) recent.delete(d.id);
      if (error instanceof ApiError && error.code === 'UNAUTHORIZED') deps.onSignedOut();
      const e = error as ApiError;
      const fields = e.issues?.length ? ` (${e.issues.map((i) => i.path.join('.')).join(', ')})` : '';
      setSendError(t('op.results.refused', { message: `${e.message}${fields}` }));
      return null;
    } finally {
      setPending((n) => n - 1);
    }
  };

  const send = async (command: CommandInput, options: SendOptions = {}) => {
    const selection = deps.selection();
    if (!selection) return null;
    const displays = selectedDisplays(selection, allDisplays());
    if (isViewChange(command) && selection.kind !== 'display' && !options.confirmed) {
      const yes = await confirmation.ask({
        question: t('op.confirm.view', {
          command: commandText(command, t, label),
          n: displays.length,
          who: targetText(targetOf(selection), t),
        }),
        items: displays.map(displayLine),
        confirm: t('op.confirm.send', { n: displays.length }),
      });
      if (!yes) return null;
    }
    const before = new Map(displays.map((d) => [d.id, shownBy(d)]));
    const result = await post(targetOf(selection), command, displays);
    if (result && isViewChange(command)) {
      const change = viewChangeOf(result, before);
      // A command that reached no screen changed nothing: the last change that did stays undoable.
      if (change.displays.length > 0) setLastChange(change);
    }
    return result;
  };

  const step = (by: 1 | -1, options: SendOptions = {}) => {
    const selection = deps.selection();
    if (!selection) return;
    const displays = selectedDisplays(selection, allDisplays());
    const view = stepTarget(displays, recentlySent, by, deps.fallbackDistrict());
    void send({ type: 'show', view }, options);
  };

  const undo = async () => {
    const change = lastChange();
    if (!change) return;
    const plan = undoPlan(change);
    const known = plan.filter((p) => p.command !== null);
    if (plan.length > 1 || !('display' in change.result.target)) {
      const yes = await confirmation.ask({
        question: t('op.undo.question', { command: commandText(change.result.command, t, label), n: known.length }),
        items: plan.map((p) =>
          p.command
            ? `${p.name} (${p.id}) ← ${commandText(p.command, t, label)}`
            : t('op.undo.unknown', { name: p.name, id: p.id }),
        ),
        confirm: t('op.undo.confirm', { n: known.length }),
      });
      if (!yes) return;
    }
    // Taken back once: a second click must not send it again.
    setLastChange(null);
    const byId = new Map(allDisplays().map((d) => [d.id, d]));
    await Promise.all(
      known.map((p) => {
        const display = byId.get(p.id);
        return post({ display: p.id }, p.command as CommandInput, display ? [display] : []);
      }),
    );
  };

  const confirmPresenter = async () => {
    const selection = deps.selection();
    if (!selection) return false;
    if (selection.kind === 'display') return true;
    const displays = selectedDisplays(selection, allDisplays());
    return confirmation.ask({
      question: t('op.presenter.question', { who: targetText(targetOf(selection), t), n: displays.length }),
      items: displays.map(displayLine),
      confirm: t('op.presenter.start'),
    });
  };

  return { send, step, lastChange, undo, confirmPresenter, sendError, busy: () => pending() > 0 };
}
