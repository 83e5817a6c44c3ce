import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/store';
import { testAlert as alert } from '../test/alertFixture';
import { type AlertHistory, MemoryAlertHistory } from './alertHistory';
import { StoredAlertHistory } from './storedAlertHistory';

const stores: SqliteStore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) void s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function openStore(dataDir = ':memory:'): SqliteStore {
  const store = new SqliteStore({ dataDir, synchronous: 'full' });
  stores.push(store);
  return store;
}

const kinds: [string, (capacity: number) => AlertHistory][] = [
  ['MemoryAlertHistory', (capacity) => new MemoryAlertHistory(capacity)],
  ['StoredAlertHistory', (capacity) => new StoredAlertHistory(openStore().alerts, capacity)],
];

describe.each(kinds)('%s', (_name, make) => {
  it('drops the longest-ended alerts beyond its capacity, never an active one', () => {
    const history = make(3);
    history.record(alert('active', null));
    history.record(alert('a', 1));
    history.record(alert('b', 2));
    history.record(alert('c', 3));
    history.record(alert('d', 4));
    expect(history.list({ state: 'all', limit: 10 }).map((a) => a.id)).toEqual(['d', 'c', 'active']);
  });

  it('lists the most recently changed first, up to the limit, each alert as last changed', () => {
    const history = make(10);
    history.record(alert('a', null));
    history.record(alert('b', null));
    history.record({ ...alert('a', null), acknowledged: true });
    expect(history.list({ state: 'active', limit: 1 })).toEqual([{ ...alert('a', null), acknowledged: true }]);
    history.record(alert('b', 5));
    expect(history.list({ state: 'active', limit: 10 }).map((a) => a.id)).toEqual(['a']);
    expect(history.list({ state: 'all', limit: 10 }).map((a) => a.id)).toEqual(['b', 'a']);
  });
});

describe('StoredAlertHistory on SQLite', () => {
  it('keeps alerts and their acknowledgement across a reopening of the database', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-alerts-'));
    dirs.push(dir);
    const first = openStore(dir);
    const history = new StoredAlertHistory(first.alerts, 10);
    history.record(alert('ended', 7));
    history.record({ ...alert('seen', null), acknowledged: true });
    // Written at the end of this turn of the event loop, without a read to force it.
    await new Promise((resolve) => setImmediate(resolve));
    await first.close();
    stores.splice(stores.indexOf(first), 1);

    const again = new StoredAlertHistory(openStore(dir).alerts, 10);
    await again.load();
    expect(again.list({ state: 'all', limit: 10 })).toEqual([
      { ...alert('seen', null), acknowledged: true },
      alert('ended', 7),
    ]);
  });

  it('keeps going when the database refuses writes, and stores the changes once it takes them again', async () => {
    const store = openStore();
    const errors: unknown[] = [];
    const history = new StoredAlertHistory(store.alerts, 10, (error) => errors.push(error));
    store.db.pragma('query_only = ON');
    history.record(alert('a', null));
    await history.flush();
    expect(errors).toHaveLength(1);
    store.db.pragma('query_only = OFF');
    history.record(alert('b', null));
    await history.flush();
    expect(history.list({ state: 'all', limit: 10 }).map((a) => a.id)).toEqual(['b', 'a']);
    const stored = await store.alerts.list({ state: 'all', limit: 10 });
    expect(stored.map((a) => a.id)).toEqual(['b', 'a']);
  });
});
