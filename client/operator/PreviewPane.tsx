import { createMemo, Show } from 'solid-js';
import { useConsole } from './consoleContext';
import { useConsoleText } from './consoleI18n';
import { previewAddress, primaryScreen, selectedDisplays } from './selection';

/**
 * A small live copy of what the selected display shows: the wall itself in a frame, in preview mode, fed by its
 * own connection to the same live state. The same components draw it as on the screen, so it cannot drift from
 * what the room sees. It reloads only when the screen's address changes (a command), not at each playlist item.
 */
export function PreviewPane() {
  const { feed, selection } = useConsole();
  const { t } = useConsoleText();
  const shown = createMemo(() => {
    const displays = selectedDisplays(
      selection(),
      feed.order().flatMap((id) => feed.displays[id] ?? []),
    );
    const display = displays.find((d) => d.online) ?? displays[0];
    const status = primaryScreen(display)?.status ?? null;
    return display ? { name: display.name, id: display.id, status } : null;
  });
  const src = createMemo(() => {
    const status = shown()?.status;
    return status ? previewAddress(status.address, status.playlist !== null) : null;
  });
  const aspect = () => {
    const status = shown()?.status;
    if (!status) return '16 / 9';
    const tile = status.tile;
    const w = tile ? status.canvas.width / tile.cols : status.canvas.width;
    const h = tile ? status.canvas.height / tile.rows : status.canvas.height;
    return `${w} / ${h}`;
  };
  return (
    <section class="op-panel op-preview" aria-labelledby="op-preview-title">
      <header class="op-panel-head">
        <h2 id="op-preview-title">{t('op.preview.title')}</h2>
        <Show when={shown()}>{(s) => <span class="op-muted">{`${s().name} · ${s().id}`}</span>}</Show>
      </header>
      <div class="op-preview-frame" style={{ 'aspect-ratio': aspect() }}>
        <Show when={src()} fallback={<p class="op-empty">{t('op.preview.none')}</p>}>
          {(address) => (
            <iframe
              src={address()}
              title={t('op.preview.title')}
              data-testid="preview"
              tabIndex={-1}
              referrerPolicy="same-origin"
            />
          )}
        </Show>
      </div>
    </section>
  );
}
