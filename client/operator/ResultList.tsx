import { For, Show } from 'solid-js';
import type { CommandResult } from '../../shared/control';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { useConsole } from './consoleContext';
import { useConsoleText } from './consoleI18n';
import { commandText, targetText } from './viewText';

/** Recent commands, from this console and others: what, to whom, by whom, and each display's answer. */
export function ResultList() {
  const { feed, sendError } = useConsole();
  const { t } = useConsoleText();
  return (
    <section class="op-panel op-results" aria-labelledby="op-results-title">
      <header class="op-panel-head">
        <h2 id="op-results-title">{t('op.results.title')}</h2>
      </header>
      <Show when={sendError()}>
        {(message) => (
          <p class="op-error" role="alert" data-testid="send-error">
            {message()}
          </p>
        )}
      </Show>
      <ol class="op-result-list">
        <For each={feed.results()} fallback={<li class="op-empty">{t('op.results.none')}</li>}>
          {(result) => <ResultItem result={result} />}
        </For>
      </ol>
    </section>
  );
}

function ResultItem(props: { result: CommandResult }) {
  const { t } = useConsoleText();
  const { fmt, label } = useI18n();
  const wall = useWall();
  return (
    <li class="op-result" data-testid="result" data-command={props.result.command.type}>
      <div class="op-result-head">
        <span class="op-muted">{fmt().time(props.result.at, wall.state.timeZone, true)}</span>
        <strong>{commandText(props.result.command, t, label)}</strong>
        <span class="op-muted">
          → {targetText(props.result.target, t)} · {props.result.actor}
        </span>
      </div>
      <ul class="op-outcomes">
        <For each={props.result.outcomes}>
          {(o) => (
            <li
              class={`op-outcome op-outcome-${o.result}`}
              data-testid={`outcome-${o.display}`}
              data-result={o.result}
              title={o.error ?? ''}
            >
              <span aria-hidden="true">{{ applied: '✓', failed: '✕', 'timed-out': '⌛', offline: '○' }[o.result]}</span>{' '}
              {o.name} · {t(`op.result.${o.result}`)}
              <Show when={o.screens > 1}>
                {' '}
                ({o.applied}/{o.screens})
              </Show>
              <Show when={o.error}>{(e) => <span class="op-muted"> · {e()}</span>}</Show>
            </li>
          )}
        </For>
      </ul>
    </li>
  );
}
