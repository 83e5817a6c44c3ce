import { describe, expect, it } from 'vitest';
import { clockStartingAt } from './clock';

describe('clockStartingAt', () => {
  it('reads the start instant first, then runs on at the pace of the clock beneath', () => {
    let machine = 1_000_000;
    const clock = clockStartingAt(Date.UTC(2026, 11, 2, 3, 30), { now: () => machine });
    expect(clock.now()).toBe(Date.UTC(2026, 11, 2, 3, 30));
    machine += 90_000;
    expect(clock.now()).toBe(Date.UTC(2026, 11, 2, 3, 31, 30));
  });
});
