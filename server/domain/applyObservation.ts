import type { Indicator } from '../../shared/catalog';
import type { Reading } from '../../shared/protocol';
import { ratePercent } from '../../shared/rollup';
import type { LocalCalendar } from '../../shared/time';
import type { Observation } from './observation';

/**
 * The live reading after one observation, or null when the observation does not change the live value: an
 * absolute figure older than the current one (it still belongs in history), or an increment to an earlier day
 * of a count that starts again every day.
 */
export function nextReading(
  prev: Reading | undefined,
  obs: Observation,
  indicator: Indicator,
  source: string,
  calendar: LocalCalendar,
): Reading | null {
  const base = { region: obs.region, indicator: indicator.id, source };
  if (obs.delta !== undefined) {
    let start = prev?.value ?? 0;
    if (prev && indicator.resets === 'daily' && calendar.dayKey(prev.at) !== calendar.dayKey(obs.at)) {
      if (obs.at < prev.at) return null;
      start = 0;
    }
    return { ...base, value: start + obs.delta, at: Math.max(prev?.at ?? obs.at, obs.at) };
  }
  if (prev && obs.at < prev.at) return null;
  if (obs.num !== undefined && obs.den !== undefined) {
    return { ...base, value: ratePercent(obs.num, obs.den), num: obs.num, den: obs.den, at: obs.at };
  }
  return { ...base, value: obs.value ?? null, at: obs.at };
}
