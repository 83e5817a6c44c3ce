import { createSignal, For, onCleanup, Show } from 'solid-js';
import {
  type ConnectorHealth,
  type ConnectorList,
  ConnectorListSchema,
  type ConnectorWhen,
} from '../../shared/connectors';
import { fillPlaceholders, useI18n } from '../i18n';
import { useWall } from '../live/context';
import { type ConnectorMessageKey, connectorMessages } from './connectorMessages';
import { useConsoleText } from './consoleI18n';
import './connectors.css';

/** How often the panel asks for the connectors' health: their runs are minutes apart, a failure shows in seconds. */
const POLL_MS = 5_000;
/** How many of an error's wrong records the panel lists. */
const SHOWN_ISSUES = 5;

/** The console's wording for connectors, in the console's language. */
function useConnectorText() {
  const { lang } = useConsoleText();
  return (key: ConnectorMessageKey, params?: Record<string, string | number>) =>
    fillPlaceholders(connectorMessages[lang()][key], params);
}

/** The panel's name, for the console's tab. */
export function ConnectorsTitle() {
  const t = useConnectorText();
  return <>{t('op.connectors.title')}</>;
}

async function fetchConnectors(): Promise<ConnectorList> {
  const res = await fetch('/api/v1/connectors', { cache: 'no-store', credentials: 'same-origin' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ConnectorListSchema.parse(await res.json());
}

/**
 * Every configured connector (HTTP pull, SQL pull, MQTT) with its state, when it last worked and last brought new
 * data, its last error with the reason and the wrong records, and what it got accepted and refused. Polled every
 * few seconds while the panel is open.
 */
export function ConnectorsPanel() {
  const t = useConnectorText();
  const { fmt } = useI18n();
  const wall = useWall();
  const [list, setList] = createSignal<ConnectorHealth[] | null>(null);
  const [checkedAt, setCheckedAt] = createSignal<number | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  const refresh = () =>
    fetchConnectors().then(
      (answer) => {
        setList(answer.connectors);
        setCheckedAt(Date.now());
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  void refresh();
  const timer = setInterval(() => void refresh(), POLL_MS);
  onCleanup(() => clearInterval(timer));

  const when = (at: number | null) =>
    at === null ? t('op.connectors.never') : fmt().time(at, wall.state.timeZone, true);
  const schedule = (when: ConnectorWhen) => {
    if ('every' in when) {
      const s = when.every / 1000;
      const duration =
        s % 3600 === 0
          ? `${s / 3600} h`
          : s % 60 === 0
            ? `${s / 60} min`
            : `${fmt().number(s, Number.isInteger(s) ? 0 : 1)} s`;
      return t('op.connectors.every', { duration });
    }
    if ('cron' in when) return t('op.connectors.cron', { cron: when.cron, zone: when.timeZone });
    return t('op.connectors.topics', { topics: when.topics.join(', ') });
  };
  const healthy = () => (list() ?? []).filter((c) => c.state === 'ok').length;

  return (
    <section class="op-panel" data-testid="connectors">
      <header class="op-panel-head">
        <h2>{t('op.connectors.title')}</h2>
        <span class="op-muted">{t('op.connectors.count', { ok: healthy(), total: (list() ?? []).length })}</span>
        <Show when={checkedAt()}>
          {(at) => <span class="op-muted">{t('op.connectors.updated', { time: when(at()) })}</span>}
        </Show>
      </header>
      <Show when={error()}>{(e) => <p class="op-error">{t('op.connectors.unreachable', { message: e() })}</p>}</Show>
      <Show when={list()?.length !== 0} fallback={<p class="op-empty">{t('op.connectors.none')}</p>}>
        <table class="op-table">
          <thead>
            <tr>
              <th>{t('op.connectors.connector')}</th>
              <th>{t('op.connectors.state')}</th>
              <th>{t('op.connectors.lastSuccess')}</th>
              <th>{t('op.connectors.lastData')}</th>
              <th>{t('op.connectors.counts')}</th>
              <th>{t('op.connectors.error')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={list() ?? []}>
              {(c) => (
                <tr data-testid={`connector-${c.id}`} data-state={c.state}>
                  <td>
                    <strong>{c.id}</strong>
                    <div class="op-muted">
                      {t(`op.connectors.kind.${c.kind}`)} · {c.source} · {schedule(c.schedule)}
                    </div>
                  </td>
                  <td class="op-nowrap">
                    <span class="op-connector-state" data-state={c.state} data-testid="connector-state">
                      {t(`op.connectors.state.${c.state}`)}
                    </span>
                    <Show when={c.nextRunAt}>
                      {(at) => <div class="op-muted">{t('op.connectors.next', { time: when(at()) })}</div>}
                    </Show>
                  </td>
                  <td class="op-nowrap">{when(c.lastSuccessAt)}</td>
                  <td class="op-nowrap">{when(c.lastDataAt)}</td>
                  <td class="op-nowrap">
                    {fmt().number(c.accepted, 0)} / {fmt().number(c.refused, 0)}
                  </td>
                  <td class="op-connector-error" data-testid="connector-error">
                    <Show when={c.lastError}>
                      {(e) => (
                        <>
                          <span class="op-muted">{when(e().at)}</span> {e().message}
                          <Show when={e().issues?.length}>
                            <ul>
                              <For each={e().issues?.slice(0, SHOWN_ISSUES)}>
                                {(issue) => (
                                  <li>
                                    {issue.path.join('.')}: {issue.message}
                                  </li>
                                )}
                              </For>
                              <Show when={(e().issues?.length ?? 0) > SHOWN_ISSUES}>
                                <li>
                                  {t('op.connectors.moreIssues', { n: (e().issues?.length ?? 0) - SHOWN_ISSUES })}
                                </li>
                              </Show>
                            </ul>
                          </Show>
                        </>
                      )}
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
