import path from 'node:path';
import Database from 'better-sqlite3';
import { type ConnectorHealth, ConnectorHealthSchema } from '../../../shared/connectors';
import type { ConnectorStore } from '../types';

/** The connectors' file beside the wall's database: written by every pull, it never holds up the ingest path. */
export const CONNECTORS_FILE = 'connectors.sqlite';

/**
 * The embedded store's connector state, in its own SQLite file in the data directory (`connectors.sqlite`, as
 * before it was part of the store, so the cursors of an existing data directory carry on). The file is opened on
 * first use: a wall without connectors never creates it.
 */
export class SqliteConnectors implements ConnectorStore {
  private db: Database.Database | null = null;

  /** `dataDir` is a directory, or `:memory:`. */
  constructor(private readonly dataDir: string) {}

  private open(): Database.Database {
    if (this.db) return this.db;
    const db = new Database(this.dataDir === ':memory:' ? ':memory:' : path.join(this.dataDir, CONNECTORS_FILE));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE IF NOT EXISTS connector_state (id TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS connector_health (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT;`);
    this.db = db;
    return db;
  }

  async cursor<T>(id: string): Promise<T | undefined> {
    const row = this.open()
      .prepare<[string], { value: string }>('SELECT value FROM connector_state WHERE id = ?')
      .get(id);
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  async saveCursor(id: string, cursor: unknown): Promise<void> {
    this.open()
      .prepare(
        'INSERT INTO connector_state (id, value) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value',
      )
      .run(id, JSON.stringify(cursor));
  }

  async saveHealth(health: ConnectorHealth): Promise<void> {
    this.open()
      .prepare(
        'INSERT INTO connector_health (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body',
      )
      .run(health.id, JSON.stringify(health));
  }

  async health(): Promise<Map<string, ConnectorHealth>> {
    const rows = this.open().prepare<[], { body: string }>('SELECT body FROM connector_health').all();
    return storedHealth(rows.map((r) => JSON.parse(r.body)));
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}

/** Stored health by id; a row another release wrote in another shape is left out rather than served. */
export function storedHealth(bodies: readonly unknown[]): Map<string, ConnectorHealth> {
  const out = new Map<string, ConnectorHealth>();
  for (const body of bodies) {
    const parsed = ConnectorHealthSchema.safeParse(body);
    if (parsed.success) out.set(parsed.data.id, parsed.data);
  }
  return out;
}
