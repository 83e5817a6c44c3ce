import type { IndicatorId } from '../../shared/catalog';
import type { InputIssue, ObservationInput } from '../../shared/ingest';
import type { Reading } from '../../shared/protocol';
import type { RegionSet } from '../../shared/regions';
import type { Clock } from '../clock';
import { validateObservations } from '../domain/observation';
import type { Logger } from '../logger';
import type { BatchDraft, PreparedBatch } from '../state/batchDraft';
import type { LiveState } from '../state/liveState';
import type { BatchStore, IdempotencyRecord } from '../store/types';

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

/** One request's submission: its source, its batches and options. */
export interface Submission {
  source: string;
  groups: readonly BatchInput[];
  options?: SubmitOptions;
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
 * transaction, and only then apply them to memory and hand them to the broadcaster. A submission that
 * fails at any step leaves memory and storage as they were.
 */
export class Ingest {
  private queued: { submission: Submission; answer: (result: IngestResult) => void }[] = [];
  /**
   * The turn of the one commit in progress: every change of the live state waits for the one before it, so that
   * each draft is computed against the state the previous commit left, and seqs are stored in order.
   */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: IngestDeps) {}

  submit(source: string, inputs: readonly ObservationInput[], options: SubmitOptions = {}): Promise<IngestResult> {
    return this.submitBatches(source, [{ inputs, path: ['observations'] }], options);
  }

  /**
   * Applies several batches as one: each takes its own seq (so history keeps a point per batch), all are
   * validated in order against the state the earlier ones leave, and all are stored in one transaction.
   */
  async submitBatches(
    source: string,
    groups: readonly BatchInput[],
    options: SubmitOptions = {},
  ): Promise<IngestResult> {
    return (await this.submitEach([{ source, groups, options }]))[0] as IngestResult;
  }

  /**
   * Submits with the other submissions of this turn of the event loop, stored in one transaction (group commit):
   * requests that arrive together share one flush to disk, so a busy source is not held to one commit per
   * request. Each is answered on its own, once the commit that holds it is durable.
   */
  submitSoon(source: string, inputs: readonly ObservationInput[], options: SubmitOptions = {}): Promise<IngestResult> {
    return new Promise((answer) => {
      if (this.queued.length === 0) setImmediate(() => void this.exclusive(() => this.flushQueued()));
      this.queued.push({ submission: { source, groups: [{ inputs, path: ['observations'] }], options }, answer });
    });
  }

  /**
   * Independent submissions stored in one transaction: each is checked on its own against the state the earlier
   * ones leave (a refused one changes nothing for the others) and gets its own answer; if the commit fails, every
   * one that was to be stored gets `storage`.
   */
  submitEach(submissions: readonly Submission[]): Promise<IngestResult[]> {
    return this.exclusive(() => this.commitEach(submissions));
  }

  /** Resolves once the commits queued now have ended (the server waits for them before closing the database). */
  async idle(): Promise<void> {
    while (this.queued.length > 0) await new Promise((resolve) => setImmediate(resolve));
    await this.turn;
  }

  /** Runs `work` after every change of the live state before it has ended. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.turn.then(work);
    this.turn = result.catch(() => undefined);
    return result;
  }

  private async commitEach(submissions: readonly Submission[]): Promise<IngestResult[]> {
    const { state, clock, store } = this.deps;
    const started = performance.now();
    const now = clock.now();
    const draft = state.draft();
    const results: IngestResult[] = [];
    const stored: { index: number; source: string; total: number; batches: PreparedBatch[] }[] = [];
    const keys: IdempotencyRecord[] = [];
    /** Requests repeating a key first used earlier in this commit: answered as that one. */
    const repeats: { index: number; of: number }[] = [];
    const keyed = new Map<string, { hash: string; index: number }>();

