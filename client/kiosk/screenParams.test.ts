import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_CONFIG } from '../../shared/kiosk';
import {
  bezelPixels,
  parseScreenParams,
  pickScreenParams,
  sameAddress,
  screenSettings,
  withScreenParams,
} from './screenParams';

const parse = (search: string) => parseScreenParams(new URLSearchParams(search));

describe('parseScreenParams', () => {
  it('gives a plain browser tab its own shape of canvas and no kiosk behaviour', () => {
    expect(parse('')).toEqual({
      kiosk: false,
      display: undefined,
      canvas: null,
      wall: null,
      bezel: null,
      playlist: null,
      burnIn: null,
      night: null,
      heapLimitMb: null,
      preview: false,
      viewing: null,
      problems: [],
    });
  });

  it('reads a wall panel on an ultra-wide canvas, in kiosk mode, with its name and schedules', () => {
    const p = parse(
      'kiosk=1&display=hall-1&canvas=3840x1080&wall=2x1&tile=1,0&burnin=1&night=22:00-06:00@0.4&heap=300&playlist=hall',
    );
    expect(p).toMatchObject({
      kiosk: true,
      display: 'hall-1',
      canvas: { width: 3840, height: 1080 },
      wall: { cols: 2, rows: 1, col: 1, row: 0 },
      playlist: { kind: 'named', id: 'hall' },
      burnIn: true,
      night: { from: '22:00', to: '06:00', brightness: 0.4 },
      heapLimitMb: 300,
      problems: [],
    });
  });

  it('reads an inline playlist, whose paths carry their own parameters', () => {
    const p = parse('playlist=/@30;/?indicator=eid-activation-rate@20');
    expect(p.playlist).toEqual({
      kind: 'inline',
      playlist: {
        id: 'url',
        items: [
          { path: '/', durationSec: 30 },
          { path: '/?indicator=eid-activation-rate', durationSec: 20 },
        ],
      },
    });
  });

  it('keeps to its defaults on bad values and says what was wrong with each', () => {
    const p = parse('kiosk=maybe&canvas=10x10&wall=2x1&tile=2,0&night=late&heap=1&display=a b&playlist=/@1');
    expect(p).toMatchObject({ kiosk: false, canvas: null, wall: null, night: null });
    expect(p.problems.map((problem) => problem.split(/[=:]/)[0])).toEqual([
      'display',
      'heap',
      'kiosk',
      'canvas',
      'tile',
      'playlist',
      'night',
    ]);
    expect(parse('tile=0,0').problems).toEqual(['tile= needs wall=<cols>x<rows>']);
    expect(parse('night=off').night).toBe(false);
  });
});

describe('bezel', () => {
  it('reads a bezel in pixels, or in millimetres with the panel diagonal', () => {
    expect(parse('wall=2x1&tile=0,0&bezel=24').bezel).toEqual({ px: 24 });
    expect(parse('wall=2x1&tile=0,0&bezel=24px').bezel).toEqual({ px: 24 });
    const mm = parse('wall=2x1&tile=0,0&bezel=3.5mm&panel=55in');
    expect(mm.bezel).toEqual({ mm: 3.5, panelIn: 55 });
    // A 55-inch 1080p panel has pixels of 0.63 mm: a 3.5 mm frame hides about 5.5 of them.
    expect(bezelPixels(mm.bezel, { width: 1920, height: 1080 })).toBeCloseTo(5.52, 2);
    expect(bezelPixels(null, { width: 1920, height: 1080 })).toBe(0);
  });

  it('refuses millimetres without the panel size, and nonsense', () => {
    expect(parse('bezel=3mm').problems).toEqual([
      "bezel=3mm needs the panel's diagonal: panel=<inches>in (10 or more)",
    ]);
    expect(parse('bezel=wide').problems[0]).toMatch(/^bezel=wide: expected/);
    expect(parse('bezel=2&panel=big').problems).toEqual(['panel=big: expected <inches>in']);
  });
});

describe('screen parameters from view to view', () => {
  const screen = pickScreenParams(new URLSearchParams('indicator=x&kiosk=1&lang=vi&playlist=/@30;/?lang=en@30'));

  it('keeps only the screen parameters', () => {
    expect([...screen.keys()]).toEqual(['kiosk', 'playlist', 'lang']);
  });

  it("adds them to a view's path, the view's own parameters winning", () => {
    const address = withScreenParams('/?indicator=eid-activation-rate&lang=en', screen);
    const url = new URL(address, 'http://x');
    expect(url.pathname).toBe('/');
    expect(url.searchParams.get('indicator')).toBe('eid-activation-rate');
    expect(url.searchParams.get('lang')).toBe('en');
    expect(url.searchParams.get('kiosk')).toBe('1');
    expect(url.searchParams.get('playlist')).toBe('/@30;/?lang=en@30');
    expect(withScreenParams('/district/417', new URLSearchParams())).toBe('/district/417');
  });

  it('compares addresses whatever the order of their parameters', () => {
    expect(sameAddress('/?a=1&b=2', '/?b=2&a=1')).toBe(true);
    expect(sameAddress('/?a=1', '/?a=2')).toBe(false);
    expect(sameAddress('/grid?a=1', '/?a=1')).toBe(false);
  });
});

describe('screenSettings', () => {
  const defaults = {
    ...DEFAULT_KIOSK_CONFIG.screen,
    burnIn: { everyMin: 10, px: 2 },
    night: { from: '23:00', to: '05:00', brightness: 0.5 },
  };

  it("takes the server's defaults when the address says nothing", () => {
    expect(screenSettings(defaults, parse(''))).toEqual(defaults);
  });

  it('lets the address switch schedules on or off and set its heap limit', () => {
    expect(screenSettings(defaults, parse('burnin=0&night=0&heap=256'))).toMatchObject({
      burnIn: null,
      night: null,
      heapLimitMb: 256,
    });
    expect(screenSettings(DEFAULT_KIOSK_CONFIG.screen, parse('burnin=1&night=21:00-07:00'))).toMatchObject({
      burnIn: { everyMin: 3, px: 4 },
      night: { from: '21:00', to: '07:00', brightness: 0.6 },
    });
    expect(screenSettings(defaults, parse('burnin=1')).burnIn).toEqual({ everyMin: 10, px: 2 });
  });
});

describe('the screen’s viewing', () => {
  it('reads a preset or an explicit size and distance, and reports a bad one', () => {
    const parse = (q: string) => parseScreenParams(new URLSearchParams(q));
    expect(parse('screen=office').viewing).toEqual({ id: 'office', diagonalIn: 65, distanceM: 4 });
    expect(parse('screen=65in&distance=4m').viewing).toEqual({ id: 'custom', diagonalIn: 65, distanceM: 4 });
    const bad = parse('screen=65in');
    expect(bad.viewing).toBeNull();
    expect(bad.problems).toEqual(['screen=<inches>in needs distance=<metres>m']);
  });
});
