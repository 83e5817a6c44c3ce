import type { Delta, Reading } from '../shared/protocol';
import type { RegionSet } from '../shared/regions';
import type { Alerting } from './alerts/alerting';
import type { Clock } from './clock';
import { Jobs } from './jobs';
import type { Logger } from './logger';
import { DeltaBroadcaster } from './realtime/deltaBroadcaster';
import { Ingest, type IngestMetrics } from './sources/ingest';
import type { DeltaLog } from './state/deltaLog';
import type { LiveState } from './state/liveState';
import type { BatchStore } from './store/types';

/** The source name of the seqs that alerts take between batches. */
const ALERTS_SOURCE = 'alerts';

export interface PipelineDeps {
  state: LiveState;
  store: BatchStore;
  log: DeltaLog;
  alerts: Alerting;
  regions: RegionSet;
  clock: Clock;
  logger: Logger;
  metrics?: IngestMetrics;
  deltaIntervalMs: number;
  /** Sends a delta to every screen. */
  emit: (delta: Delta) => void;
}

export interface Pipeline {
  ingest: Ingest;
  /** Judges and fans out a batch applied to the live state: what ingest calls, and what a follower's log tail does. */
  applied: (seq: number, changes: readonly Reading[]) => void;
  broadcaster: DeltaBroadcaster;
  jobs: Jobs;
}

/**
 * The data path, in the order data takes it: ingest validates and drafts a batch, the store commits it, the live
 * state applies it, the alert engine judges it, and the broadcaster fans its changes and alerts out. Alerts that
 * change between batches take a seq of their own through the same commit path, so screens and resyncs see them in
 * order and a restart continues after them.
 */
export function createPipeline(deps: PipelineDeps): Pipeline {
  const { state, alerts } = deps;
  const broadcaster = new DeltaBroadcaster({
    epoch: state.epoch,
    log: deps.log,
    clock: deps.clock,
    intervalMs: deps.deltaIntervalMs,
    emit: deps.emit,
  });
  // Sub-units' readings stay out of deltas and alerts: a screen reads them per unit, from their parent's page.
  const onWall = (r: Reading) => deps.regions.subunit(r.region) === undefined;
  const applied = (seq: number, all: readonly Reading[]) => {
    const changes = all.some((r) => !onWall(r)) ? all.filter(onWall) : all;
    broadcaster.enqueue(seq, changes, alerts.onBatch(changes));
  };
  const ingest = new Ingest({
    state,
    regions: deps.regions,
    clock: deps.clock,
    store: deps.store,
    logger: deps.logger,
    ...(deps.metrics && { metrics: deps.metrics }),
    onApplied: applied,
  });
  // Without storage the alerts ride on the next delta, under the seq the screens have already.
  alerts.onPublish((changed) => {
    void ingest.advance(ALERTS_SOURCE, (seq) => broadcaster.enqueue(seq ?? state.seq, [], changed));
  });
  return { ingest, applied, broadcaster, jobs: new Jobs(deps.logger) };
}