    for (const [index, { source, groups, options }] of submissions.entries()) {
      const total = groups.reduce((n, g) => n + g.inputs.length, 0);
      const refuse = (result: IngestResult & { ok: false }, reason: string) => {
        this.deps.metrics?.refused(source, reason, total);
        results[index] = result;
      };
      const key = options?.idempotency;
      const id = key && `${source}\n${key.key}`;
      if (key && id) {
        const previous = await store.findIdempotent(source, key.key);
        const earlier = keyed.get(id);
        const known = previous ?? earlier;
        if (known && known.hash !== key.hash) {
          const message = `idempotencyKey ${key.key} was used before with a different body`;
          refuse({ ok: false, reason: 'conflict', message }, 'conflict');
          continue;
        }
        if (previous) {
          results[index] = { ok: true, accepted: previous.accepted, seq: previous.seq, replayed: true };
          continue;
        }
        if (earlier) {
          repeats.push({ index, of: earlier.index });
          continue;
        }
      }
      const attempt = draft.child();
      const checked = this.prepare(attempt, source, groups, now);
      if (!checked.ok) {
        refuse(checked, 'invalid');
        continue;
      }
      draft.absorb(attempt);
      const seq = (checked.batches.at(-1) as PreparedBatch).seq;
      stored.push({ index, source, total, batches: checked.batches });
      if (key && id) {
        keys.push({ source, key: key.key, hash: key.hash, seq, accepted: total });
        keyed.set(id, { hash: key.hash, index });
      }
    }

    const batches = stored.flatMap((s) => s.batches);
    if (batches.length > 0) {
      try {
        await store.commit(batches, { receivedAt: now, idempotency: keys });
      } catch (error) {
        this.deps.logger?.error({ err: error }, 'batches not stored; nothing applied');
        for (const s of stored) {
          this.deps.metrics?.refused(s.source, 'storage', s.total);
          results[s.index] = { ok: false, reason: 'storage', message: 'the batch could not be stored; retry later' };
        }
        for (const r of repeats) results[r.index] = results[r.of] as IngestResult;
        return results;
      }
      state.commit(batches);
      for (const batch of batches) this.deps.onApplied(batch.seq, batch.changes);
    }
    const seconds = (performance.now() - started) / 1000;
    for (const s of stored) {
      this.deps.metrics?.accepted(s.source, s.total, seconds);
      const seq = (s.batches.at(-1) as PreparedBatch).seq;
      results[s.index] = { ok: true, accepted: s.total, seq, replayed: false };
    }
    for (const r of repeats) {
      const first = results[r.of] as IngestResult;
      results[r.index] = first.ok ? { ...first, replayed: true } : first;
    }
    return results;
  }

  /**
   * Takes the next seq for a change that carries no readings (alerts raised or ended between batches), stored
   * like any batch, so that a restart continues after it. `then` gets the seq in the same turn, before any later
   * batch is applied, or null, nothing changed, when it cannot be stored. A follower of a cluster stores nothing:
   * the writer takes the seqs (an acknowledgement reaches its alert engine too), and null is no failure there.
   */
  advance(source: string, then: (seq: number | null) => void): Promise<void> {
    return this.exclusive(async () => {
      const { state, store, clock } = this.deps;
      if (store.writable?.() === false) {
        then(null);
        return;
      }
      const batch = state.draft().prepare(source, []);
      try {
        await store.commit([batch], { receivedAt: clock.now() });
      } catch (error) {
        this.deps.logger?.error({ err: error, source }, 'seq not stored; nothing applied');
        then(null);
        return;
      }
      state.commit([batch]);
      then(batch.seq);
    });
  }

  /** Validates a submission and computes its batches as `submitBatches` would, storing and applying nothing. */
  check(source: string, groups: readonly BatchInput[]): { ok: true; batches: PreparedBatch[] } | Invalid {
    return this.prepare(this.deps.state.draft(), source, groups, this.deps.clock.now());
  }

  private async flushQueued(): Promise<void> {
    const queued = this.queued;
    this.queued = [];
    if (queued.length === 0) return;
    let results: IngestResult[];
    try {
      results = await this.commitEach(queued.map((q) => q.submission));
    } catch (error) {
      // The database did not answer a lookup (a key's first answer): nothing was stored or applied.
      this.deps.logger?.error({ err: error }, 'batches not checked against the store; nothing applied');
      const refused: IngestResult = {
        ok: false,
        reason: 'storage',
        message: 'the batch could not be stored; retry later',
      };
      results = queued.map(() => refused);
    }
    for (const [i, q] of queued.entries()) q.answer(results[i] as IngestResult);
  }

  private prepare(
    draft: BatchDraft,
    source: string,
    groups: readonly BatchInput[],
    now: number,
  ): { ok: true; batches: PreparedBatch[] } | Invalid {
    const { regions } = this.deps;
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
