import {
  BurnInSchema,
  mmPerPixel,
  type NightSchedule,
  NightScheduleSchema,
  type Playlist,
  PlaylistIdSchema,
  parseInlinePlaylist,
  parseViewing,
  type ScreenSettings,
  type Viewing,
} from '../../shared/kiosk';
import type { WallTile } from '../layout/fit';

/**
 * The parameters that describe the screen rather than the view. They stay in the address whatever view the screen
 * shows (a playlist's, an operator's), so that a reload, for a deploy or by the watchdog, brings back the same
 * screen. A view's own parameters (`indicator`, ...) come and go with the view.
 */
export const SCREEN_PARAM_KEYS = [
  'kiosk',
  'display',
  'canvas',
  'wall',
  'tile',
  'bezel',
  'panel',
  'playlist',
  'lang',
  'burnin',
  'night',
  'heap',
  'preview',
  'screen',
  'distance',
] as const;

/** A bezel in the panel's own pixels, or in millimetres with the panel's diagonal to convert them. */
export type Bezel = { px: number } | { mm: number; panelIn: number };

export type PlaylistRef = { kind: 'named'; id: string } | { kind: 'inline'; playlist: Playlist };

export interface ScreenParams {
  kiosk: boolean;
  display: string | undefined;
  /** The address's `canvas=`; null: the screen's (or wall's) own shape (`defaultCanvas`). */
  canvas: { width: number; height: number } | null;
  wall: WallTile | null;
  /** The frame between two panels' pictures on a wall, hidden behind which the canvas runs on. */
  bezel: Bezel | null;
  playlist: PlaylistRef | null;
  /** null: the server's default. */
  burnIn: boolean | null;
  /** false: off; null: the server's default. */
  night: NightSchedule | false | null;
  heapLimitMb: number | null;
  /** The operator console's small copy of a screen: shows what the screen shows, is no screen itself. */
  preview: boolean;
  /** How big the screen is and from how far it is read (`screen=`, `distance=`), when the address says. */
  viewing: Viewing | null;
  /** What was wrong with the address, in words, for the console: a wall screen shows what it can regardless. */
  problems: string[];
}

const CANVAS_MIN = 320;
const CANVAS_MAX = 16_384;
const WALL_MAX = 16;
const DISPLAY = /^[\w.-]{1,64}$/;
const ON = new Set(['1', 'on', 'true', 'yes']);
const OFF = new Set(['0', 'off', 'false', 'no']);

function parseSize(text: string | null, problems: string[]): { width: number; height: number } | null {
  if (text === null) return null;
  const m = /^(\d+)x(\d+)$/.exec(text);
  const [width, height] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || [width, height].some((n) => n < CANVAS_MIN || n > CANVAS_MAX)) {
    problems.push(`canvas=${text}: expected <width>x<height>, each ${CANVAS_MIN}-${CANVAS_MAX}`);
    return null;
  }
  return { width, height };
}

const BEZEL_MAX_PX = 400;
const BEZEL_MAX_MM = 100;

function parseBezel(text: string | null, panel: string | null, problems: string[]): Bezel | null {
  if (panel !== null && !/^\d+(?:\.\d+)?in$/.test(panel)) problems.push(`panel=${panel}: expected <inches>in`);
  if (text === null) return null;
  const m = /^(\d+(?:\.\d+)?)(px|mm)?$/.exec(text);
  const value = m ? Number(m[1]) : -1;
  if (!m || value > (m[2] === 'mm' ? BEZEL_MAX_MM : BEZEL_MAX_PX)) {
    problems.push(`bezel=${text}: expected <pixels>px (0-${BEZEL_MAX_PX}) or <millimetres>mm (0-${BEZEL_MAX_MM})`);
    return null;
  }
  if (m[2] !== 'mm') return { px: value };
  const inches = /^(\d+(?:\.\d+)?)in$/.exec(panel ?? '');
  if (!inches || Number(inches[1]) < 10) {
    problems.push(`bezel=${text} needs the panel's diagonal: panel=<inches>in (10 or more)`);
    return null;
  }
  return { mm: value, panelIn: Number(inches[1]) };
}

/** A bezel in the panel's screen pixels, for a panel (the window) of this size. */
export function bezelPixels(bezel: Bezel | null, panel: { width: number; height: number }): number {
  if (bezel === null) return 0;
  if ('px' in bezel) return bezel.px;
  return bezel.mm / mmPerPixel(bezel.panelIn, panel.width, panel.height);
}

function parseWall(wall: string | null, tile: string | null, problems: string[]): WallTile | null {
  if (wall === null) {
    if (tile !== null) problems.push('tile= needs wall=<cols>x<rows>');
    return null;
  }
  const w = /^(\d+)x(\d+)$/.exec(wall);
  const [cols, rows] = w ? [Number(w[1]), Number(w[2])] : [0, 0];
  if (!w || [cols, rows].some((n) => n < 1 || n > WALL_MAX)) {
    problems.push(`wall=${wall}: expected <cols>x<rows>, each 1-${WALL_MAX}`);
    return null;
  }
  const t = /^(\d+),(\d+)$/.exec(tile ?? '');
  const [col, row] = t ? [Number(t[1]), Number(t[2])] : [-1, -1];
  if (col < 0 || row < 0 || col >= cols || row >= rows) {
    problems.push(`tile=${tile ?? ''}: expected <col>,<row> from 0,0 to ${cols - 1},${rows - 1}`);
    return null;
  }
  return { cols, rows, col, row };
}

