/**
 * Splits a whole-number total over shares so that the parts are whole numbers that add up to the total exactly
 * (largest-remainder method).
 */
export function apportion(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new RangeError('shares must add up to more than zero');
  const exact = shares.map((s) => (total * s) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}

/**
 * Numerators for a rate per unit: each unit keeps its own rate relative to the others, and together they add up
 * to `totalNum` exactly. A numerator never exceeds its denominator.
 */
export function apportionRate(totalNum: number, dens: readonly number[], rates: readonly number[]): number[] {
  const capacity = dens.reduce((a, b) => a + b, 0);
  if (totalNum > capacity) throw new RangeError('the numerator cannot exceed the summed denominators');
  const shares = dens.map((d, i) => d * (rates[i] ?? 0));
  let nums = apportion(totalNum, shares);
  // Rare with realistic spreads: a unit pushed above 100 % gives its excess to the others in proportion.
  for (let round = 0; round < dens.length && nums.some((n, i) => n > (dens[i] ?? 0)); round++) {
    const capped = nums.map((n, i) => Math.min(n, dens[i] ?? 0));
    const excess = totalNum - capped.reduce((a, b) => a + b, 0);
    const room = capped.map((n, i) => ((dens[i] ?? 0) - n > 0 ? (shares[i] ?? 0) : 0));
    const extra = apportion(excess, room);
    nums = capped.map((n, i) => n + (extra[i] ?? 0));
  }
  return nums;
}
