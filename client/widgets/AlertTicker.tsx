import {
  createEffect,
  createMemo,
  createSignal,
  createUniqueId,
  For,
  type JSX,
  on,
  onCleanup,
  onMount,
  Show,
} from 'solid-js';
import { useI18n } from '../i18n';
import { useScreen } from '../kiosk/KioskScreen';
import { alertEvents } from '../live/alertEvents';
import { activeAlerts } from '../live/alerts';
import { useWall } from '../live/context';
import { createNow } from '../live/createNow';
import { AlertEventLine } from './AlertEventLine';
import { AnnouncementLine } from './AnnouncementLine';
import { BandIcon } from './bands';
import './alertTicker.css';

/** Canvas pixels per second: slow enough to read from across the room. */
const SPEED_PX_PER_S = 90;
/** The most lines one pass of the ticker shows; the rest are counted. */
const MAX_ITEMS = 5;

/**
 * What changed, on every view: the active alerts counted by severity, then the changes of the last minutes
 * (`alertEvents`: grouped, the newest first) scrolling past when they do not fit, the rest counted. A standing
 * shortfall is not here: the map, gauges and rankings show where things stand. The scrolling list is refreshed
 * between passes, so a line never jumps while it is being read. `copy` marks the tickers a wall repeats on its other
 * panels: the same lines, hidden from assistive technology so that they are read once.
 */
export function AlertTicker(props: { copy?: boolean; style?: JSX.CSSProperties }) {
  const wall = useWall();
  const { t } = useI18n();
  const screen = useScreen();
  const now = createNow(15_000);
  const titleId = `alert-ticker-title-${createUniqueId()}`;
  const alerts = createMemo(() => activeAlerts(wall));
  const critical = () => alerts().filter((a) => a.severity === 'critical').length;
  const windowMs = () => wall.state.alertTickerMin * 60_000;
  const current = createMemo(() => {
    const events = alertEvents(Object.values(wall.state.alerts), now() + wall.clockOffset(), windowMs());
    return { items: events.slice(0, MAX_ITEMS), rest: Math.max(0, events.length - MAX_ITEMS) };
  });
  // An operator's announcement leads the ticker at once, whatever pass it is in.
  const announcement = () => screen?.announcement() ?? null;
  const [shown, setShown] = createSignal(current());
  const [scrolling, setScrolling] = createSignal<number | null>(null);
  let viewport: HTMLDivElement | undefined;
  let track: HTMLDivElement | undefined;

  const measure = () => {
    if (!viewport || !track) return;
    const loop = track.scrollWidth / 2;
    setScrolling(loop > viewport.clientWidth ? loop / SPEED_PX_PER_S : null);
  };
  createEffect(
    on(current, (next) => {
      if (scrolling() === null) setShown(next);
    }),
  );
  createEffect(on([shown, announcement], () => requestAnimationFrame(measure)));
  onMount(() => {
    const observer = new ResizeObserver(measure);
    if (viewport) observer.observe(viewport);
    onCleanup(() => observer.disconnect());
  });

  const Items = (props: { copy?: boolean }) => (
    <ul class="ticker-items" aria-hidden={props.copy ? 'true' : undefined}>
      <Show when={announcement()}>{(a) => <AnnouncementLine announcement={a()} copy={props.copy} />}</Show>
      <For each={shown().items}>{(e) => <AlertEventLine event={e} />}</For>
      <Show when={shown().rest > 0}>
        <li class="muted">{t('alert.event.more', { n: shown().rest })}</li>
      </Show>
    </ul>
  );

  // A complementary landmark named by its title, not a live region: the alerts change all the time, and a screen
  // reader announcing each change would drown everything else. The scrolling list is a marquee (not announced).
  return (
    <aside
      class="alert-ticker"
      data-testid={props.copy ? 'alert-ticker-copy' : 'alert-ticker'}
      data-tile
      aria-hidden={props.copy ? 'true' : undefined}
      style={props.style}
      data-active={alerts().length}
      data-critical={critical()}
      aria-labelledby={titleId}
    >
      <div class="ticker-label">
        <span class="ticker-title" id={titleId}>
          {t('alert.title')}
        </span>
        <Show when={alerts().length > 0}>
          <span class="ticker-count band-critical">
            <BandIcon band="critical" size={18} /> {t('alert.critical', { n: critical() })}
          </span>
          <span class="ticker-count band-warning">
            <BandIcon band="warning" size={18} /> {t('alert.warning', { n: alerts().length - critical() })}
          </span>
        </Show>
      </div>
      <div class="ticker-viewport" ref={viewport} role="marquee" aria-labelledby={titleId}>
        <Show
          when={announcement() !== null || shown().items.length > 0 || shown().rest > 0}
          fallback={
            <span class="ticker-calm">
              <BandIcon band="ok" size={18} /> {t('alert.event.none', { n: wall.state.alertTickerMin })}
            </span>
          }
        >
          <div
            class="ticker-track"
            classList={{ scrolling: scrolling() !== null }}
            style={{ 'animation-duration': `${scrolling() ?? 0}s` }}
            ref={track}
            onAnimationIteration={() => setShown(current())}
          >
            <Items />
            <Show when={scrolling() !== null}>
              <Items copy />
            </Show>
          </div>
        </Show>
      </div>
    </aside>
  );
}
