import type { StorageConfig } from '../ingestConfig';
import { SqliteStore } from './sqlite/store';
import type { WallStore } from './types';

export type { WallStore } from './types';

/**
 * Opens the store the settings name: the embedded SQLite file in `dataDir` (the default, nothing to install), or
 * PostgreSQL at `databaseUrl`, which several servers share.
 */
export async function openStore(storage: StorageConfig, dataDir: string): Promise<WallStore> {
  if (storage.kind === 'postgres') throw new Error('STORE=postgres: this build has the embedded store only');
  return new SqliteStore({ dataDir, synchronous: storage.synchronous });
}
