import type { Database } from 'better-sqlite3';
import type { RateLimitStore } from '../types';

/** Rate limits in the embedded file: the same upsert as PostgreSQL's, so that a restart keeps the counts too. */
export class SqliteRateLimits implements RateLimitStore {
  private readonly expire;
  private readonly upsert;
  private readonly takeBack;
  private readonly forget;

  constructor(db: Database) {
    this.expire = db.prepare('DELETE FROM rate_limits WHERE reset_at <= ? AND key <> ?');
    this.upsert = db.prepare<[{ key: string; now: number; windowMs: number }], { hits: number; reset_at: number }>(
      `INSERT INTO rate_limits AS r (key, hits, reset_at) VALUES (@key, 1, @now + @windowMs)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.reset_at <= @now THEN 1 ELSE r.hits + 1 END,
         reset_at = CASE WHEN r.reset_at <= @now THEN @now + @windowMs ELSE r.reset_at END
       RETURNING hits, reset_at`,
    );
    this.takeBack = db.prepare('UPDATE rate_limits SET hits = hits - 1 WHERE key = ? AND hits > 0');
    this.forget = db.prepare('DELETE FROM rate_limits WHERE key = ?');
  }

  async hit(key: string, windowMs: number, now: number): Promise<{ hits: number; resetAt: number }> {
    this.expire.run(now, key);
    const row = this.upsert.get({ key, now, windowMs }) as { hits: number; reset_at: number };
    return { hits: row.hits, resetAt: row.reset_at };
  }

  async unhit(key: string): Promise<void> {
    this.takeBack.run(key);
  }

  async reset(key: string): Promise<void> {
    this.forget.run(key);
  }
}
