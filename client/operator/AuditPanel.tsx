import { createEffect, createResource, For, on } from 'solid-js';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { operatorApi } from './api';
import { useConsole } from './consoleContext';
import { useConsoleText } from './consoleI18n';

/** How many entries the console shows; the CSV export has the rest. */
const SHOWN = 100;

/** Outcomes in a few words: `hall-1 ✓, hall-2 ⌛`. */
function resultSummary(result: unknown): string {
  if (result === null) return '…';
  if (!Array.isArray(result)) return typeof result === 'string' ? result : JSON.stringify(result);
  const mark = { applied: '✓', failed: '✕', 'timed-out': '⌛', offline: '○' } as Record<string, string>;
  return result
    .map((o: { display?: string; result?: string }) => `${o.display ?? '?'} ${mark[o.result ?? ''] ?? o.result}`)
    .join(', ');
}

/** The audit log: who did what to which screens and how it went; refreshed after each command; exportable. */
export function AuditPanel() {
  const { feed } = useConsole();
  const { t } = useConsoleText();
  const { fmt } = useI18n();
  const wall = useWall();
  const [entries, { refetch }] = createResource(() => operatorApi.audit(SHOWN));
  createEffect(
    on(
      () => feed.results()[0]?.id,
      () => void refetch(),
      { defer: true },
    ),
  );

  return (
    <section class="op-panel" data-testid="audit">
      <header class="op-panel-head">
        <h2>{t('op.audit.title')}</h2>
        <a class="op-chip" href="/api/v1/audit.csv?limit=10000" download="ioc-wall-audit.csv" data-testid="audit-csv">
          {t('op.audit.export')}
        </a>
        <button type="button" class="op-chip" onClick={() => void refetch()}>
          {t('op.audit.refresh')}
        </button>
      </header>
      <table class="op-table op-audit">
        <thead>
          <tr>
            <th>{t('op.audit.at')}</th>
            <th>{t('op.audit.actor')}</th>
            <th>{t('op.audit.action')}</th>
            <th>{t('op.audit.target')}</th>
            <th>{t('op.audit.result')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={entries() ?? []}>
            {(e) => (
              <tr data-testid="audit-row">
                <td>
                  {fmt().day(e.at, wall.state.timeZone)} {fmt().time(e.at, wall.state.timeZone, true)}
                </td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td>{e.target}</td>
                <td>{resultSummary(e.result)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}
