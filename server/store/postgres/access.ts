import type pg from 'pg';
import type { AuditEntry, AutomationToken, Display, Role } from '../../../shared/control';
import { type Alert, AlertSchema } from '../../../shared/protocol';
import { TOKEN_COLUMNS, tokenOf } from '../sqlite/accounts';
import { DISPLAY_COLUMNS, displayOf, entryOf } from '../sqlite/displays';
import type {
  AccountStore,
  AlertState,
  AlertStore,
  AuditRecord,
  AuditStore,
  DisplayStore,
  NewDisplay,
  SessionRecord,
  TokenStore,
  User,
  UserRecord,
} from '../types';
import { inTransaction } from './store';

/** Accounts and sessions; a name is found whatever its case, as in the embedded store. */
export class PgAccounts implements AccountStore {
  constructor(private readonly pool: pg.Pool) {}

  async findUser(name: string): Promise<UserRecord | undefined> {
    const { rows } = await this.pool.query<UserRecord>(
      'SELECT id, name, role, password_hash AS "passwordHash" FROM users WHERE lower(name) = lower($1)',
      [name],
    );
    return rows[0];
  }

  async countUsers(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::integer AS n FROM users');
    return rows[0]?.n ?? 0;
  }

  async saveUser(name: string, role: Role, passwordHash: string, at: number): Promise<User> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<User>(
        `INSERT INTO users (name, role, password_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (lower(name)) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash,
         updated_at = excluded.updated_at RETURNING id, name, role`,
        [name, role, passwordHash, at],
      );
      const user = rows[0] as User;
      await client.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
      return user;
    });
  }

  async addSession(hash: string, userId: number, at: number, expiresAt: number): Promise<void> {
    await this.pool.query(
      `WITH gone AS (DELETE FROM sessions WHERE expires_at <= $3)
       INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
      [hash, userId, at, expiresAt],
    );
  }

  async sessionByHash(hash: string, now: number): Promise<SessionRecord | null> {
    const { rows } = await this.pool.query<User & { expiresAt: number }>(
      `SELECT u.id, u.name, u.role, s.expires_at AS "expiresAt" FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [hash, now],
    );
    const row = rows[0];
    return row ? { user: { id: row.id, name: row.name, role: row.role }, expiresAt: row.expiresAt } : null;
  }

  async endSession(hash: string): Promise<void> {
    await this.pool.query('DELETE FROM sessions WHERE token_hash = $1', [hash]);
  }
}

export class PgTokens implements TokenStore {
  constructor(private readonly pool: pg.Pool) {}

  async list(): Promise<AutomationToken[]> {
    const { rows } = await this.pool.query(`SELECT ${TOKEN_COLUMNS} FROM automation_tokens ORDER BY id`);
    return rows.map(tokenOf);
  }

  async insert(name: string, tokenHash: string, at: number, by: string): Promise<AutomationToken> {
    const { rows } = await this.pool.query(
      `INSERT INTO automation_tokens (name, token_hash, created_at, created_by) VALUES ($1, $2, $3, $4)
       RETURNING ${TOKEN_COLUMNS}`,
      [name, tokenHash, at, by],
    );
    return tokenOf(rows[0]);
  }

  async use(tokenHash: string, at: number): Promise<AutomationToken | null> {
    // The token as it was before this use, as the embedded store answers.
    const { rows } = await this.pool.query(
      `WITH used AS (SELECT ${TOKEN_COLUMNS} FROM automation_tokens WHERE token_hash = $1 AND revoked_at IS NULL),
       noted AS (UPDATE automation_tokens SET last_used_at = $2 WHERE id IN (SELECT id FROM used))
       SELECT * FROM used`,
      [tokenHash, at],
    );
    return rows[0] ? tokenOf(rows[0]) : null;
  }

  async revoke(id: number, at: number): Promise<AutomationToken | null> {
    await this.pool.query('UPDATE automation_tokens SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [
      id,
      at,
    ]);
    const { rows } = await this.pool.query(`SELECT ${TOKEN_COLUMNS} FROM automation_tokens WHERE id = $1`, [id]);
    return rows[0] ? tokenOf(rows[0]) : null;
  }
}

export class PgDisplays implements DisplayStore {
  constructor(private readonly pool: pg.Pool) {}

  async list(): Promise<Display[]> {
    const { rows } = await this.pool.query(`SELECT ${DISPLAY_COLUMNS} FROM displays ORDER BY grp, id`);
    return rows.map(displayOf);
  }

