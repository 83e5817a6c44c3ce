import { describe, expect, it } from 'vitest';
import { ClockEstimate } from './clockEstimate';

const SERVER_AHEAD = 1_000;
/** A stamp made at client time `t` (the server's clock runs SERVER_AHEAD ahead) and received `tripMs` later. */
const stamp = (clock: ClockEstimate, t: number, tripMs: number) => clock.sample(t + SERVER_AHEAD, t + tripMs);

describe('ClockEstimate', () => {
  it('takes the fastest trip: a stamp that came seconds late is corrected by a quick one', () => {
    const clock = new ClockEstimate();
    expect(stamp(clock, 0, 2_000)).toBe(SERVER_AHEAD - 2_000);
    expect(stamp(clock, 3_000, 5)).toBe(SERVER_AHEAD - 5);
    // A slower trip later does not make the estimate worse.
    expect(stamp(clock, 4_000, 900)).toBe(SERVER_AHEAD - 5);
  });

  it('follows a server clock that is set back, within two windows', () => {
    const clock = new ClockEstimate();
    expect(stamp(clock, 0, 5)).toBe(SERVER_AHEAD - 5);
    // From here the server's clock runs 500 ms behind where it did.
    const late = (t: number) => clock.sample(t + SERVER_AHEAD - 500, t + 5);
    expect(late(10_000)).toBe(SERVER_AHEAD - 5);
    expect(late(40_000)).toBe(SERVER_AHEAD - 5);
    expect(late(70_000)).toBe(SERVER_AHEAD - 505);
  });

  it('starts again after a reset', () => {
    const clock = new ClockEstimate();
    expect(stamp(clock, 0, 5)).toBe(SERVER_AHEAD - 5);
    clock.reset();
    expect(clock.sample(1_000 - 3_000, 1_000 + 40)).toBe(-3_040);
  });
});
