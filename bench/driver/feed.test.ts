import { afterAll, describe, expect, it, vi } from 'vitest';

// The feed reads the deployment when it loads; the stub is undone after this file, so that a test file the same
// worker runs next sees the environment as it was.
vi.stubEnv('DEPLOYMENT', 'vietnam-2025');
afterAll(() => {
  vi.unstubAllEnvs();
});
const { feedNeedsPrime, feedPrime, feedUpdate } = await import('./feed');
const { ratePercent } = await import('../../shared/rollup');
const { benchRegionSet } = await import('../lib/deployment');

describe('the driver feed on a deployment whose units roll up from communes', () => {
  it('feeds the communes and expects on each province gauge the wall roll-up of their last figures', () => {
    expect(feedNeedsPrime).toBe(true);
    const figures = new Map<string, [number, number]>();
    for (const body of feedPrime(0, 0)) {
      for (const o of JSON.parse(body).observations) figures.set(o.region, [o.num, o.den]);
    }
    expect(figures.size).toBe(3321);
    const last = new Map<string, number>();
    for (let i = 0; i < 8_000; i += 1) {
      const update = feedUpdate(i);
      figures.set(update.region, [update.num, update.den]);
      expect(benchRegionSet.subunit(update.region)?.parent).toBe(update.shown);
      let num = 0;
      let den = 0;
      for (const s of benchRegionSet.subunitsOf(update.shown)) {
        const [n, d] = figures.get(s.code) ?? [0, 0];
        num += n;
        den += d;
      }
      expect(update.value).toBe(ratePercent(num, den));
      // Every update moves its province's figure up, so a value on a screen maps back to one update.
      expect(update.value).toBeGreaterThan(last.get(update.shown) ?? 0);
      last.set(update.shown, update.value);
    }
  });
});
