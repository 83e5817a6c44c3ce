import type { Socket } from 'socket.io';
import type {
  Announcement,
  Display,
  DisplayList,
  DisplayState,
  ScreenConnection,
  ScreenStatus,
} from '../../shared/control';
import type { WallClientToServer, WallServerToClient } from '../../shared/protocol';
import type { DisplayRegistry } from '../access/displayRegistry';
import type { Clock } from '../clock';

export type ScreenSocket = Socket<WallClientToServer, WallServerToClient>;

interface Screen {
  socket: ScreenSocket;
  connectedAt: number;
  status: ScreenStatus | null;
  reportedAt: number | null;
  seqLag: number | null;
}

export interface ScreenHubDeps {
  registry: DisplayRegistry;
  clock: Clock;
  /** Told when the database does not take a display's last-seen time (the wall goes on). */
  onError?: (error: unknown) => void;
  epoch: () => string;
  seq: () => number;
  /** A display's screens or status changed (its id), or the list of unregistered screens did (null). */
  onChange: (display: string | null) => void;
}

/**
 * The screens of registered displays that are connected now, what each last reported, and the announcement each
 * display should show. In memory: a restart forgets reports (screens report again on reconnecting) and
 * announcements (short-lived by nature).
 */
export class ScreenHub {
  private readonly screens = new Map<string, Map<string, Screen>>();
  /** Unregistered browsers that name themselves, by name: how many. */
  private readonly unnamed = new Map<string, number>();
  private readonly announcements = new Map<string, Announcement>();
  private closed = false;

  constructor(private readonly deps: ScreenHubDeps) {}

  /** The server is stopping: screens leaving now leave no trace (the database closes next). */
  close(): void {
    this.closed = true;
  }

  attach(display: string, socket: ScreenSocket): void {
    let screens = this.screens.get(display);
    if (!screens) {
      screens = new Map();
      this.screens.set(display, screens);
    }
    screens.set(socket.id, {
      socket,
      connectedAt: this.deps.clock.now(),
      status: null,
      reportedAt: null,
      seqLag: null,
    });
    this.touch(display);
    this.deps.onChange(display);
  }

  private touch(display: string): void {
    this.deps.registry.touch(display).catch((error: unknown) => {
      if (!this.closed) this.deps.onError?.(error);
    });
  }

  detach(display: string, socket: ScreenSocket): void {
    if (this.closed) return;
    const screens = this.screens.get(display);
    if (!screens?.delete(socket.id)) return;
    if (screens.size === 0) this.screens.delete(display);
    this.touch(display);
    this.deps.onChange(display);
  }

  /** An unregistered browser naming itself came (+1) or went (-1). */
  countUnregistered(name: string, by: 1 | -1): void {
    const n = (this.unnamed.get(name) ?? 0) + by;
    if (n > 0) this.unnamed.set(name, n);
    else this.unnamed.delete(name);
    this.deps.onChange(null);
  }

  /** A screen's report: kept with how far behind the server's seq it was when it came. */
  report(display: string, socket: ScreenSocket, status: ScreenStatus): void {
    const screen = this.screens.get(display)?.get(socket.id);
    if (!screen) return;
    screen.status = status;
    screen.reportedAt = this.deps.clock.now();
    screen.seqLag = status.epoch === this.deps.epoch() ? Math.max(0, this.deps.seq() - status.seq) : null;
    this.deps.onChange(display);
  }

  /** The sockets of a display's connected screens. */
  socketsOf(display: string): ScreenSocket[] {
    return [...(this.screens.get(display)?.values() ?? [])].map((s) => s.socket);
  }

  /** Drops every screen of a display (its token was revoked or replaced): they reconnect and are refused. */
  disconnect(display: string): void {
    for (const socket of this.socketsOf(display)) socket.disconnect(true);
  }

  /** The announcement a display should show now, if one is running. */
  announcement(display: string): Announcement | null {
    const a = this.announcements.get(display);
    if (a && a.until <= this.deps.clock.now()) this.announcements.delete(display);
    return this.announcements.get(display) ?? null;
  }

  setAnnouncement(display: string, announcement: Announcement | null): void {
    if (announcement) this.announcements.set(display, announcement);
    else this.announcements.delete(display);
  }

  stateOf(display: Display): DisplayState {
    const screens: ScreenConnection[] = [...(this.screens.get(display.id)?.values() ?? [])].map((s) => ({
      connectedAt: s.connectedAt,
      status: s.status,
      reportedAt: s.reportedAt,
      seqLag: s.seqLag,
    }));
    return { ...display, online: screens.length > 0, screens };
  }

  /** How many unregistered browsers naming themselves are connected. */
  unregisteredCount(): number {
    return this.unnamed.size;
  }

  async list(): Promise<DisplayList> {
    const displays = await this.deps.registry.list();
    return {
      displays: displays.map((d) => this.stateOf(d)),
      unregistered: [...this.unnamed].map(([display, screens]) => ({ display, screens })),
    };
  }
}
