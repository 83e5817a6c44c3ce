import { describe, expect, it } from 'vitest';
import { type LabelCandidate, placeLabels } from './mapLabels';

const label = (code: string, map: 'main' | 'inset', x: number, y: number, width = 100): LabelCandidate => ({
  code,
  map,
  x,
  y,
  width,
  height: 24,
});
const AREAS = { main: { x: 0, y: 0, width: 800, height: 600 }, inset: { x: 600, y: 0, width: 200, height: 200 } };

describe('placeLabels', () => {
  it('leaves out a name that would overlap one drawn before it, and keeps names that do not touch', () => {
    const shown = placeLabels(
      [label('a', 'main', 100, 300), label('b', 'main', 150, 310), label('c', 'main', 100, 340)],
      AREAS,
      [],
    );
    expect([...shown.main]).toEqual(['a', 'c']);
  });

  it('keeps the main map names clear of the inset card, and names a district once', () => {
    const card = { x: 600, y: 0, width: 200, height: 200 };
    const shown = placeLabels(
      [label('vinh', 'inset', 700, 100), label('vinh', 'main', 300, 300), label('coast', 'main', 580, 100)],
      AREAS,
      [card],
    );
    expect([...shown.inset]).toEqual(['vinh']);
    expect([...shown.main]).toEqual([]);
  });

  it('tries a district again on the other map when its first place has no room', () => {
    const shown = placeLabels(
      [label('a', 'main', 300, 300), label('b', 'main', 320, 300), label('b', 'inset', 700, 150)],
      AREAS,
      [],
    );
    expect(shown).toEqual({ main: new Set(['a']), inset: new Set(['b']), offsets: new Map() });
  });

  it('leaves out a name that would run off its map', () => {
    expect(placeLabels([label('edge', 'main', 20, 300)], AREAS, []).main.size).toBe(0);
  });

  it('draws a name moved below its centre when it does not fit on it', () => {
    const shown = placeLabels(
      [
        label('vinh', 'inset', 700, 100),
        label('hn', 'inset', 690, 105),
        { ...label('hn', 'inset', 690, 105), offsetY: 26 },
      ],
      AREAS,
      [],
    );
    expect([...shown.inset]).toEqual(['vinh', 'hn']);
    expect(shown.offsets.get('hn')).toBe(26);
  });
});
