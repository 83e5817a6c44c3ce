import { catalog, derivedFrom, type IndicatorId } from '../../shared/catalog';
import type { Reading } from '../../shared/protocol';
import { type RegionSet, type RollupId, unitLevel } from '../../shared/regions';
import { ratePercent, rollUp, rollupWeight } from '../../shared/rollup';
import type { LocalCalendar } from '../../shared/time';
import { nextReading } from '../domain/applyObservation';
import type { Observation } from '../domain/observation';

export const keyOf = (region: string, indicator: string) => `${region}|${indicator}`;

/** A validated batch with everything it changes, computed but not yet applied. */
export interface PreparedBatch {
  seq: number;
  source: string;
  observations: readonly Observation[];
  /** Every reading the batch changes, once each: units, the rates derived from them, then roll-ups. */
  changes: Reading[];
  /**
   * Unit readings that belong in history but not in the live state: absolute figures older than the live value.
   */
  late: Reading[];
}

/**
 * The batches of one submission, computed against the live state without touching it: reads see the live
 * readings with the draft's own changes on top. `LiveState.commit` applies the result once it is stored, so a
 * batch that cannot be stored leaves the live state as it was.
 */
export class BatchDraft {
  private readonly overlay = new Map<string, Reading>();
  private nextSeq: number;

  constructor(
    private readonly regions: RegionSet,
    private readonly calendar: LocalCalendar,
    private readonly live: (key: string) => Reading | undefined,
    seq: number,
  ) {
    this.nextSeq = seq + 1;
  }

  get(region: string, indicator: IndicatorId): Reading | undefined {
    const key = keyOf(region, indicator);
    return this.overlay.get(key) ?? this.live(key);
  }

  /**
   * The value an increment of a count stamped `at` would add to, by the same rule as `prepare`: 0 for a count
   * that starts again every day when its current value belongs to another local day.
   */
  countBefore(region: string, indicator: IndicatorId, at: number): number {
    const prev = this.get(region, indicator);
    const probe = { region, indicator, at, delta: 0 };
    return nextReading(prev, probe, catalog[indicator], '', this.calendar)?.value ?? prev?.value ?? 0;
  }

  /** Computes one batch on top of the batches prepared before it; it takes the next seq. */
  prepare(source: string, observations: readonly Observation[]): PreparedBatch {
    const changed = new Map<string, Reading>();
    const late: Reading[] = [];
    const put = (r: Reading) => {
      const key = keyOf(r.region, r.indicator);
      this.overlay.set(key, r);
      changed.set(key, r);
    };
    const touchedUnits = new Map<string, Set<IndicatorId>>();
    const touch = (region: string, indicator: IndicatorId) => {
      const set = touchedUnits.get(region) ?? new Set<IndicatorId>();
      set.add(indicator);
      touchedUnits.set(region, set);
    };

    for (const obs of observations) {
      const indicator = catalog[obs.indicator];
      const next = nextReading(this.get(obs.region, obs.indicator), obs, indicator, source, this.calendar);
      if (next) {
        put(next);
        touch(obs.region, obs.indicator);
      } else if (obs.delta === undefined) {
        late.push(lateReading(obs, source));
      }
    }
    for (const [region, indicators] of touchedUnits) {
      for (const id of [...indicators]) {
        for (const derivedId of derivedFrom[id] ?? []) {
          const derived = this.derive(region, derivedId);
          if (derived) {
            put(derived);
            indicators.add(derivedId);
          }
        }
      }
    }
    const touchedRollups = new Map<RollupId, Set<IndicatorId>>();
    for (const [region, indicators] of touchedUnits) {
      for (const rollup of this.regions.rollupsOf(region)) {
        const set = touchedRollups.get(rollup) ?? new Set<IndicatorId>();
        for (const id of indicators) set.add(id);
        touchedRollups.set(rollup, set);
      }
    }
    for (const [rollup, indicators] of touchedRollups) {
      for (const id of indicators) {
        const reading = this.rollUp(rollup, id);
        if (reading) put(reading);
      }
    }
    const seq = this.nextSeq;
    this.nextSeq += 1;
    return { seq, source, observations, changes: [...changed.values()], late };
  }

  private derive(region: string, id: IndicatorId): Reading | null {
    const rule = catalog[id].derived;
    if (!rule) return null;
    const num = this.get(region, rule.num);
    const den = this.get(region, rule.den);
    if (num?.value == null || den?.value == null) return null;
    return {
      region,
      indicator: id,
      value: ratePercent(num.value, den.value),
      num: num.value,
      den: den.value,
      at: Math.max(num.at, den.at),
      source: 'derived',
    };
  }

  private rollUp(rollup: RollupId, id: IndicatorId): Reading | null {
    const indicator = catalog[id];
    const inputs = [];
    let at = 0;
    for (const unit of this.regions.membersOf(rollup)) {
      if (!indicator.appliesTo.includes(unitLevel(unit))) continue;
      const reading = this.get(unit.code, id);
      if (!reading) continue;
      at = Math.max(at, reading.at);
      inputs.push({ ...reading, weight: rollupWeight(indicator.rollup, unit) });
    }
    if (inputs.length === 0) return null;
    return { region: rollup, indicator: id, ...rollUp(indicator.rollup, inputs), at, source: 'rollup' };
  }
}

/** The reading a late absolute observation stands for, at its own time. */
function lateReading(obs: Observation, source: string): Reading {
  const base = { region: obs.region, indicator: obs.indicator, at: obs.at, source };
  if (obs.num !== undefined && obs.den !== undefined) {
    return { ...base, value: ratePercent(obs.num, obs.den), num: obs.num, den: obs.den };
  }
  return { ...base, value: obs.value ?? null };
}
