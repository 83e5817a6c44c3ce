import { derivedFrom, type IndicatorId, indicatorOf } from '../../shared/catalog';
import type { Reading } from '../../shared/protocol';
import { type RegionSet, type RollupId, type Subunit, type Unit, unitLevel } from '../../shared/regions';
import { type RollupInput, ratePercent, rollUp, rollupWeight } from '../../shared/rollup';
import type { LocalCalendar } from '../../shared/time';
import { nextReading } from '../domain/applyObservation';
import type { Observation } from '../domain/observation';

export const keyOf = (region: string, indicator: string) => `${region}|${indicator}`;

/** A unit that counts in a roll-up of one indicator: its reading's key and its weight. */
export interface RollupMember {
  key: string;
  weight: number;
}

const membersByRegionSet = new WeakMap<RegionSet, Map<string, readonly RollupMember[]>>();

/** Members worked out once per region set and key, since every batch rolls up again. */
function cachedMembers(
  regions: RegionSet,
  cacheKey: string,
  id: IndicatorId,
  units: () => readonly (Unit | Subunit)[],
): readonly RollupMember[] {
  let cache = membersByRegionSet.get(regions);
  if (!cache) {
    cache = new Map();
    membersByRegionSet.set(regions, cache);
  }
  let members = cache.get(cacheKey);
  if (!members) {
    const indicator = indicatorOf(id);
    members = units()
      .filter((unit) => indicator.appliesTo.includes(unitLevel(unit)))
      .map((unit) => ({ key: keyOf(unit.code, id), weight: rollupWeight(indicator.rollup, unit) }));
    cache.set(cacheKey, members);
  }
  return members;
}

/** The units an indicator's roll-up reads, with their weights: the members of the roll-up it applies to. */
export function rollupMembers(regions: RegionSet, rollup: RollupId, id: IndicatorId): readonly RollupMember[] {
  return cachedMembers(regions, keyOf(rollup, id), id, () => regions.membersOf(rollup));
}

/** The sub-units a local unit's figure on an indicator rolls up from (a province's communes). */
export function subunitMembers(regions: RegionSet, parent: string, id: IndicatorId): readonly RollupMember[] {
  return cachedMembers(regions, `below:${keyOf(parent, id)}`, id, () => regions.subunitsOf(parent));
}

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

  /**
   * A draft on top of this one, for a submission that may yet be refused: `absorb` keeps what it prepared, and a
   * refused one is simply dropped, leaving this draft as it was.
   */
  child(): BatchDraft {
    return new BatchDraft(
      this.regions,
      this.calendar,
      (key) => this.overlay.get(key) ?? this.live(key),
      this.nextSeq - 1,
    );
  }

  /** Takes over what a child prepared (its readings and the seqs it took). */
  absorb(child: BatchDraft): void {
    for (const [key, reading] of child.overlay) this.overlay.set(key, reading);
    this.nextSeq = child.nextSeq;
  }

  get(region: string, indicator: IndicatorId): Reading | undefined {
    return this.read(keyOf(region, indicator));
  }

  private read(key: string): Reading | undefined {
    return this.overlay.get(key) ?? this.live(key);
  }

  /**
   * The value an increment of a count stamped `at` would add to, by the same rule as `prepare`: 0 for a count
   * that starts again every day when its current value belongs to another local day.
   */
  countBefore(region: string, indicator: IndicatorId, at: number): number {
    const prev = this.get(region, indicator);
    const probe = { region, indicator, at, delta: 0 };
    return nextReading(prev, probe, indicatorOf(indicator), '', this.calendar)?.value ?? prev?.value ?? 0;
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
      const indicator = indicatorOf(obs.indicator);
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
    // Sub-units roll up into their local unit first, which then feeds the wall's roll-ups like any unit.
    const touchedParents = new Map<string, Set<IndicatorId>>();
    for (const [region, indicators] of touchedUnits) {
      const parent = this.regions.subunit(region)?.parent;
      if (parent === undefined) continue;
      const set = touchedParents.get(parent) ?? new Set<IndicatorId>();
      for (const id of indicators) set.add(id);
      touchedParents.set(parent, set);
    }
    for (const [parent, indicators] of touchedParents) {
      for (const id of indicators) {
        const reading = this.rollUp(parent, subunitMembers(this.regions, parent, id), id);
        if (reading) {
          put(reading);
          touch(parent, id);
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
        const reading = this.rollUp(rollup, rollupMembers(this.regions, rollup, id), id);
        if (reading) put(reading);
      }
    }
    const seq = this.nextSeq;
    this.nextSeq += 1;
    return { seq, source, observations, changes: [...changed.values()], late };
  }

  private derive(region: string, id: IndicatorId): Reading | null {
    const rule = indicatorOf(id).derived;
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

  private rollUp(region: string, members: readonly RollupMember[], id: IndicatorId): Reading | null {
    const inputs: RollupInput[] = [];
    let at = 0;
    for (const member of members) {
      const reading = this.read(member.key);
      if (!reading) continue;
      if (reading.at > at) at = reading.at;
      inputs.push({ value: reading.value, num: reading.num, den: reading.den, weight: member.weight });
    }
    if (inputs.length === 0) return null;
    return { region, indicator: id, ...rollUp(indicatorOf(id).rollup, inputs), at, source: 'rollup' };
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
