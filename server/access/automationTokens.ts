import type { Database } from 'better-sqlite3';
import type { AutomationToken } from '../../shared/control';
import type { Clock } from '../clock';
import { newToken, tokenHash } from './secrets';

interface TokenRow {
  id: number;
  name: string;
  created_at: number;
  created_by: string;
  last_used_at: number | null;
  revoked_at: number | null;
}

const tokenOf = (row: TokenRow): AutomationToken => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  createdBy: row.created_by,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

const COLUMNS = 'id, name, created_at, created_by, last_used_at, revoked_at';

/** Tokens an admin issues for scripts and other systems (a meeting-room schedule, a home automation): operator rights. */
export class AutomationTokens {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  list(): AutomationToken[] {
    return (this.db.prepare(`SELECT ${COLUMNS} FROM automation_tokens ORDER BY id`).all() as TokenRow[]).map(tokenOf);
  }

  create(name: string, by: string): { token: AutomationToken; secret: string } {
    const secret = newToken('ioca');
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO automation_tokens (name, token_hash, created_at, created_by) VALUES (?, ?, ?, ?)')
      .run(name, tokenHash(secret), this.clock.now(), by);
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM automation_tokens WHERE id = ?`).get(lastInsertRowid);
    return { token: tokenOf(row as TokenRow), secret };
  }

  /** The live token a secret is, noting its use; null for an unknown or revoked one. */
  use(secret: string): AutomationToken | null {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM automation_tokens WHERE token_hash = ? AND revoked_at IS NULL`)
      .get(tokenHash(secret)) as TokenRow | undefined;
    if (!row) return null;
    this.db.prepare('UPDATE automation_tokens SET last_used_at = ? WHERE id = ?').run(this.clock.now(), row.id);
    return tokenOf(row);
  }

  revoke(id: number): AutomationToken | null {
    this.db
      .prepare('UPDATE automation_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(this.clock.now(), id);
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM automation_tokens WHERE id = ?`).get(id);
    return row ? tokenOf(row as TokenRow) : null;
  }
}
