import { describe, expect, it } from 'vitest';
import { chooseNames } from './mapNames';
import type { Shape } from './projection';

const shape = (code: string, x: number, y: number, area: number): Shape => ({
  code,
  d: '',
  labelX: x,
  labelY: y,
  area,
});
const choose = (main: Shape[], inset: Shape[], insetNamed: string[], alerted: string[] = []) =>
  chooseNames({
    main,
    inset,
    insetNamed: new Set(insetNamed),
    alerted: new Set(alerted),
    nameOf: (code) => code,
    widthOf: () => 60,
    fontPx: 10,
    areas: { main: { x: 0, y: 0, width: 400, height: 300 }, inset: { x: 300, y: 40, width: 100, height: 160 } },
    covering: [{ x: 300, y: 0, width: 100, height: 200 }],
  });
const codes = (names: { code: string }[]) => names.map((n) => n.code);

describe('chooseNames', () => {
  it('names an inset town once, in the inset, and a district the main map has no room for in the inset', () => {
    const names = choose(
      [shape('town', 100, 100, 10), shape('big', 100, 200, 900), shape('squeezed', 110, 204, 400)],
      [shape('town', 350, 100, 10), shape('squeezed', 350, 104, 400)],
      ['town'],
    );
    expect(codes(names.main)).toEqual(['big']);
    expect(codes(names.inset)).toEqual(['town', 'squeezed']);
    // Its centre is taken by the town's name: it goes just below it.
    expect(names.inset[1]?.offsetY).toBe(12);
  });

  it('names an alerted district before a larger one, with room for its label box', () => {
    const names = choose([shape('big', 100, 100, 900), shape('alerted', 110, 104, 10)], [], [], ['alerted']);
    expect(codes(names.main)).toEqual(['alerted']);
    expect(names.main[0]?.width).toBe(76);
  });
});
