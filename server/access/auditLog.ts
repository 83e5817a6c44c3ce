import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '../../shared/control';
import type { Clock } from '../clock';

export interface AuditRecord {
  actor: string;
  action: string;
  target: string;
  detail: unknown;
}

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string;
  detail: string;
  result: string | null;
}

const entryOf = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  actor: row.actor,
  action: row.action,
  target: row.target,
  detail: JSON.parse(row.detail) as unknown,
  result: row.result === null ? null : (JSON.parse(row.result) as unknown),
});

/**
 * Who did what to which screens, and how it went, in the database. A command is written when it goes out and
 * completed with its outcome when every screen has answered, so a command is on record even if the server stops
 * in between. Never holds a secret: a token issued is recorded as issued, not by its value.
 */
export class AuditLog {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Writes an action whose outcome is not known yet; returns its id for `finish`. */
  begin(record: AuditRecord, at = this.clock.now()): number {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)')
      .run(at, record.actor, record.action, record.target, JSON.stringify(record.detail));
    return Number(lastInsertRowid);
  }

  finish(id: number, result: unknown): void {
    this.db.prepare('UPDATE audit SET result = ? WHERE id = ?').run(JSON.stringify(result), id);
  }

  /** Writes an action that is done already (an administrative change). */
  record(record: AuditRecord, result: unknown = 'ok'): number {
    const id = this.begin(record);
    this.finish(id, result);
    return id;
  }

  /** The most recent entries first; `before` pages back by id. */
  list(query: { limit: number; before?: number }): AuditEntry[] {
    const rows = this.db
      .prepare('SELECT id, at, actor, action, target, detail, result FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?')
      .all(query.before ?? Number.MAX_SAFE_INTEGER, query.limit) as AuditRow[];
    return rows.map(entryOf);
  }
}
