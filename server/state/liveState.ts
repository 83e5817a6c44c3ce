import type { IndicatorId } from '../../shared/catalog';
import type { Reading } from '../../shared/protocol';
import type { RegionSet } from '../../shared/regions';
import type { LocalCalendar } from '../../shared/time';
import type { Observation } from '../domain/observation';
import { BatchDraft, keyOf, type PreparedBatch } from './batchDraft';

export interface LiveStateInit {
  regions: RegionSet;
  calendar: LocalCalendar;
  epoch: string;
  seq?: number;
  readings?: Iterable<Reading>;
}

/**
 * The current value of every (region, indicator), units and roll-ups alike, and the position in the change
 * stream: every applied batch takes the next `seq` within the `epoch`. Batches are computed in a `BatchDraft`
 * and applied with `commit`, so the caller can store them durably in between.
 */
export class LiveState {
  readonly epoch: string;
  private currentSeq: number;
  /** What the wall shows: units and roll-ups. */
  private readonly cells = new Map<string, Reading>();
  /** Sub-units' readings (a province's communes), by parent unit: kept out of snapshots, read per unit's page. */
  private readonly below = new Map<string, Map<string, Reading>>();
  private readonly regions: RegionSet;
  private readonly calendar: LocalCalendar;

  constructor(init: LiveStateInit) {
    this.regions = init.regions;
    this.calendar = init.calendar;
    this.epoch = init.epoch;
    this.currentSeq = init.seq ?? 0;
    for (const r of init.readings ?? []) this.put(r);
  }

  get seq(): number {
    return this.currentSeq;
  }

  get(region: string, indicator: IndicatorId): Reading | undefined {
    return this.read(keyOf(region, indicator), region);
  }

  private read(key: string, region: string): Reading | undefined {
    const parent = this.regions.subunit(region)?.parent;
    return parent === undefined ? this.cells.get(key) : this.below.get(parent)?.get(key);
  }

  private put(r: Reading): void {
    const key = keyOf(r.region, r.indicator);
    const parent = this.regions.subunit(r.region)?.parent;
    if (parent === undefined) {
      this.cells.set(key, r);
      return;
    }
    let cells = this.below.get(parent);
    if (!cells) {
      cells = new Map();
      this.below.set(parent, cells);
    }
    cells.set(key, r);
  }

  /** See `BatchDraft.countBefore`. */
  countBefore(region: string, indicator: IndicatorId, at: number): number {
    return this.draft().countBefore(region, indicator, at);
  }

  /** Every reading, sub-units' included. */
  readings(): Reading[] {
    return [...this.cells.values(), ...[...this.below.values()].flatMap((cells) => [...cells.values()])];
  }

  /** What a wall screen loads: units' and roll-ups' readings, without sub-units'. */
  wallReadings(): Reading[] {
    return [...this.cells.values()];
  }

  /** The readings of a unit's sub-units (a province's communes). */
  subunitReadings(parent: string): Reading[] {
    return [...(this.below.get(parent)?.values() ?? [])];
  }

  /** A draft on top of the current state, for computing batches before they are stored. */
  draft(): BatchDraft {
    return new BatchDraft(
      this.regions,
      this.calendar,
      (key) => this.read(key, key.slice(0, key.indexOf('|'))),
      this.currentSeq,
    );
  }

  /** Applies prepared batches, which must continue the seq without a gap, in one step. */
  commit(batches: readonly PreparedBatch[]): void {
    let seq = this.currentSeq;
    for (const batch of batches) {
      seq += 1;
      if (batch.seq !== seq) throw new Error(`batch ${batch.seq} does not follow seq ${seq - 1}`);
    }
    for (const batch of batches) for (const r of batch.changes) this.put(r);
    this.currentSeq = seq;
  }

  /**
   * Applies a validated batch as one step, with nothing stored: unit readings, the rates derived from them, then
   * the roll-ups they feed. Returns the new seq and every reading that changed, once each.
   */
  apply(source: string, observations: readonly Observation[]): { seq: number; changes: Reading[] } {
    const batch = this.draft().prepare(source, observations);
    this.commit([batch]);
    return { seq: batch.seq, changes: batch.changes };
  }
}
