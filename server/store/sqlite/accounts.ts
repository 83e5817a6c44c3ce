import type { Database } from 'better-sqlite3';
import type { AutomationToken, Role } from '../../../shared/control';
import type { AccountStore, SessionRecord, TokenStore, User, UserRecord } from '../types';

/** Operator and admin accounts and their sessions (a session is stored as its token's hash). */
export class SqliteAccounts implements AccountStore {
  constructor(private readonly db: Database) {}

  async findUser(name: string): Promise<UserRecord | undefined> {
    return this.db
      .prepare('SELECT id, name, role, password_hash AS passwordHash FROM users WHERE name = ?')
      .get(name) as UserRecord | undefined;
  }

  async countUsers(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  async saveUser(name: string, role: Role, passwordHash: string, at: number): Promise<User> {
    this.db.transaction(() => {
      const existing = this.db.prepare('SELECT id FROM users WHERE name = ?').get(name) as { id: number } | undefined;
      if (existing) {
        this.db
          .prepare('UPDATE users SET role = ?, password_hash = ?, updated_at = ? WHERE id = ?')
          .run(role, passwordHash, at, existing.id);
        this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(existing.id);
      } else {
        this.db
          .prepare('INSERT INTO users (name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(name, role, passwordHash, at, at);
      }
    })();
    return this.db.prepare('SELECT id, name, role FROM users WHERE name = ?').get(name) as User;
  }

  async addSession(hash: string, userId: number, at: number, expiresAt: number): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(at);
      this.db
        .prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
        .run(hash, userId, at, expiresAt);
    })();
  }

  async sessionByHash(hash: string, now: number): Promise<SessionRecord | null> {
    const row = this.db
      .prepare(
        `SELECT u.id, u.name, u.role, s.expires_at AS expiresAt FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = ? AND s.expires_at > ?`,
      )
      .get(hash, now) as (User & { expiresAt: number }) | undefined;
    return row ? { user: { id: row.id, name: row.name, role: row.role }, expiresAt: row.expiresAt } : null;
  }

  async endSession(hash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hash);
  }
}

interface TokenRow {
  id: number;
  name: string;
  created_at: number;
  created_by: string;
  last_used_at: number | null;
  revoked_at: number | null;
}

export const tokenOf = (row: TokenRow): AutomationToken => ({
  id: Number(row.id),
  name: row.name,
  createdAt: Number(row.created_at),
  createdBy: row.created_by,
  lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
  revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
});

export const TOKEN_COLUMNS = 'id, name, created_at, created_by, last_used_at, revoked_at';

/** Automation tokens, stored as hashes. */
export class SqliteTokens implements TokenStore {
  constructor(private readonly db: Database) {}

  async list(): Promise<AutomationToken[]> {
    return (this.db.prepare(`SELECT ${TOKEN_COLUMNS} FROM automation_tokens ORDER BY id`).all() as TokenRow[]).map(
      tokenOf,
    );
  }

  async insert(name: string, tokenHash: string, at: number, by: string): Promise<AutomationToken> {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO automation_tokens (name, token_hash, created_at, created_by) VALUES (?, ?, ?, ?)')
      .run(name, tokenHash, at, by);
    return tokenOf(this.row(Number(lastInsertRowid)) as TokenRow);
  }

  async use(tokenHash: string, at: number): Promise<AutomationToken | null> {
    const row = this.db
      .prepare(`SELECT ${TOKEN_COLUMNS} FROM automation_tokens WHERE token_hash = ? AND revoked_at IS NULL`)
      .get(tokenHash) as TokenRow | undefined;
    if (!row) return null;
    this.db.prepare('UPDATE automation_tokens SET last_used_at = ? WHERE id = ?').run(at, row.id);
    return tokenOf(row);
  }

  async revoke(id: number, at: number): Promise<AutomationToken | null> {
    this.db.prepare('UPDATE automation_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id);
    const row = this.row(id);
    return row ? tokenOf(row) : null;
  }

  private row(id: number): TokenRow | undefined {
    return this.db.prepare(`SELECT ${TOKEN_COLUMNS} FROM automation_tokens WHERE id = ?`).get(id) as
      | TokenRow
      | undefined;
  }
}
