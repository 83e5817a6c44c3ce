import type { IndicatorId } from '../../shared/catalog';
import type { InputIssue, ObservationInput } from '../../shared/ingest';
import type { Reading } from '../../shared/protocol';
import type { RegionSet } from '../../shared/regions';
import type { Clock } from '../clock';
import { validateObservations } from '../domain/observation';
import type { LiveState } from '../state/liveState';

export interface IngestDeps {
  state: LiveState;
  regions: RegionSet;
  clock: Clock;
  /** Receives the changes of every applied batch (the delta broadcaster). */
  onApplied: (seq: number, changes: readonly Reading[]) => void;
  /** How far ahead of the server's clock an observation may be stamped. */
  maxFutureMs?: number;
}

export type IngestResult = { ok: true; accepted: number; seq: number } | { ok: false; issues: InputIssue[] };

const DEFAULT_MAX_FUTURE_MS = 5 * 60_000;

/**
 * The one way into the live state, for source systems and the simulator alike: validate the whole batch, then
 * apply it as one step, then hand the changes to the broadcaster.
 */
export class Ingest {
  constructor(private readonly deps: IngestDeps) {}

  submit(source: string, inputs: readonly ObservationInput[]): IngestResult {
    const { state, regions, clock } = this.deps;
    const checked = validateObservations(inputs, {
      regions,
      now: clock.now(),
      maxFutureMs: this.deps.maxFutureMs ?? DEFAULT_MAX_FUTURE_MS,
      currentCount: (region: string, indicator: IndicatorId, at: number) => state.countBefore(region, indicator, at),
    });
    if (!checked.ok) return checked;
    const { seq, changes } = state.apply(source, checked.observations);
    this.deps.onApplied(seq, changes);
    return { ok: true, accepted: checked.observations.length, seq };
  }
}
