import { describe, expect, it } from 'vitest';
import { figureWidthCh } from './figureWidth';

describe('figureWidthCh', () => {
  it('gives a rate in Vietnamese a little more than its 6.1 ch drawn, not its 7 characters', () => {
    expect(figureWidthCh('44,00\u00a0%')).toBeGreaterThan(6.1);
    expect(figureWidthCh('44,00\u00a0%')).toBeLessThan(7);
  });

  it('counts separators narrow and digits whole', () => {
    expect(figureWidthCh('121.081')).toBeCloseTo(6 + 0.36 + 0.2, 1);
    expect(figureWidthCh('10:31:15')).toBeCloseTo(6 + 2 * 0.36 + 0.2, 1);
  });

  it('grows with the figure, so that the widest of a list is the longest', () => {
    expect(figureWidthCh('100,00\u00a0%')).toBeGreaterThan(figureWidthCh('99,99\u00a0%'));
  });
});