function parseSwitch(key: string, text: string | null, problems: string[]): boolean | null {
  if (text === null) return null;
  if (ON.has(text)) return true;
  if (OFF.has(text)) return false;
  problems.push(`${key}=${text}: expected 1 or 0`);
  return null;
}

function parseNight(text: string | null, problems: string[]): NightSchedule | false | null {
  if (text === null) return null;
  if (OFF.has(text)) return false;
  const m = /^(\d\d:\d\d)-(\d\d:\d\d)(?:@([\d.]+))?$/.exec(text);
  const parsed = NightScheduleSchema.safeParse(
    m ? { from: m[1], to: m[2], ...(m[3] !== undefined && { brightness: Number(m[3]) }) } : null,
  );
  if (parsed.success) return parsed.data;
  problems.push(`night=${text}: expected HH:mm-HH:mm, optionally @<brightness 0.1-1>, or 0`);
  return null;
}

function parsePlaylist(text: string | null, problems: string[]): PlaylistRef | null {
  if (text === null || text === '') return null;
  if (text.startsWith('/')) {
    const inline = parseInlinePlaylist(text);
    if (inline.ok) return { kind: 'inline', playlist: inline.playlist };
    problems.push(`playlist: ${inline.error}`);
    return null;
  }
  if (PlaylistIdSchema.safeParse(text).success) return { kind: 'named', id: text };
  problems.push(`playlist=${text}: expected a playlist id or <path>@<seconds>;...`);
  return null;
}

function viewingOf(search: URLSearchParams, problems: string[]): Viewing | null {
  const parsed = parseViewing(search.get('screen'), search.get('distance'));
  if (parsed.ok) return parsed.viewing;
  problems.push(parsed.error);
  return null;
}

/** Reads the screen's parameters from its address; a bad one is reported in `problems` and left at its default. */
export function parseScreenParams(search: URLSearchParams): ScreenParams {
  const problems: string[] = [];
  const display = search.get('display');
  if (display !== null && !DISPLAY.test(display)) problems.push(`display=${display}: expected 1-64 of a-z 0-9 . _ -`);
  const heap = search.get('heap');
  const heapLimitMb = heap !== null && /^\d+$/.test(heap) && Number(heap) >= 32 ? Number(heap) : null;
  if (heap !== null && heapLimitMb === null) problems.push(`heap=${heap}: expected megabytes, 32 or more`);
  return {
    kiosk: parseSwitch('kiosk', search.get('kiosk'), problems) ?? false,
    display: display !== null && DISPLAY.test(display) ? display : undefined,
    canvas: parseSize(search.get('canvas'), problems),
    wall: parseWall(search.get('wall'), search.get('tile'), problems),
    bezel: parseBezel(search.get('bezel'), search.get('panel'), problems),
    playlist: parsePlaylist(search.get('playlist'), problems),
    burnIn: parseSwitch('burnin', search.get('burnin'), problems),
    night: parseNight(search.get('night'), problems),
    heapLimitMb,
    preview: parseSwitch('preview', search.get('preview'), problems) ?? false,
    viewing: viewingOf(search, problems),
    problems,
  };
}

/** The screen parameters present in an address, to carry from view to view. */
export function pickScreenParams(search: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of SCREEN_PARAM_KEYS) {
    const value = search.get(key);
    if (value !== null) out.set(key, value);
  }
  return out;
}

/** A view's path with the screen's parameters added; the view's own parameters win (a playlist item's `lang`). */
export function withScreenParams(path: string, screen: URLSearchParams): string {
  const url = new URL(path, 'http://wall.invalid');
  for (const [key, value] of screen) if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  const search = url.searchParams.toString();
  return `${url.pathname}${search ? `?${search}` : ''}`;
}

/** Whether two addresses within the wall show the same thing: same path, same parameters in any order. */
export function sameAddress(a: string, b: string): boolean {
  const norm = (address: string) => {
    const url = new URL(address, 'http://wall.invalid');
    url.searchParams.sort();
    return `${url.pathname}?${url.searchParams.toString()}`;
  };
  return norm(a) === norm(b);
}

/** The settings a screen runs with: the server's defaults, overridden by its own address. */
export function screenSettings(defaults: ScreenSettings, screen: ScreenParams): ScreenSettings {
  const burnIn =
    screen.burnIn === null ? defaults.burnIn : screen.burnIn ? (defaults.burnIn ?? BurnInSchema.parse({})) : null;
  return {
    ...defaults,
    burnIn,
    night: screen.night === null ? defaults.night : screen.night || null,
    heapLimitMb: screen.heapLimitMb ?? defaults.heapLimitMb,
  };
}
