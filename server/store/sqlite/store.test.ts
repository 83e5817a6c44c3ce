import { describe, expect, it } from 'vitest';
import { regionSet } from '../../../shared/regions';
import { makeLocalCalendar } from '../../../shared/time';
import type { Observation } from '../../domain/observation';
import { LiveState } from '../../state/liveState';
import { HOUR_MS, MINUTE_MS, type RetentionOptions } from '../types';
import { openMemoryStore, type SqliteStore } from './store';

const calendar = makeLocalCalendar('Asia/Ho_Chi_Minh');
const DAY = 86_400_000;
const T = Date.UTC(2024, 0, 19, 3, 0); // 10:00 in Vinh

/** Validated observations through the same draft and commit the ingest path uses. */
async function ingest(store: SqliteStore, state: LiveState, observations: Observation[], receivedAt = T) {
  const batch = state.draft().prepare('test', observations);
  await store.batches.commit([batch], { receivedAt });
  state.commit([batch]);
  return batch;
}

const fresh = async () => {
  const store = openMemoryStore();
  const state = new LiveState({ regions: regionSet, calendar, ...(await store.batches.load()) });
  return { store, state, history: (w: Parameters<SqliteStore['history']['read']>[0]) => store.history.read(w) };
};
const records = (region: string, at: number, value: number): Observation => ({
  region,
  indicator: 'records-today-online',
  at,
  value,
});
const window = (region: string, from: number, to: number, stepMs = MINUTE_MS) => ({
  region,
  indicator: 'records-today-online',
  from,
  to,
  stepMs,
  alignMs: 0,
});

describe('Store', () => {
  it('gives a new database an epoch and seq 0, and keeps them', async () => {
    const store = openMemoryStore();
    const first = await store.batches.load();
    expect(first).toMatchObject({ seq: 0, readings: [] });
    expect(first.epoch).toMatch(/^[0-9a-f-]{36}$/);
    expect((await store.batches.load()).epoch).toBe(first.epoch);
  });

  it('loads exactly the live state it committed: units, derived rates and roll-ups, with seq', async () => {
    const { store, state } = await fresh();
    await ingest(store, state, [
      { region: '417', indicator: 'online-record-rate', at: T, num: 3, den: 0 },
      { region: '412', indicator: 'eid-collected', at: T, value: 10 },
      { region: '412', indicator: 'eid-activated', at: T, value: 7 },
    ]);
    await ingest(store, state, [{ region: '412', indicator: 'eid-activated', at: T + 1, delta: 1 }]);
    const loaded = await store.batches.load();
    const byKey = (a: { region: string; indicator: string }, b: { region: string; indicator: string }) =>
      `${a.region}|${a.indicator}`.localeCompare(`${b.region}|${b.indicator}`);
    expect(loaded.seq).toBe(2);
    expect(loaded.readings.sort(byKey)).toEqual(state.readings().sort(byKey));
    // A rate over nothing stays null; absent num and den stay absent.
    expect(loaded.readings).toContainEqual(expect.objectContaining({ region: '417', value: null, num: 3, den: 0 }));
    expect(loaded.readings.find((r) => r.indicator === 'eid-collected')).not.toHaveProperty('num');
  });

  it('writes nothing of a commit that fails part-way', async () => {
    const { store, state } = await fresh();
    await ingest(store, state, [records('417', T, 5)]);
    const batch = state.draft().prepare('test', [records('417', T + 1, 6)]);
    // The same seq twice: the second insert into the batch log fails inside the transaction.
    await expect(store.batches.commit([batch, batch], { receivedAt: T })).rejects.toThrow();
    expect((await store.batches.load()).seq).toBe(1);
    expect(store.db.prepare('SELECT count(*) AS n FROM observations').get()).toEqual({ n: 1 });
    expect((await store.batches.load()).readings.find((r) => r.region === '417')?.value).toBe(5);
  });
});

