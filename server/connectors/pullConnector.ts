import type { ConnectorError, ConnectorIssue } from '../../shared/connectors';
import type { ObservationInput } from '../../shared/ingest';
import type { Clock } from '../clock';
import { batchHash } from '../http/ingestRoutes';
import type { Logger } from '../logger';
import type { Ingest } from '../sources/ingest';
import type { ConnectorStore } from '../store/types';
import { SourceFailure, withRetries } from './failure';
import type { ConnectorHealthTracker } from './health';
import type { Mapper } from './mapping';

/** What a pull keeps between runs: where it stands in the source, and an answer not yet known to be committed. */
export interface PullState {
  /** The last seen time: the latest `at` of the observations applied so far. */
  since: number | null;
  etag?: string;
  lastModified?: string;
  /**
   * An answer on its way in, saved before it is submitted. If the server stops before the cursor moves on, the next
   * run submits it again with the same idempotency key: applied once, whatever the source answers meanwhile.
   */
  pending?: { key: string; hash: string; observations: ObservationInput[]; next: PullState };
}

export interface PullAnswer {
  /** The answer, for the mapping: parsed JSON, or the rows of a query. */
  input: unknown;
  validators?: { etag?: string; lastModified?: string };
}

/** A source a connector polls: an HTTP API or a database. */
export interface PullSource {
  pull(state: PullState, signal: AbortSignal): Promise<PullAnswer | 'unchanged'>;
  close(): Promise<void>;
}

export interface PullConnectorDeps {
  id: string;
  source: string;
  pull: PullSource;
  mapper: Mapper;
  ingest: Pick<Ingest, 'submitSoon'>;
  /** Where the cursor lives: the wall's store (in a cluster, PostgreSQL, where the next writer finds it). */
  states: Pick<ConnectorStore, 'cursor' | 'saveCursor'>;
  health: ConnectorHealthTracker;
  clock: Clock;
  logger: Logger;
  retries: number;
  backoffMs: number;
  /** Where a pull starts the first time. */
  initialSince: number | null;
}

/** The paths of ingest's issues (`observations.3.num`) in the terms of the mapping's records (`records.3.num`). */
const asRecordIssues = (issues: readonly { path: (string | number)[]; message: string }[]): ConnectorIssue[] =>
  issues.slice(0, 20).map((i) => ({ path: ['records', ...i.path.slice(1)], message: i.message }));

/**
 * One run of a pull connector: submit an answer left pending by a stop, pull (with retries), map, and submit the
 * whole answer as one submission through the ingest path, keyed by its content. All of an answer is applied or
 * none of it; the cursor moves on only once the answer is committed.
 */
export async function runPull(deps: PullConnectorDeps, signal: AbortSignal): Promise<void> {
  const { id, health, clock, states } = deps;
  health.attempted(clock.now());
  let state = (await states.cursor<PullState>(id)) ?? { since: deps.initialSince };

  if (state.pending) {
    const { pending } = state;
    const committed = await submit(deps, pending.key, pending.hash, pending.observations);
    if (!committed) return;
    state = pending.next;
    await states.saveCursor(id, state);
  }

  let answer: PullAnswer | 'unchanged';
  try {
    answer = await withRetries(() => deps.pull.pull(state, signal), {
      retries: deps.retries,
      backoffMs: deps.backoffMs,
      signal,
    });
  } catch (error) {
    if (signal.aborted) return;
    const failure =
      error instanceof SourceFailure ? error : new SourceFailure('network', (error as Error).message, true);
    report(deps, failure.toError(clock.now()));
    return;
  }
  const pulledAt = clock.now();
  if (answer === 'unchanged') {
    health.succeeded(pulledAt, 0);
    return;
  }
  const mapped = await deps.mapper.map(answer.input, pulledAt);
  if (!mapped.ok) {
    report(deps, { at: pulledAt, kind: 'mapping', message: mapped.message, issues: mapped.issues });
    return;
  }
  const { observations } = mapped;
  const latest = observations.reduce((max, o) => Math.max(max, o.at), state.since ?? 0);
  const next: PullState = { since: observations.length > 0 ? latest : state.since, ...answer.validators };
  if (observations.length === 0) {
    await states.saveCursor(id, next);
    health.succeeded(pulledAt, 0);
    return;
  }
  const hash = batchHash({ source: deps.source, observations });
  const key = `connector:${id}:${hash.slice(0, 40)}`;
  await states.saveCursor(id, { ...state, pending: { key, hash, observations, next } });
  if (await submit(deps, key, hash, observations)) await states.saveCursor(id, next);
}

/** Records a failure in the connector's health, and logs it when it is news (not the same as last run's). */
function report(deps: PullConnectorDeps, error: ConnectorError, refused = 0): void {
  if (deps.health.failed(error, refused)) {
    deps.logger.warn({ connector: deps.id, kind: error.kind, err: error.message }, 'connector failed');
  }
}

/** Submits an answer; true once it is committed (now, or by an earlier run), false when it failed. */
async function submit(
  deps: PullConnectorDeps,
  key: string,
  hash: string,
  observations: ObservationInput[],
): Promise<boolean> {
  const { id, health, clock, states } = deps;
  const result = await deps.ingest.submitSoon(deps.source, observations, { idempotency: { key, hash } });
  const at = clock.now();
  if (result.ok) {
    health.succeeded(at, result.replayed ? 0 : result.accepted);
    return true;
  }
  switch (result.reason) {
    case 'invalid': {
      // Nothing of the answer was applied: drop it and pull it again next time, until the source corrects it.
      const { pending: _dropped, ...rest } = (await states.cursor<PullState>(id)) ?? { since: deps.initialSince };
      await states.saveCursor(id, rest);
      const n = observations.length;
      const message = `the wall refused ${result.issues.length} of ${n} observations; nothing of this answer was applied`;
      report(deps, { at, kind: 'refused', message, issues: asRecordIssues(result.issues) }, n);
      return false;
    }
    case 'storage':
      // Kept pending: the next run submits it again.
      report(deps, { at, kind: 'storage', message: result.message });
      return false;
    case 'conflict':
      report(deps, { at, kind: 'refused', message: result.message });
      return false;
  }
}
