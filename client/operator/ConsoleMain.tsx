import { createEffect, createMemo, createResource, createSignal, Match, on, Show, Switch } from 'solid-js';
import type { SessionInfo } from '../../shared/control';
import { useI18n } from '../i18n';
import { WallProvider } from '../live/context';
import { createWall } from '../live/createWall';
import { AdminPanel } from './AdminPanel';
import { AlertsPanel } from './AlertsPanel';
import { AuditPanel } from './AuditPanel';
import { operatorApi } from './api';
import { ConfirmDialog, createConfirmation } from './ConfirmDialog';
import { ConnectorsPanel, ConnectorsTitle } from './ConnectorsPanel';
import { ConsoleTop } from './ConsoleTop';
import { type Console, ConsoleContext } from './consoleContext';
import { useConsoleText } from './consoleI18n';
import { createCommands } from './createCommands';
import { createOperatorFeed } from './createOperatorFeed';
import { createPresenterMode } from './createPresenterMode';
import { DisplayTable } from './DisplayTable';
import { PlaylistControls } from './PlaylistControls';
import { PresenterBanner } from './PresenterMode';
import { PreviewPane } from './PreviewPane';
import { ResultList } from './ResultList';
import { AnnounceControls, ScreenActions } from './ScreenActions';
import type { Selection } from './selection';
import { TargetBar } from './TargetBar';
import { UndoBar } from './UndoBar';
import { DEFAULT_DISTRICT, ViewControls, type ViewForm } from './ViewControls';

type Tab = 'alerts' | 'connectors' | 'audit' | 'admin';

/** The signed-in console: the displays and their previews, the commands, the recent results, audit and admin. */
export function ConsoleMain(props: { session: SessionInfo; onSignedOut: () => void }) {
  const { t } = useConsoleText();
  const { label } = useI18n();
  const feed = createOperatorFeed({ onRefused: props.onSignedOut });
  // The console's own view of the live state: the alerts it can acknowledge, the deployment's time zone.
  const wall = createWall();
  const [selection, setSelection] = createSignal<Selection | null>(null);
  const [tab, setTab] = createSignal<Tab>('alerts');
  const [playlists] = createResource(() => operatorApi.kiosk().then((k) => k.playlists));
  const [viewForm, setViewForm] = createSignal<ViewForm>({
    view: 'district',
    indicator: '',
    district: DEFAULT_DISTRICT,
    order: 'region',
    lang: '',
  });

  // The first display is selected once the list arrives, so that nothing goes to every screen by accident.
  createEffect(() => {
    const first = feed.order()[0];
    if (selection() === null && first) setSelection({ kind: 'display', id: first });
  });

  const confirmation = createConfirmation();
  const commands = createCommands({
    feed,
    selection,
    confirmation,
    t,
    label,
    fallbackDistrict: () => viewForm().district,
    onSignedOut: props.onSignedOut,
  });
  // The operator agreed to the screens presenter mode reaches: its steps do not ask again.
  const presenter = createPresenterMode((by) => commands.step(by, { confirmed: true }));
  // What presenter mode was turned on for is what it steps: another target turns it off.
  const targetKey = createMemo(() => JSON.stringify(selection()));
  createEffect(on(targetKey, () => presenter.stop(), { defer: true }));
  const togglePresenter = async () => {
    if (presenter.on()) return presenter.stop();
    if (await commands.confirmPresenter()) presenter.start();
  };

  const context: Console = {
    session: props.session,
    feed,
    selection: () => selection() ?? { kind: 'all' },
    select: setSelection,
    playlists: () => playlists() ?? [],
    send: commands.send,
    step: commands.step,
    lastChange: commands.lastChange,
    undo: commands.undo,
    sendError: commands.sendError,
    busy: commands.busy,
    presenter: { on: presenter.on, toggle: () => void togglePresenter() },
  };

  return (
    <WallProvider wall={wall}>
      <ConsoleContext.Provider value={context}>
        <div class="op-console" classList={{ presenting: presenter.on() }} data-testid="console">
          <div class="op-sticky">
            <ConsoleTop onSignedOut={props.onSignedOut} />
            <PresenterBanner />
          </div>
          <main class="op-main">
            <div class="op-column">
              <DisplayTable />
              <ResultList />
              <nav class="op-tabs" aria-label={t('op.tabs.label')}>
                <button type="button" aria-pressed={tab() === 'alerts'} onClick={() => setTab('alerts')}>
                  {t('op.alerts.title')}
                </button>
                <button
                  type="button"
                  aria-pressed={tab() === 'connectors'}
                  onClick={() => setTab('connectors')}
                  data-testid="tab-connectors"
                >
                  <ConnectorsTitle />
                </button>
                <button type="button" aria-pressed={tab() === 'audit'} onClick={() => setTab('audit')}>
                  {t('op.audit.title')}
                </button>
                <Show when={props.session.user.role === 'admin'}>
                  <button type="button" aria-pressed={tab() === 'admin'} onClick={() => setTab('admin')}>
                    {t('op.admin.title')}
                  </button>
                </Show>
              </nav>
              <Switch>
                <Match when={tab() === 'alerts'}>
                  <AlertsPanel />
                </Match>
                <Match when={tab() === 'connectors'}>
                  <ConnectorsPanel />
                </Match>
                <Match when={tab() === 'audit'}>
                  <AuditPanel />
                </Match>
                <Match when={tab() === 'admin'}>
                  <AdminPanel />
                </Match>
              </Switch>
            </div>
            <div class="op-column op-side">
              <PreviewPane />
              <section class="op-panel op-commands" aria-label={t('op.commands.label')}>
                <TargetBar />
                <UndoBar />
                <Show when={selection()} fallback={<p class="op-empty">{t('op.target.none')}</p>}>
                  <ViewControls form={viewForm} setForm={setViewForm} />
                  <ScreenActions />
                  <AnnounceControls />
                  <PlaylistControls viewForm={viewForm} />
                </Show>
              </section>
            </div>
          </main>
          <ConfirmDialog confirmation={confirmation} />
        </div>
      </ConsoleContext.Provider>
    </WallProvider>
  );
}
