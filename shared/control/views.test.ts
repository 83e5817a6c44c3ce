import { describe, expect, it } from 'vitest';
import { parseViewPath, stepView, VIEW_NAMES, type ViewSpec, ViewSpecSchema, viewPath } from './views';

/** A path's pathname and query, read without URL (shared code and its tests run without DOM or Node types). */
const read = (path: string) => {
  const [pathname = '', query = ''] = path.split('?', 2);
  const pairs = query
    .split('&')
    .filter(Boolean)
    .map((pair) => pair.split('=', 2).map(decodeURIComponent) as [string, string]);
  return parseViewPath(pathname, { get: (key) => pairs.find(([k]) => k === key)?.[1] ?? null });
};

describe('view paths', () => {
  it('writes each view as the wall routes it', () => {
    expect(viewPath({ view: 'overview' })).toBe('/');
    expect(viewPath({ view: 'overview', indicator: 'eid-activation-rate', district: '417' })).toBe(
      '/?indicator=eid-activation-rate&district=417',
    );
    expect(viewPath({ view: 'district', district: '417' })).toBe('/district/417');
    expect(viewPath({ view: 'grid', indicator: 'online-record-rate', order: 'rank' })).toBe(
      '/grid?indicator=online-record-rate&order=rank',
    );
    expect(viewPath({ view: 'tasks', district: '417' })).toBe('/tasks');
  });

  it('reads back what it writes, for every view', () => {
    const specs: ViewSpec[] = [
      { view: 'overview', indicator: 'service-index', district: '412' },
      { view: 'district', district: '417', indicator: 'online-payment-rate' },
      { view: 'grid', order: 'region' },
      ...VIEW_NAMES.filter((v) => v !== 'district').map((view) => ({ view })),
    ];
    for (const spec of specs) expect(read(viewPath(spec))).toEqual(spec);
  });

  it('reads a screen address with its own parameters, and ignores what is not a view', () => {
    expect(read('/district/417?kiosk=1&display=hall-1&lang=en')).toEqual({ view: 'district', district: '417' });
    expect(read('/grid/?indicator=nonsense&order=sideways')).toEqual({ view: 'grid' });
    expect(read('/nowhere')).toBeNull();
    expect(read('/district/a%20b')).toBeNull();
  });

  it('refuses a district view without its district', () => {
    expect(ViewSpecSchema.safeParse({ view: 'district' }).success).toBe(false);
    expect(ViewSpecSchema.safeParse({ view: 'grid', colour: 'red' }).success).toBe(false);
  });
});

describe('stepView', () => {
  it('goes round the views both ways, keeping the indicator', () => {
    let spec: ViewSpec = { view: 'overview', indicator: 'eid-activation-rate' };
    const seen: string[] = [];
    for (let i = 0; i < VIEW_NAMES.length; i++) {
      spec = stepView(spec, 1, '412');
      seen.push(spec.view);
      expect(spec.indicator).toBe('eid-activation-rate');
    }
    expect(seen).toEqual([...VIEW_NAMES.slice(1), 'overview']);
    expect(stepView({ view: 'overview' }, -1, '412').view).toBe('ranking');
  });

  it('gives the district view a district: the one shown, else the fallback', () => {
    expect(stepView({ view: 'overview', district: '417' }, 1, '412')).toEqual({ view: 'district', district: '417' });
    expect(stepView({ view: 'overview' }, 1, '412')).toEqual({ view: 'district', district: '412' });
    expect(stepView({ view: 'grid' }, -1, '430')).toEqual({ view: 'district', district: '430' });
    expect(stepView(null, 1, '412')).toEqual({ view: 'overview' });
  });
});
