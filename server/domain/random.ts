import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of randomness: the same seed gives the same sequence on every machine. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** An index chosen with probability proportional to its weight. */
  weighted(weights: readonly number[]): number;
  /** A Poisson-distributed count with the given mean (Knuth's method; means here are small). */
  poisson(mean: number): number;
}

export function makeRandom(seed: number): Random {
  const rng = xoroshiro128plus(seed);
  const next = () => uniformFloat64(rng);
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let pick = next() * total;
      for (let i = 0; i < weights.length; i++) {
        pick -= weights[i] ?? 0;
        if (pick < 0) return i;
      }
      return weights.length - 1;
    },
    poisson(mean) {
      if (mean <= 0) return 0;
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k += 1;
        p *= next();
      }
      return k;
    },
  };
}
