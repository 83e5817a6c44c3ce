import { createSignal, For, Index, Show } from 'solid-js';
import { viewPath } from '../../shared/control';
import { MAX_ITEM_SEC, MIN_ITEM_SEC, type PlaylistItem, ViewPathSchema } from '../../shared/kiosk';
import { parseScreenParams } from '../kiosk/screenParams';
import { useConsole } from './consoleContext';
import { useConsoleText } from './consoleI18n';
import { primaryScreen, selectedDisplays } from './selection';
import { specOf, type ViewForm } from './ViewControls';

/** A new item's slot, in seconds. */
const DEFAULT_ITEM_SEC = 30;

/**
 * Playlists on the selected screens: start one of the configuration's, stop, or edit a rotation (from a named
 * playlist, from what the screen runs, or from scratch with the view chosen above) and run it. An edited rotation
 * travels whole in the screens' address, so it survives their reloads and keeps every screen in step.
 */
export function PlaylistControls(props: { viewForm: () => ViewForm }) {
  const { send, busy, playlists, feed, selection } = useConsole();
  const { t } = useConsoleText();
  const [chosen, setChosen] = createSignal('');
  const [items, setItems] = createSignal<PlaylistItem[]>([]);
  const named = () => chosen() || playlists()[0]?.id || '';

  /** The rotation the selected screen runs now, read back from its address. */
  const running = () => {
    const displays = selectedDisplays(
      selection(),
      feed.order().flatMap((id) => feed.displays[id] ?? []),
    );
    const status = primaryScreen(displays[0])?.status;
    if (!status?.playlist) return null;
    const params = parseScreenParams(new URL(status.address, location.origin).searchParams);
    const ref = params.playlist;
    if (ref?.kind === 'inline') return ref.playlist.items;
    return playlists().find((p) => p.id === ref?.id)?.items ?? null;
  };
  const valid = () =>
    items().length > 0 &&
    items().every(
      (i) =>
        ViewPathSchema.safeParse(i.path).success &&
        Number.isInteger(i.durationSec) &&
        i.durationSec >= MIN_ITEM_SEC &&
        i.durationSec <= MAX_ITEM_SEC,
    );
  const update = (index: number, patch: Partial<PlaylistItem>) =>
    setItems((list) => list.map((item, i) => (i === index ? { ...item, ...patch } : item)));

  return (
    <fieldset class="op-fieldset" data-testid="playlist-controls">
      <legend>{t('op.playlist.title')}</legend>
      <div class="op-actions">
        <select value={named()} onChange={(e) => setChosen(e.currentTarget.value)} aria-label={t('op.playlist.named')}>
          <For each={playlists()} fallback={<option value="">{t('op.playlist.noneConfigured')}</option>}>
            {(p) => <option value={p.id}>{p.name ? `${p.name} (${p.id})` : p.id}</option>}
          </For>
        </select>
        <button
          type="button"
          disabled={busy() || !named()}
          onClick={() => void send({ type: 'playlist-start', playlist: { id: named() } })}
        >
          {t('op.playlist.start')}
        </button>
        <button
          type="button"
          disabled={busy()}
          onClick={() => void send({ type: 'playlist-stop' })}
          data-testid="playlist-stop"
        >
          {t('op.playlist.stop')}
        </button>
      </div>
      <details class="op-editor">
        <summary data-testid="playlist-edit">{t('op.playlist.edit')}</summary>
        <div class="op-actions">
          <button
            type="button"
            disabled={!named()}
            onClick={() => setItems([...(playlists().find((p) => p.id === named())?.items ?? [])])}
          >
            {t('op.playlist.loadNamed')}
          </button>
          <button type="button" disabled={!running()} onClick={() => setItems([...(running() ?? [])])}>
            {t('op.playlist.loadRunning')}
          </button>
          <button
            type="button"
            onClick={() =>
              setItems((list) => [...list, { path: viewPath(specOf(props.viewForm())), durationSec: DEFAULT_ITEM_SEC }])
            }
            data-testid="playlist-add-view"
          >
            {t('op.playlist.addView')}
          </button>
        </div>
        <ol class="op-items">
          <Index each={items()}>
            {(item, i) => (
              <li>
                <input
                  value={item().path}
                  onInput={(e) => update(i, { path: e.currentTarget.value })}
                  aria-label={t('op.playlist.path')}
                  aria-invalid={!ViewPathSchema.safeParse(item().path).success}
                />
                <input
                  type="number"
                  min={MIN_ITEM_SEC}
                  max={MAX_ITEM_SEC}
                  value={item().durationSec}
                  onInput={(e) => update(i, { durationSec: e.currentTarget.valueAsNumber })}
                  aria-label={t('op.playlist.seconds')}
                />
                <span class="op-muted">{t('op.playlist.sec')}</span>
                <button
                  type="button"
                  class="op-icon"
                  onClick={() => setItems((list) => list.filter((_, j) => j !== i))}
                  aria-label={t('op.playlist.remove')}
                >
                  ×
                </button>
              </li>
            )}
          </Index>
        </ol>
        <Show when={items().length === 0}>
          <p class="op-hint">{t('op.playlist.empty')}</p>
        </Show>
        <button
          type="button"
          class="op-primary"
          disabled={busy() || !valid()}
          onClick={() => void send({ type: 'playlist-start', playlist: { items: items() } })}
          data-testid="playlist-run"
        >
          {t('op.playlist.runEdited')}
        </button>
      </details>
    </fieldset>
  );
}
