import type pg from 'pg';

/**
 * The writer's lease in PostgreSQL, timed by PostgreSQL's clock (never the servers'): one holder at a time, and a
 * term that grows by one each time the lease changes hands. A holder renews it well before it ends; another
 * server takes it only once it has ended.
 */
export class Lease {
  constructor(
    private readonly pool: pg.Pool,
    readonly holder: string,
    private readonly ttlMs: number,
  ) {}

  /** Takes the lease if it is free or ended; resolves with the new term, or null when another server holds it. */
  async acquire(): Promise<number | null> {
    const { rows } = await this.pool.query<{ term: number }>(
      `UPDATE wall_lease SET holder = $1, term = term + 1, expires_at = clock_timestamp() + $2 * interval '1 ms'
       WHERE id = 1 AND (expires_at <= clock_timestamp() OR holder IS NULL) RETURNING term`,
      [this.holder, this.ttlMs],
    );
    return rows[0]?.term ?? null;
  }

  /** Extends the lease under `term`; false when it was lost (ended and taken, or ended). */
  async renew(term: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE wall_lease SET expires_at = clock_timestamp() + $3 * interval '1 ms'
       WHERE id = 1 AND holder = $1 AND term = $2 AND expires_at > clock_timestamp()`,
      [this.holder, term, this.ttlMs],
    );
    return rowCount === 1;
  }

  /** Gives the lease up at a clean stop, so that another server takes over at once rather than after the TTL. */
  async release(term: number): Promise<void> {
    await this.pool.query("UPDATE wall_lease SET expires_at = '-infinity' WHERE id = 1 AND holder = $1 AND term = $2", [
      this.holder,
      term,
    ]);
  }

  async current(): Promise<{ holder: string | null; term: number }> {
    const { rows } = await this.pool.query<{ holder: string | null; term: number }>(
      'SELECT holder, term FROM wall_lease WHERE id = 1 AND expires_at > clock_timestamp() UNION ALL SELECT NULL, term FROM wall_lease WHERE id = 1 AND expires_at <= clock_timestamp()',
    );
    return rows[0] ?? { holder: null, term: 0 };
  }
}
