import { useLocation, useNavigate } from '@solidjs/router';
import {
  createContext,
  createEffect,
  createMemo,
  createSignal,
  on,
  type ParentProps,
  Show,
  untrack,
  useContext,
} from 'solid-js';
import type { Announcement } from '../../shared/control';
import { burnInOffset, isNight, type Playlist, type PlaylistStep } from '../../shared/kiosk';
import { localCalendar } from '../../shared/time';
import { useI18n } from '../i18n';
import { Canvas, createViewport } from '../layout/Canvas';
import { defaultCanvas } from '../layout/fit';
import { useWall } from '../live/context';
import { isLinkDown, type TileFreshness } from '../live/freshness';
import { createScreenRemote } from '../remote/createScreenRemote';
import { IdentifyOverlay, NotAuthorised } from '../remote/RemoteOverlays';
import { ageText } from '../widgets/LinkStatus';
import { createKioskConfig } from './createKioskConfig';
import { createPlaylistRotation } from './createPlaylistRotation';
import { createSelfReload } from './createSelfReload';
import { createTileMarks } from './createTileMarks';
import { createKioskChrome, createPageVisibility } from './kioskChrome';
import { LinkBanner } from './LinkBanner';
import {
  bezelPixels,
  parseScreenParams,
  type ScreenParams,
  sameAddress,
  screenSettings,
  withScreenParams,
} from './screenParams';
import './kiosk.css';

/** What the screen is and does, for views and the operator console: its parameters and its playlist's step. */
export interface ScreenInfo {
  params: ScreenParams;
  playlist: () => Playlist | null;
  step: () => PlaylistStep | null;
  /** An operator's announcement to this screen, while it lasts: the alert ticker leads with it. */
  announcement: () => Announcement | null;
}

const ScreenContext = createContext<ScreenInfo>();

export function useScreen(): ScreenInfo | undefined {
  return useContext(ScreenContext);
}

export interface KioskScreenProps {
  params: ScreenParams;
  /** The screen's own parameters from its first address, kept in the address from view to view. */
  sticky: URLSearchParams;
  now: () => number;
  /** A registered display (it has its token): it reports to the console and takes commands. */
  registered: boolean;
}

/**
 * Everything that makes a browser tab a wall screen, around whatever view it shows: the scaled canvas (or its
 * tile of a wall), the link banner, freshness marks on every tile, kiosk chrome, self-reloads, the playlist,
 * burn-in shift and night dimming.
 */
export function KioskScreen(props: ParentProps<KioskScreenProps>) {
  const wall = useWall();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const params = props.params;
  const config = createKioskConfig(wall);
  const settings = createMemo(() => screenSettings(config().screen, params));
  const serverNow = () => props.now() + wall.clockOffset();
  const viewport = createViewport();
  const bezelPx = createMemo(() => bezelPixels(params.bezel, viewport()));
  // The canvas the address names, else the shape of the whole wall or wide screen: no panel shows bars.
  const canvas = createMemo(() => params.canvas ?? defaultCanvas(viewport(), params.wall, bezelPx()), undefined, {
    equals: (a, b) => a.width === b.width && a.height === b.height,
  });

  for (const problem of params.problems) console.warn(`wall: ignored ${problem}`);
  const wakeLock = params.kiosk ? createKioskChrome() : () => undefined;
  if (params.preview) document.documentElement.classList.add('preview');
  createPageVisibility();
  createSelfReload({ wall, display: params.display, heapLimitMb: () => settings().heapLimitMb });

  // The screen's own parameters: from its first address, then as operators change them (a playlist, a language).
  const [sticky, setSticky] = createSignal(props.sticky);
  const here = () => `${location.pathname}${location.search}`;
  const go = (address: string) => {
    if (!sameAddress(untrack(here), address)) navigate(address, { replace: true });
  };
  // A view that navigated without the screen's parameters gets them back, so a reload keeps the screen.
  createEffect(on(here, () => go(withScreenParams(untrack(here), untrack(sticky)))));

  const playlist = createMemo((): Playlist | null => {
    const ref = parseScreenParams(sticky()).playlist;
    if (ref?.kind === 'inline') return ref.playlist;
    if (ref?.kind === 'named') return config().playlists.find((p) => p.id === ref.id) ?? null;
    return null;
  });
  const step = createPlaylistRotation({
    playlist,
    serverNow: () => Date.now() + wall.clockOffset(),
    alerts: () => Object.values(wall.state.alerts),
    holdMaxMs: () => {
      const minutes = settings().alertHoldMin;
      return minutes === null ? null : minutes * 60_000;
    },
    show: (item) => go(withScreenParams(item.path, untrack(sticky))),
  });
  const remote = createScreenRemote({
    wall,
    registered: props.registered,
    kiosk: params.kiosk,
    canvas,
    tile: params.wall,
    lang,
    here,
    go,
    sticky,
    setSticky,
    playlists: () => config().playlists,
    playlist,
    step,
  });

  let canvasEl: HTMLDivElement | undefined;
  createTileMarks({
    canvas: () => canvasEl,
    wall,
    now: props.now,
    staleAfterIntervals: () => settings().staleAfterIntervals,
    badge: (f: TileFreshness) => {
      if (f.state === 'live' || f.ageMs === null) return null;
      return t(f.state === 'stale' ? 'kiosk.tile.stale' : 'kiosk.tile.offline', { age: ageText(t, f.ageMs) });
    },
  });

  const shift = createMemo(
    () => {
      const burnIn = settings().burnIn;
      return burnIn ? burnInOffset(burnIn, serverNow()) : { x: 0, y: 0 };
    },
    undefined,
    { equals: (a, b) => a.x === b.x && a.y === b.y },
  );
  const calendar = createMemo(() => localCalendar(wall.state.timeZone));
  const minute = createMemo(() => Math.floor(serverNow() / 60_000));
  const nightBrightness = createMemo(() => {
    const night = settings().night;
    if (!night) return null;
    const clock = calendar().clock(minute() * 60_000);
    return isNight(night, clock.hour, clock.minute) ? night.brightness : null;
  });

  return (
    <ScreenContext.Provider value={{ params, playlist, step, announcement: remote.announcement }}>
      <div
        class="screen"
        data-testid="screen"
        data-kiosk={params.kiosk ? '1' : undefined}
        data-display={params.display}
        data-viewing={params.viewing ? `${params.viewing.diagonalIn}in@${params.viewing.distanceM}m` : undefined}
        data-build={__BUILD_ID__}
        data-seq={wall.state.seq}
        data-link-down={isLinkDown(wall.link(), wall.linkSince(), props.now()) ? '1' : undefined}
        data-playlist={playlist()?.id}
        data-playlist-index={step()?.index}
        data-playlist-hold={step()?.holdFor ?? undefined}
        data-night={nightBrightness() ?? undefined}
        data-wake-lock={wakeLock()}
      >
        <Canvas
          width={canvas().width}
          height={canvas().height}
          viewport={viewport}
          tile={params.wall}
          bezelPx={bezelPx}
          shift={shift}
          ref={(el) => {
            canvasEl = el;
          }}
          overlay={
            <>
              <Show when={nightBrightness()}>
                {(brightness) => <div class="night-dim" style={{ opacity: 1 - brightness() }} />}
              </Show>
              <LinkBanner now={props.now} />
              <IdentifyOverlay identify={remote.identify} tile={params.wall} />
              <NotAuthorised display={params.display} />
            </>
          }
        >
          {props.children}
        </Canvas>
      </div>
    </ScreenContext.Provider>
  );
}
