import { createMemo, For, Show } from 'solid-js';
import type { DisplayState } from '../../shared/control';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { useConsole } from './consoleContext';
import { useConsoleText } from './consoleI18n';
import { primaryScreen } from './selection';
import { viewText } from './viewText';

/**
 * Every display, by group: online or not, when last seen, what it shows (view, playlist position), how far
 * behind the live seq, its resolution and build. A row selects the display, a group's heading the group.
 */
export function DisplayTable() {
  const { feed, selection, select } = useConsole();
  const { t } = useConsoleText();
  const groups = createMemo(() => {
    const byGroup = new Map<string, DisplayState[]>();
    for (const id of feed.order()) {
      const d = feed.displays[id];
      if (!d) continue;
      byGroup.set(d.group, [...(byGroup.get(d.group) ?? []), d]);
    }
    return [...byGroup];
  });
  const online = () => feed.order().filter((id) => feed.displays[id]?.online).length;
  const isSelected = (d: DisplayState) => {
    const s = selection();
    return (s.kind === 'display' && s.id === d.id) || (s.kind === 'group' && s.group === d.group) || s.kind === 'all';
  };

  return (
    <section class="op-panel op-displays" aria-labelledby="op-displays-title">
      <header class="op-panel-head">
        <h2 id="op-displays-title">{t('op.displays.title')}</h2>
        <span class="op-muted">{t('op.displays.count', { online: online(), total: feed.order().length })}</span>
        <button
          type="button"
          class="op-chip"
          aria-pressed={selection().kind === 'all'}
          onClick={() => select({ kind: 'all' })}
          data-testid="select-all"
        >
          {t('op.target.all')}
        </button>
      </header>
      <Show when={feed.order().length > 0} fallback={<p class="op-empty">{t('op.displays.none')}</p>}>
        <table class="op-table">
          <thead>
            <tr>
              <th>{t('op.displays.state')}</th>
              <th>{t('op.displays.display')}</th>
              <th>{t('op.displays.view')}</th>
              <th>{t('op.displays.playlist')}</th>
              <th title={t('op.displays.lagHint')}>{t('op.displays.lag')}</th>
              <th>{t('op.displays.resolution')}</th>
              <th>{t('op.displays.build')}</th>
              <th>{t('op.displays.lastSeen')}</th>
            </tr>
          </thead>
          <For each={groups()}>
            {([group, displays]) => (
              <tbody>
                <tr class="op-group-row">
                  <th colSpan={8}>
                    <button
                      type="button"
                      class="op-link"
                      onClick={() => select({ kind: 'group', group })}
                      data-testid={`select-group-${group}`}
                    >
                      {t('op.target.group', { group, n: displays.length })}
                    </button>
                  </th>
                </tr>
                <For each={displays}>{(d) => <DisplayRow display={d} selected={isSelected(d)} />}</For>
              </tbody>
            )}
          </For>
        </table>
      </Show>
      <Show when={feed.unregistered().length > 0}>
        <p class="op-muted" data-testid="unregistered">
          {t('op.displays.unregistered', {
            names: feed
              .unregistered()
              .map((u) => u.display)
              .join(', '),
          })}
        </p>
      </Show>
    </section>
  );
}

function DisplayRow(props: { display: DisplayState; selected: boolean }) {
  const { select } = useConsole();
  const wall = useWall();
  const { t } = useConsoleText();
  const { fmt, label } = useI18n();
  const d = () => props.display;
  const screen = () => primaryScreen(d());
  const status = () => screen()?.status ?? null;
  const state = () => (d().revokedAt !== null ? 'revoked' : d().online ? 'online' : 'offline');
  const lastSeen = () => {
    if (d().online) return t('op.displays.now');
    const at = d().lastSeenAt;
    const tz = wall.state.timeZone;
    return at === null ? t('op.displays.never') : `${fmt().time(at, tz)} ${fmt().day(at, tz)}`;
  };
  return (
    <tr
      classList={{ 'op-row': true, selected: props.selected }}
      data-testid={`display-row-${d().id}`}
      data-state={state()}
      onClick={() => select({ kind: 'display', id: d().id })}
    >
      <td class="op-nowrap">
        <span class={`op-state op-state-${state()}`}>{t(`op.state.${state()}`)}</span>
        <Show when={d().screens.length > 1}>
          <span class="op-muted"> ×{d().screens.length}</span>
        </Show>
      </td>
      <td>
        <button type="button" class="op-link op-name" onClick={() => select({ kind: 'display', id: d().id })}>
          {d().name}
        </button>
        <span class="op-id">{d().id}</span>
        <Show when={d().location}>
          <span class="op-muted"> · {d().location}</span>
        </Show>
      </td>
      <td data-testid="display-view">{status() ? viewText(status()?.view ?? null, t, label) : '–'}</td>
      <td>
        <Show when={status()?.playlist} fallback="–">
          {(p) => (
            <span>
              {p().id} · {p().index + 1}/{p().count}
              <Show when={p().holdFor}> {t('op.displays.held')}</Show>
            </span>
          )}
        </Show>
      </td>
      <td classList={{ 'op-lag': true, behind: (screen()?.seqLag ?? 0) > 20 }}>{screen()?.seqLag ?? '–'}</td>
      <td class="op-nowrap">
        <Show when={status()} fallback="–">
          {(s) => `${s().viewport.width}×${s().viewport.height} @${fmt().number(s().viewport.dpr, 1, true)}`}
        </Show>
      </td>
      <td class="op-id">{status()?.build.slice(-8) ?? '–'}</td>
      <td class="op-nowrap">{lastSeen()}</td>
    </tr>
  );
}
