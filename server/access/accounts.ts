import type { Role } from '../../shared/control';
import type { Clock } from '../clock';
import type { AccountStore, User } from '../store/types';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import { newToken, tokenHash } from './secrets';

export type { User } from '../store/types';

export interface Session {
  user: User;
  /** The hash of the session's token: how the server names a session without holding its secret. */
  hash: string;
  expiresAt: number;
}

/**
 * Operator and admin accounts and their sessions. Nothing is cached: every check reads the database, so an
 * account changed by `npm run user:add` next to a running server (or on another server) takes effect at once.
 */
export class Accounts {
  constructor(
    private readonly store: AccountStore,
    private readonly clock: Clock,
    private readonly sessionTtlMs: number,
  ) {}

  /** Adds an account, or with `replace` gives an existing one a new password and role and ends its sessions. */
  async addUser(name: string, role: Role, password: string, options: { replace?: boolean } = {}): Promise<User> {
    const hash = await hashPassword(password);
    const existing = await this.store.findUser(name);
    if (existing && !options.replace) throw new Error(`an account named ${name} exists (--replace to reset it)`);
    return this.store.saveUser(name, role, hash, this.clock.now());
  }

  /** How many accounts there are (none on a new deployment). */
  count(): Promise<number> {
    return this.store.countUsers();
  }

  /** The account when the name and password match; null otherwise, in about the same time either way. */
  async verifyLogin(name: string, password: string): Promise<User | null> {
    const row = await this.store.findUser(name);
    const ok = await verifyPassword(password, row?.passwordHash ?? (await decoyHash()));
    return row && ok ? { id: row.id, name: row.name, role: row.role } : null;
  }

  /** Opens a session; the token goes to the browser (a cookie), the database keeps its hash. */
  async startSession(user: User): Promise<{ token: string; session: Session }> {
    const now = this.clock.now();
    const token = newToken('iocs');
    const expiresAt = now + this.sessionTtlMs;
    const hash = tokenHash(token);
    // Expired sessions go whenever someone signs in: the table holds the live ones and a few more.
    await this.store.addSession(hash, user.id, now, expiresAt);
    return { token, session: { user, hash, expiresAt } };
  }

  /** The live session a token opens, or null (unknown, ended or expired). */
  session(token: string): Promise<Session | null> {
    return this.sessionByHash(tokenHash(token));
  }

  async sessionByHash(hash: string): Promise<Session | null> {
    const found = await this.store.sessionByHash(hash, this.clock.now());
    return found ? { ...found, hash } : null;
  }

  endSession(hash: string): Promise<void> {
    return this.store.endSession(hash);
  }
}