  async get(id: string): Promise<Display | null> {
    const { rows } = await this.pool.query(`SELECT ${DISPLAY_COLUMNS} FROM displays WHERE id = $1`, [id]);
    return rows[0] ? displayOf(rows[0]) : null;
  }

  async byTokenHash(hash: string): Promise<Display | null> {
    const { rows } = await this.pool.query(
      `SELECT ${DISPLAY_COLUMNS} FROM displays WHERE token_hash = $1 AND revoked_at IS NULL`,
      [hash],
    );
    return rows[0] ? displayOf(rows[0]) : null;
  }

  async insert(d: NewDisplay, tokenHash: string, at: number, by: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO displays (id, name, grp, location, token_hash, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
      [d.id, d.name, d.group, d.location, tokenHash, at, by],
    );
    return rowCount === 1;
  }

  async update(id: string, f: Omit<NewDisplay, 'id'>): Promise<Display | null> {
    const { rows } = await this.pool.query(
      `UPDATE displays SET name = $2, grp = $3, location = $4 WHERE id = $1 RETURNING ${DISPLAY_COLUMNS}`,
      [id, f.name, f.group, f.location],
    );
    return rows[0] ? displayOf(rows[0]) : null;
  }

  async setToken(id: string, tokenHash: string): Promise<Display | null> {
    const { rows } = await this.pool.query(
      `UPDATE displays SET token_hash = $2, revoked_at = NULL WHERE id = $1 RETURNING ${DISPLAY_COLUMNS}`,
      [id, tokenHash],
    );
    return rows[0] ? displayOf(rows[0]) : null;
  }

  async revoke(id: string, at: number): Promise<Display | null> {
    await this.pool.query(
      'UPDATE displays SET token_hash = NULL, revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL',
      [id, at],
    );
    return this.get(id);
  }

  async remove(id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM displays WHERE id = $1', [id]);
    return rowCount === 1;
  }

  async touch(id: string, at: number): Promise<void> {
    await this.pool.query('UPDATE displays SET last_seen_at = $2 WHERE id = $1', [id, at]);
  }
}

export class PgAudit implements AuditStore {
  constructor(private readonly pool: pg.Pool) {}

  async begin(record: AuditRecord, at: number): Promise<number> {
    const { rows } = await this.pool.query<{ id: number }>(
      'INSERT INTO audit (at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [at, record.actor, record.action, record.target, JSON.stringify(record.detail)],
    );
    return (rows[0] as { id: number }).id;
  }

  async finish(id: number, result: unknown): Promise<void> {
    await this.pool.query('UPDATE audit SET result = $2 WHERE id = $1', [id, JSON.stringify(result)]);
  }

  async list(query: { limit: number; before?: number }): Promise<AuditEntry[]> {
    const { rows } = await this.pool.query(
      'SELECT id, at, actor, action, target, detail, result FROM audit WHERE id < $1 ORDER BY id DESC LIMIT $2',
      [query.before ?? Number.MAX_SAFE_INTEGER, query.limit],
    );
    return rows.map(entryOf);
  }
}

export class PgAlerts implements AlertStore {
  constructor(private readonly pool: pg.Pool) {}

  async save(alerts: readonly Alert[], capacity: number): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      for (const alert of alerts) {
        await client.query(
          `INSERT INTO alerts (id, changed, ended_at, body)
           VALUES ($1, (SELECT coalesce(max(changed), 0) + 1 FROM alerts), $2, $3)
           ON CONFLICT (id) DO UPDATE SET changed = excluded.changed, ended_at = excluded.ended_at, body = excluded.body`,
          [alert.id, alert.endedAt, JSON.stringify(alert)],
        );
      }
      await client.query(
        `DELETE FROM alerts WHERE id IN (
           SELECT id FROM alerts WHERE ended_at IS NOT NULL ORDER BY changed
           LIMIT greatest(0, (SELECT count(*) FROM alerts) - $1))`,
        [capacity],
      );
    });
  }

  async list({ state, limit }: { state: AlertState; limit: number }): Promise<Alert[]> {
    const where = state === 'active' ? 'WHERE ended_at IS NULL' : '';
    const { rows } = await this.pool.query<{ body: string }>(
      `SELECT body FROM alerts ${where} ORDER BY changed DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => AlertSchema.parse(JSON.parse(r.body)));
  }
}
