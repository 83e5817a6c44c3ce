import type { Socket } from 'socket.io';
import type {
  Announcement,
  CommandAck,
  Display,
  DisplayList,
  DisplayState,
  ScreenCommandEnvelope,
  ScreenConnection,
  ScreenStatus,
} from '../../shared/control';
import type { WallClientToServer, WallServerToClient } from '../../shared/protocol';
import type { DisplayRegistry } from '../access/displayRegistry';
import type { Clock } from '../clock';
import type { WallNamespace } from '../realtime/wallNamespace';

export type ScreenSocket = Socket<WallClientToServer, WallServerToClient>;

/** What a registered display's screen carries in `socket.data.screen`, which every server can read. */
export interface ScreenData {
  display: string;
  connectedAt: number;
  status: ScreenStatus | null;
  reportedAt: number | null;
  seqLag: number | null;
}

/** A screen as any server sees it: its socket's id and what it carries. */
export interface ScreenRef {
  id: string;
  screen: ScreenData;
}

/** Every registered display's screens, and each display's own: the rooms that route to them on any server. */
const SCREENS_ROOM = 'screens';
const displayRoom = (display: string) => `display:${display}`;
/** Unregistered browsers that name themselves (`socket.data.viewerName`). */
const NAMED_ROOM = 'named';
/** How long a question to every server about its screens waits for the answers. */
const FETCH_TIMEOUT_MS = 3_000;

/** What servers tell each other about screens (socket.io's server-side events, through the cluster's adapter). */
const STATUS_EVENT = 'screen:status';
const ANNOUNCEMENT_EVENT = 'display:announcement';

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
 * The screens of registered displays that are connected now, on this server or any other of a cluster, what each
 * last reported, and the announcement each display should show. A screen's report lives with its socket
 * (`socket.data`) on the server it is connected to; listing and commands reach every server through socket.io's
 * rooms and `fetchSockets` (its adapter routes them; with one server they stay in this process). In memory: a
 * restart forgets reports (screens report again on reconnecting) and announcements (short-lived by nature).
 */
export class ScreenHub {
  private readonly local = new Map<string, ScreenSocket>();
  private readonly announcements = new Map<string, Announcement>();
  private wall: WallNamespace | null = null;
  /** Other servers hear of reports and announcements: only in a cluster (the embedded adapter has no peers). */
  private tellOthers: ((event: string, ...args: unknown[]) => void) | null = null;
  private closed = false;

  constructor(private readonly deps: ScreenHubDeps) {}

  /** Binds the hub to the screens' namespace and, in a cluster, to what other servers tell it. */
  bind(wall: WallNamespace, clustered: boolean): void {
    this.wall = wall;
    if (!clustered) return;
    this.tellOthers = (event, ...args) => wall.serverSideEmit(event, ...args);
    wall.on(STATUS_EVENT, (socketId: string, status: ScreenStatus) => {
      const socket = this.local.get(socketId);
      if (socket) this.report(socket, status);
    });
    wall.on(ANNOUNCEMENT_EVENT, (display: string, announcement: Announcement | null) => {
      this.keepAnnouncement(display, announcement);
    });
  }

  /** The server is stopping: screens leaving now leave no trace (the database closes next). */
  close(): void {
    this.closed = true;
  }

  attach(display: string, socket: ScreenSocket): void {
    const screen: ScreenData = {
      display,
      connectedAt: this.deps.clock.now(),
      status: null,
      reportedAt: null,
      seqLag: null,
    };
    socket.data.screen = screen;
    socket.join([SCREENS_ROOM, displayRoom(display)]);
    this.local.set(socket.id, socket);
    this.touch(display);
    this.deps.onChange(display);
  }

  private touch(display: string): void {
    this.deps.registry.touch(display).catch((error: unknown) => {
      if (!this.closed) this.deps.onError?.(error);
    });
  }

  detach(socket: ScreenSocket): void {
    if (this.closed || !this.local.delete(socket.id)) return;
    const display = (socket.data.screen as ScreenData).display;
    this.touch(display);
    this.deps.onChange(display);
  }

  /** An unregistered browser that names itself: counted while it stays. */
  attachViewer(name: string, socket: ScreenSocket): void {
    socket.data.viewerName = name;
    socket.join(NAMED_ROOM);
    this.deps.onChange(null);
    socket.on('disconnect', () => this.deps.onChange(null));
  }

