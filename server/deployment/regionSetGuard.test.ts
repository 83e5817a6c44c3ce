import { describe, expect, it } from 'vitest';
import { createRegionSet, regionSet } from '../../shared/regions';
import { SqliteStore } from '../store/sqlite/store';
import { guardRegionSet, RegionSetMismatchError } from './regionSetGuard';

const reading = (region: string) => ({ region, indicator: 'online-record-rate', value: 1, at: 0, source: 's' });

describe('guardRegionSet', () => {
  it('records the region set on the first start and lets the same set start again', async () => {
    const store = new SqliteStore({ dataDir: ':memory:', synchronous: 'normal' });
    await guardRegionSet(store.regionSet, regionSet, [], 'set-a', ':memory:');
    expect(await store.regionSet.get()).toBe('set-a');
    await expect(guardRegionSet(store.regionSet, regionSet, [], 'set-a', ':memory:')).resolves.toBeUndefined();
    await store.close();
  });

  it('refuses another set on a data directory that holds one, naming both and the way out', async () => {
    const store = new SqliteStore({ dataDir: ':memory:', synchronous: 'normal' });
    await store.regionSet.record('set-a');
    const refused = guardRegionSet(store.regionSet, regionSet, [], 'set-b', '/var/lib/wall');
    await expect(refused).rejects.toThrow(RegionSetMismatchError);
    await expect(refused).rejects.toThrow(
      /\/var\/lib\/wall holds the history of region set set-a, not .* set-b.*DATA_DIR/,
    );
    expect(await store.regionSet.get()).toBe('set-a');
    await store.close();
  });

  it('refuses a directory from before the mark whose figures name units the set does not have', async () => {
    const store = new SqliteStore({ dataDir: ':memory:', synchronous: 'normal' });
    const three = createRegionSet({
      ...regionSet.data,
      id: 'three',
      units: regionSet.data.units.slice(0, 3),
    });
    const held = [reading(regionSet.data.units[0]?.code ?? ''), reading(regionSet.data.units[5]?.code ?? '')];
    await expect(guardRegionSet(store.regionSet, three, held, 'three', ':memory:')).rejects.toThrow(/unit \d+/);
    expect(await store.regionSet.get()).toBeUndefined();
    await guardRegionSet(store.regionSet, regionSet, held, 'all', ':memory:');
    expect(await store.regionSet.get()).toBe('all');
    await store.close();
  });
});
