import type pg from 'pg';
import type { ConnectorHealth } from '../../../shared/connectors';
import { storedHealth } from '../sqlite/connectors';
import type { ConnectorStore } from '../types';
import { type Fence, SeqConflictError } from './batches';

/**
 * Connector cursors and health in PostgreSQL, shared by the servers of a cluster: the writer runs the connectors
 * and saves here; a new writer resumes from the cursors; any server answers health from here. Saves are fenced like
 * commits: a paused old writer cannot move a cursor back after another server took over.
 */
export class PgConnectors implements ConnectorStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly fence: () => Fence | null,
  ) {}

  async cursor<T>(id: string): Promise<T | undefined> {
    const { rows } = await this.pool.query<{ cursor: T | null }>('SELECT cursor FROM connector_state WHERE id = $1', [
      id,
    ]);
    return rows[0]?.cursor ?? undefined;
  }

  saveCursor(id: string, cursor: unknown): Promise<void> {
    return this.save('cursor', id, cursor);
  }

  saveHealth(health: ConnectorHealth): Promise<void> {
    return this.save('health', health.id, health);
  }

  async health(): Promise<Map<string, ConnectorHealth>> {
    const { rows } = await this.pool.query<{ health: unknown }>(
      'SELECT health FROM connector_state WHERE health IS NOT NULL',
    );
    return storedHealth(rows.map((r) => r.health));
  }

  private async save(column: 'cursor' | 'health', id: string, value: unknown): Promise<void> {
    const fence = this.fence();
    const { rowCount } = await this.pool.query(
      `INSERT INTO connector_state (id, ${column}) SELECT $1, $2::jsonb
       WHERE $3::text IS NULL OR EXISTS (SELECT 1 FROM wall_lease
         WHERE id = 1 AND holder = $3 AND term = $4 AND expires_at > clock_timestamp())
       ON CONFLICT (id) DO UPDATE SET ${column} = excluded.${column}`,
      [id, JSON.stringify(value), fence?.holder ?? null, fence?.term ?? 0],
    );
    if (rowCount !== 1) throw new SeqConflictError(`connector ${id}: this server is not the writer`);
  }
}
