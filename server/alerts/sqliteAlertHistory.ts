import type { Database, Statement } from 'better-sqlite3';
import { type Alert, AlertSchema } from '../../shared/protocol';
import type { AlertHistory, AlertState } from './alertHistory';

/**
 * Alert history in the wall's database, so that a restart keeps what was raised, when, and what operators
 * acknowledged. Bounded like the memory one: beyond `capacity` alerts the longest-ended ones are dropped; active
 * alerts are always kept.
 *
 * Changes are written together at the end of the event loop's turn, in one transaction: a batch that raises a
 * hundred alerts costs one commit, not a hundred. An alert change lost in a crash is not acknowledged data: at
 * start the engine judges the stored live state again, which raises or ends the alerts it implies.
 */
export class SqliteAlertHistory implements AlertHistory {
  private readonly pending = new Map<string, Alert>();
  private scheduled = false;
  private readonly upsert: Statement<[string, number | null, string]>;
  private readonly prune: Statement<[number]>;
  private readonly flushAll: () => void;
  private readonly selectActive: Statement<[number]>;
  private readonly selectAll: Statement<[number]>;

  constructor(
    private readonly db: Database,
    private readonly capacity: number,
    /** Told when the database refuses a write (a full or failing disk); the wall goes on either way. */
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.upsert = db.prepare(`
      INSERT INTO alerts (id, changed, ended_at, body)
      VALUES (?, (SELECT coalesce(max(changed), 0) + 1 FROM alerts), ?, ?)
      ON CONFLICT (id) DO UPDATE SET changed = excluded.changed, ended_at = excluded.ended_at, body = excluded.body
    `);
    this.prune = db.prepare(`
      DELETE FROM alerts WHERE id IN (
        SELECT id FROM alerts WHERE ended_at IS NOT NULL ORDER BY changed
        LIMIT max(0, (SELECT count(*) FROM alerts) - ?)
      )
    `);
    this.selectActive = db.prepare('SELECT body FROM alerts WHERE ended_at IS NULL ORDER BY changed DESC LIMIT ?');
    this.selectAll = db.prepare('SELECT body FROM alerts ORDER BY changed DESC LIMIT ?');
    this.flushAll = db.transaction(() => {
      for (const alert of this.pending.values()) this.upsert.run(alert.id, alert.endedAt, JSON.stringify(alert));
      this.pending.clear();
      this.prune.run(this.capacity);
    });
  }

  record(alert: Alert): void {
    // A change re-inserts, so that the pending ones are written in the order of their last change.
    this.pending.delete(alert.id);
    this.pending.set(alert.id, alert);
    // While the database refuses writes, changes wait here; bounded as the stored history is.
    if (this.pending.size > this.capacity) this.dropEndedPending();
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /** Writes the pending changes now (the server calls it before it closes the database). */
  flush(): void {
    if (this.pending.size === 0 || !this.db.open) return;
    try {
      this.flushAll();
    } catch (error) {
      // Nothing was written (one transaction); the changes stay pending and go with the next write that works.
      this.onError(error);
    }
  }

  private dropEndedPending(): void {
    for (const [id, alert] of this.pending) {
      if (this.pending.size <= this.capacity) return;
      if (alert.endedAt !== null) this.pending.delete(id);
    }
  }

  list({ state, limit }: { state: AlertState; limit: number }): Alert[] {
    this.flush();
    const rows = (state === 'active' ? this.selectActive : this.selectAll).all(limit) as { body: string }[];
    return rows.map((r) => AlertSchema.parse(JSON.parse(r.body)));
  }
}
