import { type Accessor, createEffect, createMemo, createSignal, onCleanup, untrack } from 'solid-js';
import {
  type Announcement,
  type CommandAck,
  parseViewPath,
  type ScreenCommand,
  type ScreenStatus,
} from '../../shared/control';
import type { Playlist, PlaylistStep } from '../../shared/kiosk';
import type { Lang } from '../i18n';
import type { WallTile } from '../layout/fit';
import type { Wall } from '../live/createWall';
import { isNavigation, planNavigation } from './navigationPlan';

/** A screen reports at least this often, so the console sees how far behind the live seq it is. */
export const REPORT_EVERY_MS = 5_000;
/** Changes within this time go out as one report. */
const REPORT_DEBOUNCE_MS = 100;
/** How long a navigation may take to show in the address before the command counts as failed. */
const NAVIGATION_WAIT_MS = 2_000;
/** The acknowledgement of a reload leaves before the page goes. */
const RELOAD_DELAY_MS = 250;

/** What the remote control needs of the screen it steers. */
export interface RemoteScreen {
  wall: Wall;
  /** Whether the screen is a registered display (it has a token): only then does it report. */
  registered: boolean;
  kiosk: boolean;
  canvas: Accessor<{ width: number; height: number }>;
  tile: WallTile | null;
  lang: Accessor<Lang>;
  /** The screen's address now (path and query) and a way to move it. */
  here: Accessor<string>;
  go: (address: string) => void;
  sticky: Accessor<URLSearchParams>;
  setSticky: (next: URLSearchParams) => void;
  playlists: Accessor<readonly Playlist[]>;
  playlist: Accessor<Playlist | null>;
  step: Accessor<PlaylistStep | null>;
}

export interface Identify {
  display: string;
  name: string;
  until: number;
}

export interface ScreenRemote {
  announcement: Accessor<Announcement | null>;
  identify: Accessor<Identify | null>;
}

/** A signal that holds a value until its `until` (server time), then empties itself. */
function createExpiring<T extends { until: number }>(serverNow: () => number) {
  const [value, setValue] = createSignal<T | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const set = (next: T | null) => {
    clearTimeout(timer);
    const left = next ? next.until - serverNow() : 0;
    setValue(left > 0 ? () => next : null);
    if (next && left > 0) timer = setTimeout(() => setValue(null), left);
  };
  onCleanup(() => clearTimeout(timer));
  return [value, set] as const;
}

const viewport = () => ({
  width: Math.max(1, Math.round(window.innerWidth)),
  height: Math.max(1, Math.round(window.innerHeight)),
  dpr: Math.min(16, Math.max(0.1, window.devicePixelRatio || 1)),
});

/**
 * Makes a registered display steerable from the console: carries out the operators' commands through what the
 * screen already has (its address and router for views, its playlist rotation, its reload), shows announcements
 * and its name when asked, and reports what it shows (when it changes, and every few seconds for its seq).
 */
export function createScreenRemote(screen: RemoteScreen): ScreenRemote {
  const { wall } = screen;
  const [announcement, setAnnouncement] = createExpiring<Announcement>(wall.serverNow);
  const [identify, setIdentify] = createExpiring<Identify>(wall.serverNow);
  const [size, setSize] = createSignal(viewport());
  const onResize = () => setSize(viewport());
  window.addEventListener('resize', onResize);
  onCleanup(() => window.removeEventListener('resize', onResize));

  const status = createMemo((): Omit<ScreenStatus, 'epoch' | 'seq'> => {
    const address = screen.here();
    const url = new URL(address, 'http://wall.invalid');
    const playlist = screen.playlist();
    const step = screen.step();
    return {
      address,
      view: parseViewPath(url.pathname, url.searchParams),
      lang: screen.lang(),
      playlist:
        playlist && step
          ? { id: playlist.id, index: step.index, count: playlist.items.length, holdFor: step.holdFor }
          : null,
      viewport: size(),
      canvas: screen.canvas(),
      tile: screen.tile,
      build: __BUILD_ID__,
      kiosk: screen.kiosk,
      announcement: announcement(),
    };
  });
  // The seq is read when the report goes, never tracked: a screen does not report at the rate of deltas.
  const current = (): ScreenStatus => ({
    ...untrack(status),
    epoch: wall.state.epoch,
    seq: untrack(() => wall.state.seq),
  });

  if (screen.registered) {
    let debounce: ReturnType<typeof setTimeout> | undefined;
    createEffect(() => {
      status();
      clearTimeout(debounce);
      debounce = setTimeout(() => wall.report(current()), REPORT_DEBOUNCE_MS);
    });
    const heartbeat = setInterval(() => wall.report(current()), REPORT_EVERY_MS);
    onCleanup(() => {
      clearTimeout(debounce);
      clearInterval(heartbeat);
    });
  }

  const navigate = (command: ScreenCommand, ack: (answer: CommandAck) => void) => {
    if (!isNavigation(command)) return;
    const plan = planNavigation(command, {
      here: untrack(screen.here),
      sticky: untrack(screen.sticky),
      playlists: untrack(screen.playlists),
    });
    if ('error' in plan) return ack({ ok: false, error: plan.error });
    screen.setSticky(plan.sticky);
    // NOTE: a new playlist moves the screen itself: its rotation takes it to the current item, with the new
    // parameters, as soon as they change; going to the plan's address as well would undo that.
    if (command.type !== 'playlist-start') screen.go(plan.address);
    // Navigation completes in a transition: answer once the address shows it.
    const deadline = Date.now() + NAVIGATION_WAIT_MS;
    const target = new URL(plan.address, 'http://wall.invalid').pathname;
    const check = () => {
      const shown = new URL(untrack(screen.here), 'http://wall.invalid').pathname;
      if (shown === target || command.type !== 'show') return ack({ ok: true, status: current() });
      if (Date.now() > deadline) return ack({ ok: false, error: `the screen did not open ${plan.address}` });
      setTimeout(check, 25);
    };
    setTimeout(check, 0);
  };

  wall.onCommand(({ command }, ack) => {
    switch (command.type) {
      case 'identify':
        setIdentify(command);
        return ack({ ok: true });
      case 'announce':
        setAnnouncement(command.announcement);
        return ack({ ok: true, status: current() });
      case 'announce-clear':
        setAnnouncement(null);
        return ack({ ok: true, status: current() });
      case 'reload':
        ack({ ok: true });
        console.warn(`wall: reloading at an operator's request, keeping ${untrack(screen.here)}`);
        setTimeout(() => location.reload(), RELOAD_DELAY_MS);
        return;
      default:
        return navigate(command, ack);
    }
  });

  return { announcement, identify };
}
