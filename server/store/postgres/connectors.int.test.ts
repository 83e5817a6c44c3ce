import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectorHealth } from '../../../shared/connectors';
import { Lease } from '../../cluster/lease';
import { testDatabaseUrl, testSchema } from '../../test/postgres';
import { openPostgresStore, type PostgresStore } from './store';

describe('connector state in PostgreSQL', () => {
  let store: PostgresStore | null = null;
  afterEach(async () => {
    await store?.close();
  });

  it('moves a cursor only while this server holds the writer lease under its term', async () => {
    store = await openPostgresStore({ url: testDatabaseUrl(), schema: testSchema('pg_connectors'), poolSize: 2 });
    const s = store;
    await s.batches.load();
    await s.connectors.saveCursor('dvc-portal', { since: 1 });
    // A follower, or a writer paused past its lease: refused, and the cursor stays.
    s.batches.fence = { holder: 's0', term: -1 };
    await expect(s.connectors.saveCursor('dvc-portal', { since: 0 })).rejects.toThrow('not the writer');
    const health: ConnectorHealth = {
      id: 'dvc-portal',
      kind: 'http',
      source: 'dvc',
      state: 'ok',
      schedule: { every: 60_000 },
      lastAttemptAt: 1,
      lastSuccessAt: 1,
      lastDataAt: 1,
      nextRunAt: null,
      lastError: null,
      accepted: 1,
      refused: 0,
    };
    await expect(s.connectors.saveHealth(health)).rejects.toThrow('not the writer');
    expect((await s.connectors.health()).size).toBe(0);
    expect(await s.connectors.cursor('dvc-portal')).toEqual({ since: 1 });

    const lease = new Lease(s.pool, 's0', 60_000);
    const term = (await lease.acquire()) as number;
    s.batches.fence = { holder: 's0', term };
    await s.connectors.saveCursor('dvc-portal', { since: 2 });
    expect(await s.connectors.cursor('dvc-portal')).toEqual({ since: 2 });
    // Another server took the lease since: this one's term is over.
    await lease.release(term);
    await new Lease(s.pool, 's1', 60_000).acquire();
    await expect(s.connectors.saveCursor('dvc-portal', { since: 3 })).rejects.toThrow('not the writer');
    expect(await s.connectors.cursor('dvc-portal')).toEqual({ since: 2 });
  });
});
