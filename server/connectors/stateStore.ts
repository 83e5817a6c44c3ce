import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Where connectors keep what must outlive a restart (a pull's last seen time, the source's ETag, an answer not yet
 * known to be committed), by connector id. Values are JSON.
 */
export interface ConnectorStateStore {
  get<T>(id: string): T | undefined;
  set(id: string, value: unknown): void;
  close(): void;
}

/** The store in its own SQLite file next to the wall's database, so that it never holds up the ingest path. */
export class SqliteConnectorStateStore implements ConnectorStateStore {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string], { value: string }>;
  private readonly upsert: Database.Statement<[string, string]>;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec('CREATE TABLE IF NOT EXISTS connector_state (id TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT');
    this.select = this.db.prepare('SELECT value FROM connector_state WHERE id = ?');
    this.upsert = this.db.prepare(
      'INSERT INTO connector_state (id, value) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET value = excluded.value',
    );
  }

  static inDataDir(dataDir: string): SqliteConnectorStateStore {
    return new SqliteConnectorStateStore(path.join(dataDir, 'connectors.sqlite'));
  }

  get<T>(id: string): T | undefined {
    const row = this.select.get(id);
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  set(id: string, value: unknown): void {
    this.upsert.run(id, JSON.stringify(value));
  }

  close(): void {
    this.db.close();
  }
}

/** In memory, for tests of the pull logic. */
export class MemoryConnectorStateStore implements ConnectorStateStore {
  private readonly values = new Map<string, string>();
  get<T>(id: string): T | undefined {
    const value = this.values.get(id);
    return value === undefined ? undefined : (JSON.parse(value) as T);
  }
  set(id: string, value: unknown): void {
    this.values.set(id, JSON.stringify(value));
  }
  close(): void {}
}
