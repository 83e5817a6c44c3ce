import type pg from 'pg';
import type { RateLimitStore } from '../types';

/**
 * Rate limits in PostgreSQL: one upsert per hit, so that hits from several servers on one key count once each,
 * whatever their order. Windows that ended are deleted as hits come.
 */
export class PgRateLimits implements RateLimitStore {
  constructor(private readonly pool: pg.Pool) {}

  async hit(key: string, windowMs: number, now: number): Promise<{ hits: number; resetAt: number }> {
    await this.pool.query('DELETE FROM rate_limits WHERE reset_at <= $1 AND key <> $2', [now, key]);
    const { rows } = await this.pool.query<{ hits: number; reset_at: number }>(
      `INSERT INTO rate_limits AS r (key, hits, reset_at) VALUES ($1, 1, $2::bigint + $3::bigint)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.reset_at <= $2 THEN 1 ELSE r.hits + 1 END,
         reset_at = CASE WHEN r.reset_at <= $2 THEN $2::bigint + $3::bigint ELSE r.reset_at END
       RETURNING hits, reset_at`,
      [key, now, windowMs],
    );
    const row = rows[0] as { hits: number; reset_at: number };
    return { hits: row.hits, resetAt: row.reset_at };
  }

  async unhit(key: string): Promise<void> {
    await this.pool.query('UPDATE rate_limits SET hits = hits - 1 WHERE key = $1 AND hits > 0', [key]);
  }

  async reset(key: string): Promise<void> {
    await this.pool.query('DELETE FROM rate_limits WHERE key = $1', [key]);
  }
}
