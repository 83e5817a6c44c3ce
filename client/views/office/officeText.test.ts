import { describe, expect, it } from 'vitest';
import { VIEWING_PRESETS } from '../../../shared/kiosk';
import { OFFICE_TEXT_MAX_PX, officeTextPx } from './officeText';

describe('officeTextPx', () => {
  it('keeps the dense layout on the hall wall, whose 18 px text reads from 5 m', () => {
    expect(officeTextPx(VIEWING_PRESETS.hall, { width: 3840, height: 2160 }, 2)).toBeNull();
  });

  it('asks an office TV read from 4 m for text of about 42 canvas px', () => {
    expect(officeTextPx(VIEWING_PRESETS.office, { width: 1920, height: 1080 }, 1)).toBe(42);
  });

  it('follows the viewing, not the preset: the same TV from 1.5 m reads the dense layout', () => {
    const near = { id: 'custom', diagonalIn: 65, distanceM: 1.5 };
    expect(officeTextPx(near, { width: 1920, height: 1080 }, 1)).toBeNull();
    expect(officeTextPx({ ...near, distanceM: 3 }, { width: 1920, height: 1080 }, 1)).toBe(32);
  });

  it('needs no office layout without a viewing, and stays within what a slide holds', () => {
    expect(officeTextPx(null, { width: 1920, height: 1080 }, 1)).toBeNull();
    // A 20-inch screen read from 6 m would need text over 200 px: no layout holds that, so it stays at the most.
    const tiny = { id: 'custom', diagonalIn: 20, distanceM: 6 };
    expect(officeTextPx(tiny, { width: 1920, height: 1080 }, 1)).toBe(OFFICE_TEXT_MAX_PX);
  });
});
