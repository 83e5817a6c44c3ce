import type { Alert } from '../../shared/protocol';

export type AlertState = 'active' | 'all';

/**
 * Where alerts are kept once raised: every change of an alert is recorded under its id. Small on purpose, so that
 * a persistent store can stand in for the memory one.
 */
export interface AlertHistory {
  record(alert: Alert): void;
  /** The most recently changed first; `active` leaves out ended alerts. */
  list(query: { state: AlertState; limit: number }): Alert[];
}

/**
 * History in memory, bounded: beyond `capacity` alerts the longest-ended ones are dropped. Active alerts are
 * never dropped (there is at most one per rule, region and indicator, or per source).
 */
export class MemoryAlertHistory implements AlertHistory {
  /** In order of last change, oldest first (a Map keeps insertion order; a change re-inserts). */
  private readonly alerts = new Map<string, Alert>();

  constructor(private readonly capacity: number) {}

  record(alert: Alert): void {
    this.alerts.delete(alert.id);
    this.alerts.set(alert.id, alert);
    if (this.alerts.size <= this.capacity) return;
    for (const [id, a] of this.alerts) {
      if (a.endedAt === null) continue;
      this.alerts.delete(id);
      if (this.alerts.size <= this.capacity) return;
    }
  }

  list({ state, limit }: { state: AlertState; limit: number }): Alert[] {
    const out: Alert[] = [];
    const all = [...this.alerts.values()];
    for (let i = all.length - 1; i >= 0 && out.length < limit; i--) {
      const alert = all[i] as Alert;
      if (state === 'all' || alert.endedAt === null) out.push(alert);
    }
    return out;
  }
}
