import { Show } from 'solid-js';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { useConsole } from './consoleContext';
import { useConsoleText } from './consoleI18n';
import { commandText, targetText } from './viewText';
import './commands.css';

/** The last view change this console made, and the way back: each screen it reached shows again what it showed. */
export function UndoBar() {
  const { lastChange, undo, busy } = useConsole();
  const { t } = useConsoleText();
  const { fmt, label } = useI18n();
  const wall = useWall();
  return (
    <Show when={lastChange()}>
      {(change) => (
        <div class="op-undo" data-testid="undo-bar">
          <span>
            <span class="op-muted">
              {t('op.undo.last', { time: fmt().time(change().result.at, wall.state.timeZone, true) })}
            </span>{' '}
            {commandText(change().result.command, t, label)} → {targetText(change().result.target, t)}
          </span>
          <button type="button" onClick={() => void undo()} disabled={busy()} data-testid="undo">
            {t('op.undo.button', { n: change().displays.length })}
          </button>
        </div>
      )}
    </Show>
  );
}