  /** A report from a screen of this server: kept with how far behind this server's seq it was when it came. */
  report(socket: ScreenSocket, status: ScreenStatus): void {
    const screen = socket.data.screen as ScreenData | undefined;
    if (!screen || !this.local.has(socket.id)) return;
    screen.status = status;
    screen.reportedAt = this.deps.clock.now();
    screen.seqLag = status.epoch === this.deps.epoch() ? Math.max(0, this.deps.seq() - status.seq) : null;
    this.deps.onChange(screen.display);
  }

  /** A report that came with a screen's acknowledgement: kept by the server the screen is connected to. */
  reportById(socketId: string, status: ScreenStatus): void {
    const socket = this.local.get(socketId);
    if (socket) this.report(socket, status);
    else this.tellOthers?.(STATUS_EVENT, socketId, status);
  }

  /** The screens of a display, on every server. */
  async screensOf(display: string): Promise<ScreenRef[]> {
    const sockets = await this.namespace().in(displayRoom(display)).timeout(FETCH_TIMEOUT_MS).fetchSockets();
    return sockets.map((s) => ({ id: s.id, screen: s.data.screen as ScreenData }));
  }

  /** Sends a command to one screen, wherever it is connected; its answer, or none when it left meanwhile. */
  async ask(socketId: string, envelope: ScreenCommandEnvelope, timeoutMs: number): Promise<CommandAck | undefined> {
    const answers: CommandAck[] = await this.namespace()
      .to(socketId)
      .timeout(timeoutMs)
      .emitWithAck('command', envelope);
    return answers[0];
  }

  /** Drops every screen of a display on every server (its token was revoked or replaced): they come back refused. */
  disconnect(display: string): void {
    this.namespace().in(displayRoom(display)).disconnectSockets(true);
  }

  /** The announcement a display should show now, if one is running. */
  announcement(display: string): Announcement | null {
    const a = this.announcements.get(display);
    if (a && a.until <= this.deps.clock.now()) this.announcements.delete(display);
    return this.announcements.get(display) ?? null;
  }

  /** Keeps (or clears) a display's announcement here and on every other server, for screens that connect later. */
  setAnnouncement(display: string, announcement: Announcement | null): void {
    this.keepAnnouncement(display, announcement);
    this.tellOthers?.(ANNOUNCEMENT_EVENT, display, announcement);
  }

  private keepAnnouncement(display: string, announcement: Announcement | null): void {
    if (announcement) this.announcements.set(display, announcement);
    else this.announcements.delete(display);
  }

  async stateOf(display: Display): Promise<DisplayState> {
    return stateOf(display, await this.screensOf(display.id));
  }

  /** How many unregistered browsers naming themselves are connected, on every server. */
  async unregisteredCount(): Promise<number> {
    const named = await this.namespace().in(NAMED_ROOM).timeout(FETCH_TIMEOUT_MS).fetchSockets();
    return new Set(named.map((s) => s.data.viewerName as string)).size;
  }

  async list(): Promise<DisplayList> {
    const [displays, sockets] = await Promise.all([
      this.deps.registry.list(),
      this.namespace().in([SCREENS_ROOM, NAMED_ROOM]).timeout(FETCH_TIMEOUT_MS).fetchSockets(),
    ]);
    const byDisplay = new Map<string, ScreenRef[]>();
    const unnamed = new Map<string, number>();
    for (const s of sockets) {
      const screen = s.data.screen as ScreenData | undefined;
      if (screen) byDisplay.set(screen.display, [...(byDisplay.get(screen.display) ?? []), { id: s.id, screen }]);
      const name = s.data.viewerName as string | undefined;
      if (name !== undefined) unnamed.set(name, (unnamed.get(name) ?? 0) + 1);
    }
    return {
      displays: displays.map((d) => stateOf(d, byDisplay.get(d.id) ?? [])),
      unregistered: [...unnamed].map(([display, screens]) => ({ display, screens })),
    };
  }

  private namespace(): WallNamespace {
    if (!this.wall) throw new Error('the screen hub is not bound to the wall namespace yet');
    return this.wall;
  }
}

/** A display with its screens, oldest connection first (as they came, whichever server holds them). */
function stateOf(display: Display, screens: readonly ScreenRef[]): DisplayState {
  const connections: ScreenConnection[] = screens
    .map(({ screen }) => ({
      connectedAt: screen.connectedAt,
      status: screen.status,
      reportedAt: screen.reportedAt,
      seqLag: screen.seqLag,
    }))
    .sort((a, b) => a.connectedAt - b.connectedAt);
  return { ...display, online: connections.length > 0, screens: connections };
}
