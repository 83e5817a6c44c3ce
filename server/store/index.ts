import type { StorageConfig } from '../ingestConfig';
import { SqliteStore } from './sqlite/store';
import type { WallStore } from './types';

export type { WallStore } from './types';

/**
 * Opens the store the settings name: the embedded SQLite file in `dataDir` (the default, nothing to install), or
 * PostgreSQL at `databaseUrl`, which several servers share. The PostgreSQL driver is loaded only when asked for,
 * so the embedded mode never loads it.
 */
export async function openStore(storage: StorageConfig, dataDir: string): Promise<WallStore> {
  if (storage.kind === 'postgres') {
    const { openPostgresStore } = await import('./postgres/store');
    return openPostgresStore({ url: storage.databaseUrl ?? '' });
  }
  return new SqliteStore({ dataDir, synchronous: storage.synchronous });
}
