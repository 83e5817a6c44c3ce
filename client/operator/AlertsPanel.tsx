import { createMemo, createSignal, For, Show } from 'solid-js';
import { catalog } from '../../shared/catalog';
import { useI18n } from '../i18n';
import { activeAlerts, isPressing } from '../live/alerts';
import { useWall } from '../live/context';
import { useRegionName } from '../widgets/regionName';
import { operatorApi } from './api';
import { useConsoleText } from './consoleI18n';

/** The most pressing alerts the console lists; the wall's ticker counts the rest. */
const SHOWN = 50;

/**
 * The pressing alerts the wall shows, the most pressing first, with a way to acknowledge each: an acknowledged alert stops
 * holding playlists and leaves the ticker's pressing list on every screen.
 */
export function AlertsPanel() {
  const wall = useWall();
  const { t } = useConsoleText();
  const { label, fmt } = useI18n();
  const [error, setError] = createSignal<string | null>(null);
  const alerts = createMemo(() => activeAlerts(wall).filter(isPressing).slice(0, SHOWN));
  const regionName = useRegionName();
  const where = (region: string | null) => (region === null ? '' : regionName(region));
  const acknowledge = (id: string) =>
    operatorApi.acknowledgeAlert(id).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  return (
    <section class="op-panel" data-testid="alerts">
      <header class="op-panel-head">
        <h2>{t('op.alerts.title')}</h2>
        <span class="op-muted">{t('op.alerts.count', { n: alerts().length })}</span>
      </header>
      <Show when={error()}>{(e) => <p class="op-error">{e()}</p>}</Show>
      <ul class="op-alert-list">
        <For each={alerts()} fallback={<li class="op-empty">{t('op.alerts.none')}</li>}>
          {(a) => (
            <li class={`op-alert op-alert-${a.severity}`}>
              <span>{t(`op.severity.${a.severity === 'critical' ? 'critical' : 'warning'}`)}</span>
              <strong>{where(a.region)}</strong>
              <span>{a.indicator ? label(catalog[a.indicator], 'short') : (a.source ?? '')}</span>
              <span class="op-muted">{fmt().time(a.startedAt, wall.state.timeZone)}</span>
              <button type="button" onClick={() => void acknowledge(a.id)}>
                {t('op.alerts.acknowledge')}
              </button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
