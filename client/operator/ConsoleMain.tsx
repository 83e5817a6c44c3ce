import { createEffect, createResource, createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import { type CommandInput, type SessionInfo, stepView, type ViewSpec } from '../../shared/control';
import { WallProvider } from '../live/context';
import { createWall } from '../live/createWall';
import { AdminPanel } from './AdminPanel';
import { AlertsPanel } from './AlertsPanel';
import { AuditPanel } from './AuditPanel';
import { ApiError, operatorApi } from './api';
import { ConnectorsPanel, ConnectorsTitle } from './ConnectorsPanel';
import { ConsoleTop } from './ConsoleTop';
import { type Console, ConsoleContext } from './consoleContext';
import { useConsoleText } from './consoleI18n';
import { createOperatorFeed } from './createOperatorFeed';
import { DisplayTable } from './DisplayTable';
import { PlaylistControls } from './PlaylistControls';
import { PreviewPane } from './PreviewPane';
import { ResultList } from './ResultList';
import { AnnounceControls, ScreenActions } from './ScreenActions';
import { isTyping, primaryScreen, type Selection, selectedDisplays, stepOfKey, targetOf } from './selection';
import { TargetBar } from './TargetBar';
import { DEFAULT_DISTRICT, ViewControls, type ViewForm } from './ViewControls';

/** A view the console sent counts as what the screen shows for this long, until the screen's report catches up. */
const SENT_VIEW_MS = 3_000;

type Tab = 'alerts' | 'connectors' | 'audit' | 'admin';

/** The signed-in console: the displays and their previews, the commands, the recent results, audit and admin. */
export function ConsoleMain(props: { session: SessionInfo; onSignedOut: () => void }) {
  const { t } = useConsoleText();
  const feed = createOperatorFeed({ onRefused: props.onSignedOut });
  // The console's own view of the live state: the alerts it can acknowledge, the deployment's time zone.
  const wall = createWall();
  const [selection, setSelection] = createSignal<Selection | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [sendError, setSendError] = createSignal<string | null>(null);
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

  const sent = new Map<string, { spec: ViewSpec; at: number }>();
  const keyOf = (s: Selection) => JSON.stringify(targetOf(s));
  const send = async (command: CommandInput) => {
    const s = selection();
    if (!s) return null;
    if (command.type === 'show') sent.set(keyOf(s), { spec: command.view, at: Date.now() });
    setBusy(true);
    try {
      const result = await operatorApi.command(targetOf(s), command);
      feed.addResult(result);
      setSendError(null);
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'UNAUTHORIZED') props.onSignedOut();
      const e = error as ApiError;
      const fields = e.issues?.length ? ` (${e.issues.map((i) => i.path.join('.')).join(', ')})` : '';
      setSendError(t('op.results.refused', { message: `${e.message}${fields}` }));
      return null;
    } finally {
      setBusy(false);
    }
  };

  /** Previous or next view on the selection, from what it shows (or was just sent). */
  const step = (by: 1 | -1) => {
    const s = selection();
    if (!s) return;
    const recent = sent.get(keyOf(s));
    const displays = selectedDisplays(
      s,
      feed.order().flatMap((id) => feed.displays[id] ?? []),
    );
    const reported = primaryScreen(displays.find((d) => d.online))?.status?.view ?? null;
    const from = recent && Date.now() - recent.at < SENT_VIEW_MS ? recent.spec : reported;
    void send({ type: 'show', view: stepView(from, by, viewForm().district) });
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const by = stepOfKey(event.key);
    if (by === null) return;
    event.preventDefault();
    step(by);
  };
  window.addEventListener('keydown', onKey);
  onCleanup(() => window.removeEventListener('keydown', onKey));

  const context: Console = {
    session: props.session,
    feed,
    selection: () => selection() ?? { kind: 'all' },
    select: setSelection,
    playlists: () => playlists() ?? [],
    send,
    sendError,
    busy,
  };

  return (
    <WallProvider wall={wall}>
      <ConsoleContext.Provider value={context}>
        <div class="op-console" data-testid="console">
          <ConsoleTop onSignedOut={props.onSignedOut} />
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
                <Show when={selection()} fallback={<p class="op-empty">{t('op.target.none')}</p>}>
                  <ViewControls form={viewForm} setForm={setViewForm} onStep={step} />
                  <ScreenActions />
                  <AnnounceControls />
                  <PlaylistControls viewForm={viewForm} />
                </Show>
              </section>
            </div>
          </main>
        </div>
      </ConsoleContext.Provider>
    </WallProvider>
  );
}
