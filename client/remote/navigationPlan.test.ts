import { describe, expect, it } from 'vitest';
import { parseScreenParams } from '../kiosk/screenParams';
import { planNavigation, viewAddress } from './navigationPlan';

const hall = { id: 'hall', items: [{ path: '/', durationSec: 30 }] };
const screen = (here: string, sticky: string) => ({ here, sticky: new URLSearchParams(sticky), playlists: [hall] });

describe('planNavigation', () => {
  it('shows a view with the screen’s own parameters, and stops its playlist', () => {
    const plan = planNavigation(
      { type: 'show', view: { view: 'district', district: '417' } },
      screen(
        '/grid?indicator=service-index&kiosk=1&display=hall-1&playlist=hall',
        'kiosk=1&display=hall-1&playlist=hall',
      ),
    );
    expect(plan).toEqual({
      sticky: new URLSearchParams('kiosk=1&display=hall-1'),
      address: '/district/417?kiosk=1&display=hall-1',
    });
  });

  it('switches the language for good when the command says so', () => {
    const plan = planNavigation(
      { type: 'show', view: { view: 'overview', indicator: 'eid-activation-rate' }, lang: 'en' },
      screen('/?kiosk=1&lang=vi', 'kiosk=1&lang=vi'),
    );
    expect(plan).toMatchObject({ address: '/?indicator=eid-activation-rate&kiosk=1&lang=en' });
  });

  it('starts a named playlist or one given in full, on the view shown until the rotation moves', () => {
    const named = planNavigation(
      { type: 'playlist-start', playlist: { id: 'hall' } },
      screen('/tasks?display=hall-1', 'display=hall-1'),
    );
    expect(named).toEqual({
      sticky: new URLSearchParams('display=hall-1&playlist=hall'),
      address: '/tasks?display=hall-1&playlist=hall',
    });
    const items = [
      { path: '/grid?indicator=service-index&order=rank', durationSec: 20 },
      { path: '/district/417', durationSec: 40 },
    ];
    const inline = planNavigation({ type: 'playlist-start', playlist: { items } }, screen('/', ''));
    if ('error' in inline) throw new Error(inline.error);
    // The screen reads back the playlist it was given from its own address.
    const params = parseScreenParams(new URL(inline.address, 'http://wall.invalid').searchParams);
    expect(params.playlist).toEqual({ kind: 'inline', playlist: { id: 'url', items } });
  });

  it('refuses a playlist this screen does not know', () => {
    expect(planNavigation({ type: 'playlist-start', playlist: { id: 'lobby' } }, screen('/', ''))).toEqual({
      error: 'no playlist lobby here',
    });
  });

  it('stops a playlist where the screen is', () => {
    const plan = planNavigation(
      { type: 'playlist-stop' },
      screen('/district/417?kiosk=1&playlist=hall', 'kiosk=1&playlist=hall'),
    );
    expect(plan).toMatchObject({ address: '/district/417?kiosk=1' });
  });
});

describe('viewAddress', () => {
  it('keeps the view’s parameters and drops the screen’s', () => {
    expect(viewAddress('/grid?indicator=x&kiosk=1&display=a&order=rank&lang=en&preview=1')).toBe(
      '/grid?indicator=x&order=rank',
    );
  });
});
