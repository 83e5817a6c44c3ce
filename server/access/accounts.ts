import type { Database } from 'better-sqlite3';
import type { Role } from '../../shared/control';
import type { Clock } from '../clock';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { newToken, tokenHash } from './secrets';

export interface User {
  id: number;
  name: string;
  role: Role;
}

export interface Session {
  user: User;
  /** The hash of the session's token: how the server names a session without holding its secret. */
  hash: string;
  expiresAt: number;
}

interface UserRow extends User {
  password_hash: string;
}

/**
 * Operator and admin accounts and their sessions. Nothing is cached: every check reads the database, so an
 * account changed by `npm run user:add` next to a running server takes effect at once.
 */
export class Accounts {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly sessionTtlMs: number,
  ) {}

  /** Adds an account, or with `replace` gives an existing one a new password and role and ends its sessions. */
  async addUser(name: string, role: Role, password: string, options: { replace?: boolean } = {}): Promise<User> {
    const hash = await hashPassword(password);
    const now = this.clock.now();
    const existing = this.db.prepare('SELECT id FROM users WHERE name = ?').get(name) as { id: number } | undefined;
    if (existing && !options.replace) throw new Error(`an account named ${name} exists (--replace to reset it)`);
    this.db.transaction(() => {
      if (existing) {
        this.db
          .prepare('UPDATE users SET role = ?, password_hash = ?, updated_at = ? WHERE id = ?')
          .run(role, hash, now, existing.id);
        this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(existing.id);
      } else {
        this.db
          .prepare('INSERT INTO users (name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
          .run(name, role, hash, now, now);
      }
    })();
    return this.db.prepare('SELECT id, name, role FROM users WHERE name = ?').get(name) as User;
  }

  /** How many accounts there are (none on a new deployment). */
  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  /** The account when the name and password match; null otherwise, in about the same time either way. */
  async verifyLogin(name: string, password: string): Promise<User | null> {
    const row = this.db.prepare('SELECT id, name, role, password_hash FROM users WHERE name = ?').get(name) as
      | UserRow
      | undefined;
    const ok = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
    return row && ok ? { id: row.id, name: row.name, role: row.role } : null;
  }

  /** Opens a session; the token goes to the browser (a cookie), the database keeps its hash. */
  startSession(user: User): { token: string; session: Session } {
    const now = this.clock.now();
    const token = newToken('iocs');
    const expiresAt = now + this.sessionTtlMs;
    const hash = tokenHash(token);
    this.db.transaction(() => {
      // Expired sessions go whenever someone signs in: the table holds the live ones and a few more.
      this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
      this.db
        .prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
        .run(hash, user.id, now, expiresAt);
    })();
    return { token, session: { user, hash, expiresAt } };
  }

  /** The live session a token opens, or null (unknown, ended or expired). */
  session(token: string): Session | null {
    return this.sessionByHash(tokenHash(token));
  }

  sessionByHash(hash: string): Session | null {
    const row = this.db
      .prepare(
        `SELECT u.id, u.name, u.role, s.expires_at AS expiresAt FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = ? AND s.expires_at > ?`,
      )
      .get(hash, this.clock.now()) as (User & { expiresAt: number }) | undefined;
    return row ? { user: { id: row.id, name: row.name, role: row.role }, hash, expiresAt: row.expiresAt } : null;
  }

  endSession(hash: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hash);
  }
}
