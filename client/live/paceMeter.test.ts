import { describe, expect, it } from 'vitest';
import { MAX_PACE_MS } from '../../shared/protocol';
import { PACE_SHARE, PaceMeter } from './paceMeter';

/** A meter that has seen `count` frames of one delta each, costing `costMs`. */
function fed(costMs: number, count = 30) {
  const meter = new PaceMeter();
  for (let i = 0; i < count; i++) meter.sample(costMs, 1);
  return meter;
}

describe('PaceMeter', () => {
  it('asks nothing before it has seen the cold first deltas', () => {
    const meter = new PaceMeter();
    for (let i = 0; i < 5; i++) meter.sample(500, 1);
    expect(meter.due(0)).toBeNull();
  });

  it('asks for a pace at which deltas take its share of the main thread', () => {
    expect(fed(12).due(0)).toBe(Math.round(12 / PACE_SHARE / 10) * 10);
    // Two deltas drawn in one frame cost it half each.
    const meter = new PaceMeter();
    for (let i = 0; i < 30; i++) meter.sample(24, 2);
    expect(meter.due(0)).toBe(fed(12).due(0));
  });

  it('asks nothing of a quick screen, which the common window suits', () => {
    expect(fed(0.5).due(0)).toBeNull();
  });

  it('keeps a pace until it moves by a quarter, and asks at most every two seconds', () => {
    const meter = fed(12);
    const first = meter.due(0);
    for (let i = 0; i < 30; i++) meter.sample(13, 1);
    expect(meter.due(10_000)).toBeNull();
    for (let i = 0; i < 30; i++) meter.sample(30, 1);
    expect(meter.due(1_000)).toBeNull();
    expect(meter.due(2_000)).toBeGreaterThan((first ?? 0) * 1.25);
  });

  it('asks no more than the protocol allows, and ignores impossible samples', () => {
    const meter = fed(10_000);
    meter.sample(Number.NaN, 1);
    meter.sample(-5, 1);
    meter.sample(5, 0);
    expect(meter.due(0)).toBe(MAX_PACE_MS);
  });
});
