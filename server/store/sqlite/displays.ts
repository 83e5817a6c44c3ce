import type { Database } from 'better-sqlite3';
import type { AuditEntry, Display } from '../../../shared/control';
import type { AuditRecord, AuditStore, DisplayStore, NewDisplay } from '../types';

export interface DisplayRow {
  id: string;
  name: string;
  grp: string;
  location: string;
  created_at: number;
  created_by: string;
  revoked_at: number | null;
  last_seen_at: number | null;
}

export const DISPLAY_COLUMNS = 'id, name, grp, location, created_at, created_by, revoked_at, last_seen_at';

export const displayOf = (row: DisplayRow): Display => ({
  id: row.id,
  name: row.name,
  group: row.grp,
  location: row.location,
  createdAt: Number(row.created_at),
  createdBy: row.created_by,
  revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  lastSeenAt: row.last_seen_at === null ? null : Number(row.last_seen_at),
});

/** Registered displays; a display's token_hash is NULL once revoked. */
export class SqliteDisplays implements DisplayStore {
  constructor(private readonly db: Database) {}

  async list(): Promise<Display[]> {
    return (this.db.prepare(`SELECT ${DISPLAY_COLUMNS} FROM displays ORDER BY grp, id`).all() as DisplayRow[]).map(
      displayOf,
    );
  }

  async get(id: string): Promise<Display | null> {
    return this.one(id);
  }

  async byTokenHash(hash: string): Promise<Display | null> {
    const row = this.db
      .prepare(`SELECT ${DISPLAY_COLUMNS} FROM displays WHERE token_hash = ? AND revoked_at IS NULL`)
      .get(hash) as DisplayRow | undefined;
    return row ? displayOf(row) : null;
  }

  async insert(d: NewDisplay, tokenHash: string, at: number, by: string): Promise<boolean> {
    const { changes } = this.db
      .prepare(
        `INSERT INTO displays (id, name, grp, location, token_hash, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      )
      .run(d.id, d.name, d.group, d.location, tokenHash, at, by);
    return changes > 0;
  }

  async update(id: string, f: Omit<NewDisplay, 'id'>): Promise<Display | null> {
    this.db
      .prepare('UPDATE displays SET name = ?, grp = ?, location = ? WHERE id = ?')
      .run(f.name, f.group, f.location, id);
    return this.one(id);
  }

  async setToken(id: string, tokenHash: string): Promise<Display | null> {
    this.db.prepare('UPDATE displays SET token_hash = ?, revoked_at = NULL WHERE id = ?').run(tokenHash, id);
    return this.one(id);
  }

  async revoke(id: string, at: number): Promise<Display | null> {
    this.db
      .prepare('UPDATE displays SET token_hash = NULL, revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(at, id);
    return this.one(id);
  }

  async remove(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM displays WHERE id = ?').run(id).changes > 0;
  }

  async touch(id: string, at: number): Promise<void> {
    this.db.prepare('UPDATE displays SET last_seen_at = ? WHERE id = ?').run(at, id);
  }

  private one(id: string): Display | null {
    const row = this.db.prepare(`SELECT ${DISPLAY_COLUMNS} FROM displays WHERE id = ?`).get(id) as
      | DisplayRow
      | undefined;
    return row ? displayOf(row) : null;
  }
}

export interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string;
  detail: string;
  result: string | null;
}

export const entryOf = (row: AuditRow): AuditEntry => ({
  id: Number(row.id),
  at: Number(row.at),
  actor: row.actor,
  action: row.action,
  target: row.target,
  detail: JSON.parse(row.detail) as unknown,
  result: row.result === null ? null : (JSON.parse(row.result) as unknown),
});

/** The audit log: detail and result are JSON; result is NULL while a command is still out. */
export class SqliteAudit implements AuditStore {
  constructor(private readonly db: Database) {}

  async begin(record: AuditRecord, at: number): Promise<number> {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)')
      .run(at, record.actor, record.action, record.target, JSON.stringify(record.detail));
    return Number(lastInsertRowid);
  }

  async finish(id: number, result: unknown): Promise<void> {
    this.db.prepare('UPDATE audit SET result = ? WHERE id = ?').run(JSON.stringify(result), id);
  }

  async list(query: { limit: number; before?: number }): Promise<AuditEntry[]> {
    const rows = this.db
      .prepare('SELECT id, at, actor, action, target, detail, result FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?')
      .all(query.before ?? Number.MAX_SAFE_INTEGER, query.limit) as AuditRow[];
    return rows.map(entryOf);
  }
}
