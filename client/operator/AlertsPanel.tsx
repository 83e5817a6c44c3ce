import { createEffect, createMemo, createSignal, For, Show } from 'solid-js';
import { activeAlerts } from '../live/alerts';
import { useWall } from '../live/context';
import { createNow } from '../live/createNow';
import { AlertRow } from './AlertRow';
import { selectAllState, stillListed } from './alertRows';
import { ApiError, operatorApi } from './api';
import { useConsoleText } from './consoleI18n';
import './alerts.css';

/** The most pressing alerts the console lists. */
const SHOWN = 50;
/** Ages are in whole minutes: a tick every 15 s keeps them right to within a quarter of one. */
const AGE_TICK_MS = 15_000;

/**
 * The unacknowledged alerts (each a change: a fall below target, a drop, a silence), the most pressing first, each
 * with its value, its target and its age, to acknowledge one by one or together (one request, all or none): an
 * acknowledged alert stops holding playlists and leaves the ticker on every screen.
 */
export function AlertsPanel() {
  const wall = useWall();
  const { t } = useConsoleText();
  const now = createNow(AGE_TICK_MS);
  const serverNow = () => now() + wall.clockOffset();
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const alerts = createMemo(() =>
    activeAlerts(wall)
      .filter((a) => !a.acknowledged)
      .slice(0, SHOWN),
  );
  const listedIds = createMemo(() => alerts().map((a) => a.id));
  const chosen = createMemo(() => stillListed(selected(), listedIds()));
  const all = () => selectAllState(chosen().length, listedIds().length);

  // An alert that left the list (acknowledged here or elsewhere, or ended) leaves the selection too.
  createEffect(() => {
    if (chosen().length !== selected().size) setSelected(new Set(chosen()));
  });
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const acknowledge = async (ids: readonly string[]) => {
    if (ids.length === 0) return;
    setBusy(true);
    try {
      await operatorApi.acknowledgeAlerts(ids);
      setError(null);
    } catch (e) {
      // The alerts named as unknown ended meanwhile: unselected, so that trying again acknowledges the rest.
      const gone = e instanceof ApiError && e.code === 'NOT_FOUND' ? e.issues.map((i) => ids[Number(i.path[1])]) : [];
      for (const id of gone) if (id !== undefined) toggle(id, false);
      setError(gone.length > 0 ? t('op.alerts.refusedGone', { n: gone.length }) : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  let selectAll: HTMLInputElement | undefined;
  createEffect(() => {
    if (selectAll) selectAll.indeterminate = all() === 'some';
  });

  return (
    <section class="op-panel" data-testid="alerts">
      <header class="op-panel-head">
        <h2>{t('op.alerts.title')}</h2>
        <span class="op-muted">{t('op.alerts.count', { n: alerts().length })}</span>
        <button
          type="button"
          class="op-chip op-primary"
          disabled={busy() || chosen().length === 0}
          onClick={() => void acknowledge(chosen())}
          data-testid="alerts-ack-selected"
        >
          {t('op.alerts.acknowledgeSelected', { n: chosen().length })}
        </button>
      </header>
      <Show when={error()}>
        {(e) => (
          <p class="op-error" role="alert" data-testid="alerts-error">
            {e()}
          </p>
        )}
      </Show>
      <Show when={alerts().length > 0} fallback={<p class="op-empty">{t('op.alerts.none')}</p>}>
        <table class="op-table op-alerts">
          <thead>
            <tr>
              <th class="op-check">
                <input
                  ref={selectAll}
                  type="checkbox"
                  checked={all() === 'all'}
                  onChange={(e) => setSelected(new Set(e.currentTarget.checked ? listedIds() : []))}
                  aria-label={t('op.alerts.selectAll', { n: alerts().length })}
                  data-testid="alerts-select-all"
                />
              </th>
              <th>{t('op.alerts.severity')}</th>
              <th>{t('op.alerts.where')}</th>
              <th>{t('op.alerts.indicator')}</th>
              <th class="op-num">{t('op.alerts.value')}</th>
              <th class="op-num">{t('op.alerts.target')}</th>
              <th>{t('op.alerts.age')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            <For each={alerts()}>
              {(alert) => (
                <AlertRow
                  alert={alert}
                  now={serverNow}
                  selected={selected().has(alert.id)}
                  onSelect={(on) => toggle(alert.id, on)}
                  onAcknowledge={() => void acknowledge([alert.id])}
                  busy={busy()}
                />
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
