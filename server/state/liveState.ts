import { catalog, derivedFrom, type IndicatorId } from '../../shared/catalog';
import type { Reading } from '../../shared/protocol';
import { type RegionSet, type RollupId, unitLevel } from '../../shared/regions';
import { ratePercent, rollUp, rollupWeight } from '../../shared/rollup';
import type { LocalCalendar } from '../../shared/time';
import { nextReading } from '../domain/applyObservation';
import type { Observation } from '../domain/observation';

const keyOf = (region: string, indicator: string) => `${region}|${indicator}`;

export interface LiveStateInit {
  regions: RegionSet;
  calendar: LocalCalendar;
  epoch: string;
  seq?: number;
  readings?: Iterable<Reading>;
}

/**
 * The current value of every (region, indicator), units and roll-ups alike, and the position in the change
 * stream: every applied batch takes the next `seq` within the `epoch`.
 */
export class LiveState {
  readonly epoch: string;
  private currentSeq: number;
  private readonly cells = new Map<string, Reading>();
  private readonly regions: RegionSet;
  private readonly calendar: LocalCalendar;

  constructor(init: LiveStateInit) {
    this.regions = init.regions;
    this.calendar = init.calendar;
    this.epoch = init.epoch;
    this.currentSeq = init.seq ?? 0;
    for (const r of init.readings ?? []) this.cells.set(keyOf(r.region, r.indicator), r);
  }

  get seq(): number {
    return this.currentSeq;
  }

  get(region: string, indicator: IndicatorId): Reading | undefined {
    return this.cells.get(keyOf(region, indicator));
  }

  /**
   * The value an increment of a count stamped `at` would add to, by the same rule as `apply`: 0 for a count that
   * starts again every day when its live value belongs to another local day.
   */
  countBefore(region: string, indicator: IndicatorId, at: number): number {
    const prev = this.get(region, indicator);
    const probe = { region, indicator, at, delta: 0 };
    return nextReading(prev, probe, catalog[indicator], '', this.calendar)?.value ?? prev?.value ?? 0;
  }

  readings(): Reading[] {
    return [...this.cells.values()];
  }

  /**
   * Applies a validated batch as one step: unit readings, the rates derived from them, then the roll-ups they
   * feed. Returns the new seq and every reading that changed, once each.
   */
  apply(source: string, observations: readonly Observation[]): { seq: number; changes: Reading[] } {
    const changed = new Map<string, Reading>();
    const put = (r: Reading) => {
      const key = keyOf(r.region, r.indicator);
      this.cells.set(key, r);
      changed.set(key, r);
    };
    const touchedUnits = new Map<string, Set<IndicatorId>>();
    const touch = (region: string, indicator: IndicatorId) => {
      const set = touchedUnits.get(region) ?? new Set<IndicatorId>();
      set.add(indicator);
      touchedUnits.set(region, set);
    };

    for (const obs of observations) {
      const next = nextReading(this.get(obs.region, obs.indicator), obs, catalog[obs.indicator], source, this.calendar);
      if (!next) continue;
      put(next);
      touch(obs.region, obs.indicator);
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
    this.currentSeq += 1;
    return { seq: this.currentSeq, changes: [...changed.values()] };
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
