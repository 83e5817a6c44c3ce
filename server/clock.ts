/** The time source every server part takes as a dependency, so tests can fix it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that reads `startMs` now and runs on at the pace of `base`: a server started with it lives the same
 * hours of the same day at every run (`CLOCK_START`), whatever the hour the run happens at.
 */
export function clockStartingAt(startMs: number, base: Clock = systemClock): Clock {
  const offset = startMs - base.now();
  return { now: () => base.now() + offset };
}
