import { describe, expect, it } from 'vitest';
import { makeFormatter } from './format';

const count = { unit: 'count' as const, decimals: 0 };
const rate = { unit: 'percent' as const, decimals: 2 };

describe('makeFormatter', () => {
  it('writes Vietnamese numbers with dots between thousands and a comma for decimals', () => {
    const vi = makeFormatter('vi');
    expect(vi.value(count, 2_852_992)).toBe('2.852.992');
    expect(vi.value(rate, 45.0332)).toBe('45,03\u00a0%');
    expect(vi.value(rate, 40, true)).toBe('40\u00a0%');
  });

  it('writes English numbers with commas between thousands and no space before %', () => {
    const en = makeFormatter('en');
    expect(en.value(count, 2_852_992)).toBe('2,852,992');
    expect(en.value(rate, 45.0332)).toBe('45.03%');
  });

  it('shows a dash for a missing value rather than 0', () => {
    const vi = makeFormatter('vi');
    expect(vi.value(rate, null)).toBe('–');
    expect(vi.value(count, Number.NaN)).toBe('–');
  });

  it('gives dates and times in the deployment time zone, 24-hour', () => {
    const vi = makeFormatter('vi');
    const at = Date.UTC(2024, 0, 19, 1, 30); // 08:30 in Vietnam (UTC+7)
    expect(vi.time(at, 'Asia/Ho_Chi_Minh')).toBe('08:30');
    expect(vi.date(at, 'Asia/Ho_Chi_Minh')).toContain('19/01/2024');
    expect(vi.day(at, 'Asia/Ho_Chi_Minh')).toBe('19/01/2024');
    expect(makeFormatter('en').day(Date.UTC(2023, 11, 31, 20), 'Asia/Ho_Chi_Minh')).toBe('01/01/2024');
  });
});
