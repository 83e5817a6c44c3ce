import { describe, expect, it } from 'vitest';
import { arcminutes, minCapHeightPx, mmPerPixel, parseViewing, VIEWING_PRESETS } from './legibility';

describe('legibility', () => {
  it('measures a 65-inch 1080p panel at 0.75 mm a pixel, and 16 px text (cap 11.2 px) at about 7 arcminutes from 4 m', () => {
    const mm = mmPerPixel(65, 1920, 1080);
    expect(mm).toBeCloseTo(0.7495, 3);
    expect(arcminutes(16 * 0.7 * mm, 4)).toBeCloseTo(7.2, 1);
  });

  it('asks for a cap height of about 31 px on that panel from 4 m, and 25 px on the hall wall at 4K from 5 m', () => {
    expect(minCapHeightPx(VIEWING_PRESETS.office, { width: 1920, height: 1080 })).toBeCloseTo(31.05, 1);
    expect(minCapHeightPx(VIEWING_PRESETS.hall, { width: 3840, height: 2160 })).toBeCloseTo(25.2, 0);
  });

  it('reads presets, explicit sizes and distances, and says what is wrong', () => {
    expect(parseViewing(null, null)).toEqual({ ok: true, viewing: null });
    expect(parseViewing('hall', null)).toEqual({ ok: true, viewing: VIEWING_PRESETS.hall });
    expect(parseViewing('65in', '4m')).toEqual({ ok: true, viewing: { id: 'custom', diagonalIn: 65, distanceM: 4 } });
    expect(parseViewing('office', '3m')).toEqual({ ok: true, viewing: { id: 'custom', diagonalIn: 65, distanceM: 3 } });
    expect(parseViewing('65in', null)).toMatchObject({ ok: false, error: expect.stringMatching(/distance/) });
    expect(parseViewing('huge', null)).toMatchObject({ ok: false, error: expect.stringMatching(/^screen=huge/) });
    expect(parseViewing('65in', '4 m')).toMatchObject({ ok: false, error: expect.stringMatching(/^distance=/) });
    expect(parseViewing(null, '4m')).toMatchObject({ ok: false });
  });
});
