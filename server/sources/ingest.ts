import type { IndicatorId } from '../../shared/catalog';
import type { InputIssue, ObservationInput } from '../../shared/ingest';
import type { Reading } from '../../shared/protocol';
import type { RegionSet } from '../../shared/regions';
import type { Clock } from '../clock';
import { validateObservations } from '../domain/observation';
import type { Logger } from '../logger';
import type { PreparedBatch } from '../state/batchDraft';
import type { LiveState } from '../state/liveState';
import type { BatchStore } from '../state/store/store';

/** Counts what the ingest path accepts and refuses (the Prometheus metrics, or nothing in tests). */
export interface IngestMetrics {
  accepted(source: string, observations: number, seconds: number): void;
  refused(source: string, reason: string, observations: number): void;
}

export interface IngestDeps {
  state: LiveState;
  regions: RegionSet;
  clock: Clock;
  /** Where batches are committed before they reach the live state. */
  store: BatchStore;
  /** Receives the changes of every applied batch (the delta broadcaster). */
  onApplied: (seq: number, changes: readonly Reading[]) => void;
  logger?: Logger;
  metrics?: IngestMetrics;
  /** How far ahead of the server's clock an observation may be stamped. */
  maxFutureMs?: number;
}

export interface SubmitOptions {
  /** A source's key for this request, and a hash of its content: a repeat is answered from the store. */
  idempotency?: { key: string; hash: string };
}

/** One group of a multi-batch submission, and where its inputs sit in the caller's terms (for issue paths). */
export interface BatchInput {
  inputs: readonly ObservationInput[];
  path: (string | number)[];
}

/** Some observation is impossible (unknown region or indicator, a negative count, ...); nothing was applied. */
type Invalid = { ok: false; reason: 'invalid'; issues: InputIssue[] };

export type IngestResult =
  | { ok: true; accepted: number; seq: number; replayed: boolean }
  | Invalid
  /** The idempotency key was used before with another body. */
  | { ok: false; reason: 'conflict'; message: string }
  /** The batch could not be stored; nothing was applied. */
  | { ok: false; reason: 'storage'; message: string };

const DEFAULT_MAX_FUTURE_MS = 5 * 60_000;

/**
 * The one way into the live state, for source systems, the simulator and imports alike: validate the whole
 * submission, compute its changes against a draft, commit them with the raw observations and the new seq in one
 * SQLite transaction, and only then apply them to memory and hand them to the broadcaster. A submission that
 * fails at any step leaves memory and storage as they were.
 */
export class Ingest {
  constructor(private readonly deps: IngestDeps) {}

  submit(source: string, inputs: readonly ObservationInput[], options: SubmitOptions = {}): IngestResult {
    return this.submitBatches(source, [{ inputs, path: ['observations'] }], options);
  }

  /**
   * Applies several batches as one: each takes its own seq (so history keeps a point per batch), all are
   * validated in order against the state the earlier ones leave, and all are stored in one transaction.
   */
  submitBatches(source: string, groups: readonly BatchInput[], options: SubmitOptions = {}): IngestResult {
    const { state, clock, store } = this.deps;
    const started = performance.now();
    const total = groups.reduce((n, g) => n + g.inputs.length, 0);
    const refuse = <R extends IngestResult>(result: R, reason: string): R => {
      this.deps.metrics?.refused(source, reason, total);
      return result;
    };

    const key = options.idempotency;
    if (key) {
      const previous = store.findIdempotent(source, key.key);
      if (previous && previous.hash !== key.hash) {
        return refuse(
          {
            ok: false,
            reason: 'conflict',
            message: `idempotencyKey ${key.key} was used before with a different body`,
          },
          'conflict',
        );
      }
      if (previous) return { ok: true, accepted: previous.accepted, seq: previous.seq, replayed: true };
    }

    const now = clock.now();
    const checked = this.prepare(source, groups, now);
    if (!checked.ok) return refuse(checked, 'invalid');
    const prepared = checked.batches;

    try {
      store.commit(prepared, {
        receivedAt: now,
        ...(key && { idempotency: { key: key.key, hash: key.hash, accepted: total } }),
      });
    } catch (error) {
      this.deps.logger?.error({ err: error, source }, 'batch not stored; nothing applied');
      return refuse({ ok: false, reason: 'storage', message: 'the batch could not be stored; retry later' }, 'storage');
    }
    state.commit(prepared);
    for (const batch of prepared) this.deps.onApplied(batch.seq, batch.changes);
    this.deps.metrics?.accepted(source, total, (performance.now() - started) / 1000);
    return { ok: true, accepted: total, seq: state.seq, replayed: false };
  }

  /**
   * Takes the next seq for a change that carries no readings (alerts raised or ended between batches), stored
   * like any batch, so that a restart continues after it. Returns null, changing nothing, when it cannot be stored.
   */
  advance(source: string): number | null {
    const { state, store, clock } = this.deps;
    const batch = state.draft().prepare(source, []);
    try {
      store.commit([batch], { receivedAt: clock.now() });
    } catch (error) {
      this.deps.logger?.error({ err: error, source }, 'seq not stored; nothing applied');
      return null;
    }
    state.commit([batch]);
    return batch.seq;
  }

  /** Validates a submission and computes its batches as `submitBatches` would, storing and applying nothing. */
  check(source: string, groups: readonly BatchInput[]): { ok: true; batches: PreparedBatch[] } | Invalid {
    return this.prepare(source, groups, this.deps.clock.now());
  }

  private prepare(
    source: string,
    groups: readonly BatchInput[],
    now: number,
  ): { ok: true; batches: PreparedBatch[] } | Invalid {
    const { state, regions } = this.deps;
    const draft = state.draft();
    const batches: PreparedBatch[] = [];
    for (const group of groups) {
      const checked = validateObservations(
        group.inputs,
        {
          regions,
          now,
          maxFutureMs: this.deps.maxFutureMs ?? DEFAULT_MAX_FUTURE_MS,
          currentCount: (region: string, indicator: IndicatorId, at: number) =>
            draft.countBefore(region, indicator, at),
        },
        group.path,
      );
      if (!checked.ok) return { ok: false, reason: 'invalid', issues: checked.issues };
      batches.push(draft.prepare(source, checked.observations));
    }
    return { ok: true, batches };
  }
}
