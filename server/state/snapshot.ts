import type { IndicatorId, Targets } from '../../shared/catalog';
import type { Alert, Snapshot } from '../../shared/protocol';
import type { LiveState } from './liveState';

export interface SnapshotMeta {
  buildId: string;
  regionSet: string;
  /** The version of the deployment served (its catalogue, region set, labels). */
  deployment: string;
  timeZone: string;
  defaultLang: 'vi' | 'en';
  simulated: boolean;
  targets: Record<IndicatorId, Targets>;
  /** How long an alert's change stays on a screen's ticker, in minutes. */
  alertTickerMin?: number;
}

/** `alerts`: the active ones and those that ended recently (for the ticker). */
export function buildSnapshot(state: LiveState, meta: SnapshotMeta, alerts: Alert[], now: number): Snapshot {
  return {
    epoch: state.epoch,
    seq: state.seq,
    at: now,
    buildId: meta.buildId,
    regionSet: meta.regionSet,
    deployment: meta.deployment,
    timeZone: meta.timeZone,
    defaultLang: meta.defaultLang,
    simulated: meta.simulated,
    targets: meta.targets,
    ...(meta.alertTickerMin !== undefined && { alertTickerMin: meta.alertTickerMin }),
    values: state.wallReadings(),
    alerts,
  };
}
