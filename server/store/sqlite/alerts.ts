import type { Database, Statement } from 'better-sqlite3';
import { type Alert, AlertSchema } from '../../../shared/protocol';
import type { AlertState, AlertStore } from '../types';

/** Alerts by id, each its last version as JSON, ordered by a counter of changes (two may share a millisecond). */
export class SqliteAlerts implements AlertStore {
  private readonly saveAll: (alerts: readonly Alert[], capacity: number) => void;
  private readonly selectActive: Statement<[number]>;
  private readonly selectAll: Statement<[number]>;

  constructor(db: Database) {
    const upsert = db.prepare<[string, number | null, string]>(`
      INSERT INTO alerts (id, changed, ended_at, body)
      VALUES (?, (SELECT coalesce(max(changed), 0) + 1 FROM alerts), ?, ?)
      ON CONFLICT (id) DO UPDATE SET changed = excluded.changed, ended_at = excluded.ended_at, body = excluded.body
    `);
    const prune = db.prepare<[number]>(`
      DELETE FROM alerts WHERE id IN (
        SELECT id FROM alerts WHERE ended_at IS NOT NULL ORDER BY changed
        LIMIT max(0, (SELECT count(*) FROM alerts) - ?)
      )
    `);
    this.selectActive = db.prepare('SELECT body FROM alerts WHERE ended_at IS NULL ORDER BY changed DESC LIMIT ?');
    this.selectAll = db.prepare('SELECT body FROM alerts ORDER BY changed DESC LIMIT ?');
    this.saveAll = db.transaction((alerts: readonly Alert[], capacity: number) => {
      for (const alert of alerts) upsert.run(alert.id, alert.endedAt, JSON.stringify(alert));
      prune.run(capacity);
    });
  }

  async save(alerts: readonly Alert[], capacity: number): Promise<void> {
    this.saveAll(alerts, capacity);
  }

  async list({ state, limit }: { state: AlertState; limit: number }): Promise<Alert[]> {
    const rows = (state === 'active' ? this.selectActive : this.selectAll).all(limit) as { body: string }[];
    return rows.map((r) => AlertSchema.parse(JSON.parse(r.body)));
  }
}
