import { describe, expect, it } from 'vitest';
import { FRAME_FACTOR, LONGEST_PACE_MS, PACE_SHARE, PaceMeter } from './paceMeter';

/** A meter that has seen `count` deltas whose script took `scriptMs` each. */
function fed(scriptMs: number, count = 30) {
  const meter = new PaceMeter();
  for (let i = 0; i < count; i++) meter.sample(scriptMs);
  return meter;
}

describe('PaceMeter', () => {
  it('asks nothing before it has seen the cold first deltas', () => {
    const meter = new PaceMeter();
    for (let i = 0; i < 5; i++) meter.sample(500);
    expect(meter.due(0)).toBeNull();
  });

  it('asks for a pace at which deltas, script and frame, take its share of the main thread', () => {
    expect(fed(6).due(0)).toBe(Math.round((6 * FRAME_FACTOR) / PACE_SHARE / 10) * 10);
    // The estimate follows the recent deltas: after a slower spell it asks for a longer pace.
    const meter = fed(6);
    meter.due(0);
    for (let i = 0; i < 30; i++) meter.sample(12);
    expect(meter.due(5_000)).toBe(Math.round((12 * FRAME_FACTOR) / PACE_SHARE / 10) * 10);
  });

  it('asks nothing of a quick screen, which the common window suits', () => {
    expect(fed(0.2).due(0)).toBeNull();
  });

  it('keeps a pace until it moves by a quarter, and asks at most every two seconds', () => {
    const meter = fed(6);
    const first = meter.due(0);
    for (let i = 0; i < 30; i++) meter.sample(6.5);
    expect(meter.due(10_000)).toBeNull();
    for (let i = 0; i < 30; i++) meter.sample(15);
    expect(meter.due(1_000)).toBeNull();
    expect(meter.due(2_000)).toBeGreaterThan((first ?? 0) * 1.25);
  });

  it('is not moved by a slow delta now and then (a garbage collection, a cold path)', () => {
    const meter = fed(6);
    const steady = meter.due(0);
    for (let i = 0; i < 5; i++) meter.sample(400);
    for (let i = 0; i < 5; i++) meter.sample(6);
    expect(steady).not.toBeNull();
    expect(meter.due(5_000)).toBeNull();
  });

  it('asks no longer than its longest pace, and ignores impossible samples', () => {
    const meter = fed(10_000);
    meter.sample(Number.NaN);
    meter.sample(-5);
    expect(meter.due(0)).toBe(LONGEST_PACE_MS);
  });
});