describe('history', () => {
  it('keeps the last reading per minute for units and roll-ups', async () => {
    const { store, state, history } = await fresh();
    await ingest(store, state, [records('417', T, 1)]);
    await ingest(store, state, [records('417', T + 20_000, 2)]);
    await ingest(store, state, [records('417', T + MINUTE_MS, 3), records('412', T + MINUTE_MS, 4)]);
    expect(await history(window('417', T, T + HOUR_MS))).toEqual([
      { at: T + 20_000, value: 2 },
      { at: T + MINUTE_MS, value: 3 },
    ]);
    expect((await history(window('province', T, T + HOUR_MS))).map((p) => p.value)).toEqual([2, 7]);
    // A coarser step keeps the last reading of each step.
    expect(await history(window('province', T, T + HOUR_MS, HOUR_MS))).toEqual([{ at: T + MINUTE_MS, value: 7 }]);
  });

  it('records a late absolute value at its own time without changing the live value', async () => {
    const { store, state, history } = await fresh();
    await ingest(store, state, [records('417', T + HOUR_MS, 50)]);
    const late = await ingest(store, state, [records('417', T, 20)]);
    expect(late.changes).toEqual([]);
    expect(state.get('417', 'records-today-online')?.value).toBe(50);
    expect((await history(window('417', T - HOUR_MS, T + 2 * HOUR_MS))).map((p) => p.value)).toEqual([20, 50]);
  });
});

describe('retention', () => {
  const setup = async (now: number) => {
    const { store, state, history } = await fresh();
    let clock = now;
    const options: RetentionOptions = { rawDays: 7, hourlyDays: 30, chunkRows: 3 };
    const retention = { runOnce: () => store.retention.retain(clock, options, () => false) };
    return { store, state, history, retention, setNow: (t: number) => (clock = t) };
  };
  const count = (store: SqliteStore, table: string) =>
    (store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('folds minutes into hours an hour after they end, keeping the last reading of each hour', async () => {
    const { store, state, history, retention } = await setup(T + 3 * HOUR_MS);
    for (let m = 0; m < 90; m += 10) await ingest(store, state, [records('417', T + m * MINUTE_MS, m)]);
    await retention.runOnce();
    expect(store.retention.foldedUntil).toBe(Math.floor((T + 2 * HOUR_MS) / MINUTE_MS));
    const hours = store.db.prepare("SELECT hour, value FROM history_hour WHERE region = '417' ORDER BY hour").all();
    expect(hours).toEqual([
      { hour: T / HOUR_MS, value: 50 },
      { hour: T / HOUR_MS + 1, value: 80 },
    ]);
    // Both tiers answer alike: the hour step reads the same from either.
    expect((await history(window('417', T, T + 2 * HOUR_MS, HOUR_MS))).map((p) => p.value)).toEqual([50, 80]);
  });

  it('writes a late reading for a folded minute to the hour tier too', async () => {
    const { store, state, retention } = await setup(T + 3 * HOUR_MS);
    await ingest(store, state, [records('417', T + 5 * MINUTE_MS, 5)]);
    await retention.runOnce();
    await ingest(store, state, [{ region: '417', indicator: 'service-index', at: T + 30 * MINUTE_MS, value: 71 }]);
    const hour = store.db.prepare("SELECT value FROM history_hour WHERE indicator = 'service-index'").get();
    expect(hour).toEqual({ value: 71 });
  });

  it('deletes raw observations, batches, keys and minutes after rawDays, and hours after hourlyDays', async () => {
    const { store, state, retention, setNow } = await setup(T);
    for (let i = 0; i < 10; i++) {
      const batch = state.draft().prepare('test', [records('417', T + i * MINUTE_MS, i)]);
      await store.batches.commit([batch], {
        receivedAt: T + i * MINUTE_MS,
        idempotency: [{ source: batch.source, key: `k${i}`, hash: 'h', seq: batch.seq, accepted: 1 }],
      });
      state.commit([batch]);
    }
    setNow(T + 7 * DAY + 5 * MINUTE_MS);
    const done = await retention.runOnce();
    // Five minutes of 417 and of its two roll-ups (localities, province) are past retention; their hour stays.
    expect(done).toMatchObject({ batches: 5, keys: 5, minutes: 15 });
    expect(count(store, 'observations')).toBe(5);
    expect(count(store, 'history_minute')).toBe(15);
    expect(count(store, 'history_hour')).toBe(3);
    // The live state is never pruned.
    expect((await store.batches.load()).readings.find((r) => r.region === '417')?.value).toBe(9);
    setNow(T + 31 * DAY);
    await retention.runOnce();
    expect(count(store, 'history_hour')).toBe(0);
    expect(count(store, 'history_minute')).toBe(0);
    expect(count(store, 'observations')).toBe(0);
  });
});
