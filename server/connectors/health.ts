import type { ConnectorError, ConnectorHealth, ConnectorKind, ConnectorWhen } from '../../shared/connectors';

/** Where a connector's events go besides its own health: the Prometheus metrics. */
export interface HealthListener {
  observations(connector: string, result: 'accepted' | 'refused', n: number): void;
  error(connector: string, kind: ConnectorError['kind']): void;
}

export interface HealthInit {
  id: string;
  kind: ConnectorKind;
  source: string;
  schedule: ConnectorWhen;
  enabled: boolean;
  staleAfterMs: number;
  startedAt: number;
}

/**
 * One connector's health: what its last attempt did, when it last worked and brought data, the last error and its
 * reason, and how many observations it got accepted and refused. The state is computed when asked, from the time.
 */
export class ConnectorHealthTracker {
  private lastAttemptAt: number | null = null;
  private lastSuccessAt: number | null = null;
  private lastDataAt: number | null = null;
  private lastError: ConnectorError | null = null;
  private failing = false;
  private finished = false;
  private accepted = 0;
  private refused = 0;
  nextRunAt: number | null = null;
  /** Grows with every change, so that what is saved to the store is saved only when it changed. */
  changes = 0;

  constructor(
    private readonly init: HealthInit,
    private readonly listener: HealthListener,
  ) {}

  get source(): string {
    return this.init.source;
  }

  attempted(at: number): void {
    this.lastAttemptAt = at;
    this.changes += 1;
  }

  /**
   * Takes over what the store holds, as the server that ran the connector last saved it. `withState`: its state
   * too (a server that does not run the connector shows it); without, the state stays `starting` until this
   * server's first attempt ends, and only the times, the last error and the counts carry on.
   */
  restore(saved: ConnectorHealth, withState: boolean): void {
    this.lastAttemptAt = saved.lastAttemptAt;
    this.lastSuccessAt = saved.lastSuccessAt;
    this.lastDataAt = saved.lastDataAt;
    this.lastError = saved.lastError;
    this.accepted = saved.accepted;
    this.refused = saved.refused;
    this.nextRunAt = withState ? saved.nextRunAt : null;
    this.finished = withState && saved.state !== 'starting';
    this.failing = withState && saved.state === 'failing';
  }

  /** An attempt worked; `applied` observations were new (0 for an answer with nothing new). */
  succeeded(at: number, applied: number): void {
    this.changes += 1;
    this.finished = true;
    this.failing = false;
    this.lastSuccessAt = at;
    if (applied > 0) {
      this.lastDataAt = at;
      this.accepted += applied;
      this.listener.observations(this.init.id, 'accepted', applied);
    }
  }

  /**
   * An attempt failed; `refused` observations were turned away by the ingest checks or the mapping. Returns whether
   * this is news (the connector was not failing, or fails differently now), for logs that do not repeat each run.
   */
  failed(error: ConnectorError, refused = 0): boolean {
    const news = !this.failing || this.lastError?.message !== error.message;
    this.changes += 1;
    this.finished = true;
    this.failing = true;
    this.lastError = error;
    this.listener.error(this.init.id, error.kind);
    if (refused > 0) {
      this.refused += refused;
      this.listener.observations(this.init.id, 'refused', refused);
    }
    return news;
  }

  snapshot(now: number): ConnectorHealth {
    const { id, kind, source, schedule } = this.init;
    return {
      id,
      kind,
      source,
      schedule,
      state: this.state(now),
      lastAttemptAt: this.lastAttemptAt,
      lastSuccessAt: this.lastSuccessAt,
      lastDataAt: this.lastDataAt,
      nextRunAt: this.nextRunAt,
      lastError: this.lastError,
      accepted: this.accepted,
      refused: this.refused,
    };
  }

  private state(now: number): ConnectorHealth['state'] {
    if (!this.init.enabled) return 'disabled';
    if (!this.finished) return 'starting';
    if (this.failing) return 'failing';
    // A connector that has brought nothing yet is given its allowance from the server's start.
    const since = this.lastDataAt ?? this.init.startedAt;
    return now - since > this.init.staleAfterMs ? 'stale' : 'ok';
  }
}
