import { describe, expect, it } from 'vitest';
import type { CommandResult, DisplayState, ScreenStatus, ViewSpec } from '../../shared/control';
import { isTyping, presenterStep } from './presenterKeys';
import { restoreCommand, type Shown, shownAfter, shownIn, stepTarget, undoPlan, viewChangeOf } from './viewChange';

const status = (address: string, view: ViewSpec | null, playlist: string | null = null): ScreenStatus => ({
  address,
  view,
  lang: 'vi',
  playlist: playlist === null ? null : { id: playlist, index: 0, count: 2, holdFor: null },
  epoch: null,
  seq: 0,
  viewport: { width: 1920, height: 1080, dpr: 1 },
  canvas: { width: 1920, height: 1080 },
  tile: null,
  build: 'test',
  kiosk: true,
  announcement: null,
});

const display = (id: string, s: ScreenStatus | null, online = true): DisplayState => ({
  id,
  name: `Screen ${id}`,
  group: 'hall',
  location: '',
  createdAt: 0,
  createdBy: 'root',
  revokedAt: null,
  lastSeenAt: null,
  online,
  screens: s ? [{ connectedAt: 0, status: s, reportedAt: 0, seqLag: 0 }] : [],
});

const overview: ViewSpec = { view: 'overview' };
const kySon: ViewSpec = { view: 'district', district: '417' };

describe('what a display shows', () => {
  it('reads a view in its language, or the playlist over the item it shows now', () => {
    expect(shownIn(status('/district/417?kiosk=1', kySon))).toEqual({ kind: 'view', view: kySon, lang: 'vi' });
    expect(shownIn(status('/grid?playlist=hall&display=h', { view: 'grid' }, 'hall'))).toEqual({
      kind: 'playlist',
      playlist: { id: 'hall' },
    });
    const inline = status(`/tasks?playlist=${encodeURIComponent('/tasks@30;/ranking@20')}`, { view: 'tasks' }, 'url');
    expect(shownIn(inline)).toEqual({
      kind: 'playlist',
      playlist: {
        items: [
          { path: '/tasks', durationSec: 30 },
          { path: '/ranking', durationSec: 20 },
        ],
      },
    });
    expect(shownIn(status('/no-such-view', null))).toBeNull();
    expect(shownIn(null)).toBeNull();
  });

  it('knows what a show or a playlist leaves on the screen before the screen reports it', () => {
    const before: Shown = { kind: 'view', view: overview, lang: 'en' };
    expect(shownAfter({ type: 'show', view: kySon }, before)).toEqual({ kind: 'view', view: kySon, lang: 'en' });
    expect(shownAfter({ type: 'show', view: kySon, lang: 'vi' }, before)).toMatchObject({ lang: 'vi' });
    expect(shownAfter({ type: 'playlist-start', playlist: { id: 'hall' } }, before)).toEqual({
      kind: 'playlist',
      playlist: { id: 'hall' },
    });
    expect(shownAfter({ type: 'playlist-stop' }, before)).toBeNull();
  });
});

describe('undo', () => {
  it('brings back the view, in its language only when the undone command changed the language', () => {
    const before: Shown = { kind: 'view', view: overview, lang: 'en' };
    expect(restoreCommand(before, { type: 'show', view: kySon })).toEqual({ type: 'show', view: overview });
    expect(restoreCommand(before, { type: 'show', view: kySon, lang: 'vi' })).toEqual({
      type: 'show',
      view: overview,
      lang: 'en',
    });
  });

  it('restarts the playlist a display ran, named or given in full', () => {
    const items = [{ path: '/', durationSec: 30 }];
    expect(restoreCommand({ kind: 'playlist', playlist: { id: 'hall' } }, { type: 'show', view: kySon })).toEqual({
      type: 'playlist-start',
      playlist: { id: 'hall' },
    });
    expect(restoreCommand({ kind: 'playlist', playlist: { items } }, { type: 'playlist-stop' })).toEqual({
      type: 'playlist-start',
      playlist: { items },
    });
  });

  it('takes back each display of a group with mixed views to its own, and leaves the unreached and unknown alone', () => {
    const result: CommandResult = {
      id: 'c1',
      at: 1,
      finishedAt: 2,
      actor: 'lan',
      target: { group: 'hall' },
      command: { type: 'show', view: { view: 'grid' } },
      outcomes: [
        { display: 'hall-1', name: 'One', result: 'applied', screens: 1, applied: 1 },
        { display: 'hall-2', name: 'Two', result: 'applied', screens: 1, applied: 1 },
        { display: 'hall-3', name: 'Three', result: 'timed-out', screens: 1, applied: 0 },
        { display: 'hall-4', name: 'Four', result: 'offline', screens: 0, applied: 0 },
        { display: 'hall-5', name: 'Five', result: 'failed', screens: 1, applied: 0 },
      ],
    };
    const before = new Map<string, Shown | null>([
      ['hall-1', { kind: 'view', view: overview, lang: 'vi' }],
      ['hall-2', { kind: 'playlist', playlist: { id: 'hall' } }],
      ['hall-3', null],
      ['hall-4', { kind: 'view', view: kySon, lang: 'vi' }],
      ['hall-5', { kind: 'view', view: kySon, lang: 'vi' }],
    ]);
    expect(undoPlan(viewChangeOf(result, before))).toEqual([
      { id: 'hall-1', name: 'One', command: { type: 'show', view: overview } },
      { id: 'hall-2', name: 'Two', command: { type: 'playlist-start', playlist: { id: 'hall' } } },
      { id: 'hall-3', name: 'Three', command: null },
    ]);
  });
});

describe('presenter keys', () => {
  it('steps on a remote’s page and left/right keys, never on the keys that scroll down and up', () => {
    expect(['PageDown', 'ArrowRight'].map(presenterStep)).toEqual([1, 1]);
    expect(['PageUp', 'ArrowLeft'].map(presenterStep)).toEqual([-1, -1]);
    expect(['ArrowDown', 'ArrowUp', ' ', 'End', 'Enter'].map(presenterStep)).toEqual([null, null, null, null, null]);
  });

  it('leaves keys typed into fields alone', () => {
    expect(isTyping({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(isTyping({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTyping(null)).toBe(false);
  });

  it('steps from the view just sent, else from what the first online display reports', () => {
    const displays = [display('off', status('/', overview), false), display('on', status('/district/417', kySon))];
    expect(stepTarget(displays, () => null, 1, '412')).toEqual({ view: 'grid' });
    const sent: Shown = { kind: 'view', view: { view: 'grid' }, lang: 'vi' };
    expect(stepTarget(displays, (id) => (id === 'on' ? sent : null), 1, '412')).toEqual({ view: 'identity' });
    expect(stepTarget([], () => null, 1, '412')).toEqual({ view: 'overview' });
  });
});
