import type { Alert } from '../../shared/protocol';
import type { AlertStore } from '../store/types';
import { type AlertHistory, type AlertState, MemoryAlertHistory } from './alertHistory';

/**
 * Alert history kept in the wall's database, so that a restart keeps what was raised, when, and what operators
 * acknowledged; read from memory (loaded at start), so that a listing never waits for the database.
 *
 * Changes are written together at the end of the event loop's turn, in one transaction: a batch that raises a
 * hundred alerts costs one commit, not a hundred. An alert change lost in a crash is not acknowledged data: at
 * start the engine judges the stored live state again, which raises or ends the alerts it implies.
 */
export class StoredAlertHistory implements AlertHistory {
  private readonly memory: MemoryAlertHistory;
  private readonly pending = new Map<string, Alert>();
  private scheduled = false;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly store: AlertStore,
    private readonly capacity: number,
    /** Told when the database refuses a write (a full or failing disk); the wall goes on either way. */
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.memory = new MemoryAlertHistory(capacity);
  }

  /** Reads what the database holds into memory; call once before the engine starts. */
  async load(): Promise<void> {
    const stored = await this.store.list({ state: 'all', limit: this.capacity });
    for (const alert of stored.reverse()) this.memory.record(alert);
  }

  record(alert: Alert): void {
    this.memory.record(alert);
    // A change re-inserts, so that the pending ones are written in the order of their last change.
    this.pending.delete(alert.id);
    this.pending.set(alert.id, alert);
    // While the database refuses writes, changes wait here; bounded as the stored history is.
    if (this.pending.size > this.capacity) this.dropEndedPending();
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  /** Writes the pending changes now (the server calls it before it closes the database). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.pending.size === 0) return;
    const alerts = [...this.pending.values()];
    this.pending.clear();
    this.writing = this.store.save(alerts, this.capacity).then(
      () => undefined,
      (error: unknown) => {
        // Nothing was written (one transaction); the changes go with the next write that works, unless newer.
        for (const alert of alerts) if (!this.pending.has(alert.id)) this.pending.set(alert.id, alert);
        this.onError(error);
      },
    );
    try {
      await this.writing;
    } finally {
      this.writing = null;
    }
  }

  private dropEndedPending(): void {
    for (const [id, alert] of this.pending) {
      if (this.pending.size <= this.capacity) return;
      if (alert.endedAt !== null) this.pending.delete(id);
    }
  }

  list(query: { state: AlertState; limit: number }): Alert[] {
    return this.memory.list(query);
  }
}
