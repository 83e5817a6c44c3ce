import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectorHealth } from '../../../shared/connectors';
import { regionSet } from '../../../shared/regions';
import { makeLocalCalendar } from '../../../shared/time';
import type { Observation } from '../../domain/observation';
import { LiveState } from '../../state/liveState';
import { testAlert as alert } from '../../test/alertFixture';
import { HOUR_MS, MINUTE_MS, type WallStore } from '../types';

const calendar = makeLocalCalendar('Asia/Ho_Chi_Minh');
const DAY = 86_400_000;
const T = Date.UTC(2024, 0, 19, 3, 0); // 10:00 in Vinh

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

/**
 * What every store must do, whatever the database: the same suite runs against the embedded SQLite store and
 * against PostgreSQL. `open` gives a new, empty store each time.
 */
export function storeContract(name: string, open: () => Promise<WallStore>): void {
  describe(`${name} store`, () => {
    let store: WallStore;
    let state: LiveState;
    beforeEach(async () => {
      store = await open();
      state = new LiveState({ regions: regionSet, calendar, ...(await store.batches.load()) });
    });
    afterEach(async () => {
      await store.close();
    });

    /** Validated observations through the same draft and commit the ingest path uses. */
    const ingest = async (observations: Observation[], receivedAt = T, key?: string) => {
      const batch = state.draft().prepare('test', observations);
      const idempotency = key ? [{ source: 'test', key, hash: 'h', seq: batch.seq, accepted: 1 }] : [];
      await store.batches.commit([batch], { receivedAt, idempotency });
      state.commit([batch]);
      return batch;
    };

    describe('batches and live state', () => {
      it('gives a new database an epoch and seq 0, and keeps them', async () => {
        const first = await store.batches.load();
        expect(first).toMatchObject({ seq: 0, readings: [] });
        expect(first.epoch).toMatch(/^[0-9a-f-]{36}$/);
        expect((await store.batches.load()).epoch).toBe(first.epoch);
      });

      it('records the region set of its first start once, and keeps it', async () => {
        await store.batches.load();
        expect(await store.regionSet.get()).toBeUndefined();
        await store.regionSet.record('set-a');
        await store.regionSet.record('set-b');
        expect(await store.regionSet.get()).toBe('set-a');
      });

      it('loads exactly the live state it committed: units, derived rates and roll-ups, with seq', async () => {
        await ingest([
          { region: '417', indicator: 'online-record-rate', at: T, num: 3, den: 0 },
          { region: '412', indicator: 'eid-collected', at: T, value: 10 },
          { region: '412', indicator: 'eid-activated', at: T, value: 7 },
        ]);
        await ingest([{ region: '412', indicator: 'eid-activated', at: T + 1, delta: 1 }]);
        const loaded = await store.batches.load();
        const byKey = (a: { region: string; indicator: string }, b: { region: string; indicator: string }) =>
          `${a.region}|${a.indicator}`.localeCompare(`${b.region}|${b.indicator}`);
        expect(loaded.seq).toBe(2);
        expect(loaded.readings.sort(byKey)).toEqual(state.readings().sort(byKey));
        expect(loaded.readings).toContainEqual(expect.objectContaining({ region: '417', value: null, num: 3, den: 0 }));
        expect(loaded.readings.find((r) => r.indicator === 'eid-collected')).not.toHaveProperty('num');
      });

      it('stores several batches of one commit, the same reading changed by each, the last one kept', async () => {
        const a = state.draft();
        const first = a.prepare('test', [records('417', T, 1)]);
        const second = a.prepare('test', [records('417', T + 1, 2)]);
        await store.batches.commit([first, second], { receivedAt: T });
        state.commit([first, second]);
        const loaded = await store.batches.load();
        expect(loaded.seq).toBe(2);
        expect(loaded.readings.find((r) => r.region === '417')?.value).toBe(2);
      });

      it('writes nothing of a commit that fails part-way', async () => {
        await ingest([records('417', T, 5)]);
        const batch = state.draft().prepare('test', [records('417', T + 1, 6)]);
        // The same seq twice: the second insert into the batch log fails inside the transaction.
        await expect(store.batches.commit([batch, batch], { receivedAt: T })).rejects.toThrow();
        const loaded = await store.batches.load();
        expect(loaded.seq).toBe(1);
        expect(loaded.readings.find((r) => r.region === '417')?.value).toBe(5);
        expect(await store.history.read(window('417', T, T + HOUR_MS))).toEqual([{ at: T, value: 5 }]);
      });

      it('remembers an idempotency key with the answer of its request', async () => {
        await ingest([records('417', T, 5)], T, 'k1');
        expect(await store.batches.findIdempotent('test', 'k1')).toEqual({ hash: 'h', seq: 1, accepted: 1 });
        expect(await store.batches.findIdempotent('test', 'k2')).toBeUndefined();
        expect(await store.batches.findIdempotent('other', 'k1')).toBeUndefined();
      });
    });

    describe('history', () => {
      it('keeps the last reading per minute for units and roll-ups', async () => {
        await ingest([records('417', T, 1)]);
        await ingest([records('417', T + 20_000, 2)]);
        await ingest([records('417', T + MINUTE_MS, 3), records('412', T + MINUTE_MS, 4)]);
        expect(await store.history.read(window('417', T, T + HOUR_MS))).toEqual([
          { at: T + 20_000, value: 2 },
          { at: T + MINUTE_MS, value: 3 },
        ]);
        expect((await store.history.read(window('province', T, T + HOUR_MS))).map((p) => p.value)).toEqual([2, 7]);
        expect(await store.history.read(window('province', T, T + HOUR_MS, HOUR_MS))).toEqual([
          { at: T + MINUTE_MS, value: 7 },
        ]);
      });

      it('records a late absolute value at its own time without changing the live value', async () => {
        await ingest([records('417', T + HOUR_MS, 50)]);
        const late = await ingest([records('417', T, 20)]);
        expect(late.changes).toEqual([]);
        expect((await store.batches.load()).readings.find((r) => r.region === '417')?.value).toBe(50);
        const points = await store.history.read(window('417', T - HOUR_MS, T + 2 * HOUR_MS));
        expect(points.map((p) => p.value)).toEqual([20, 50]);
      });
    });

    describe('retention', () => {
      const retain = (now: number) =>
        store.retention.retain(now, { rawDays: 7, hourlyDays: 30, chunkRows: 3 }, () => false);

      it('folds minutes into hours an hour after they end, and both tiers answer alike', async () => {
        for (let m = 0; m < 90; m += 10) await ingest([records('417', T + m * MINUTE_MS, m)]);
        await retain(T + 3 * HOUR_MS);
        const hourly = await store.history.read(window('417', T, T + 2 * HOUR_MS, HOUR_MS));
        expect(hourly.map((p) => p.value)).toEqual([50, 80]);
        // A late reading for a folded minute reaches the hour tier too: past raw retention, the hour keeps it.
        await ingest([{ region: '417', indicator: 'service-index', at: T + 30 * MINUTE_MS, value: 71 }]);
        await retain(T + 8 * DAY);
        const kept = await store.history.read({
          ...window('417', T, T + HOUR_MS, HOUR_MS),
          indicator: 'service-index',
        });
        expect(kept.map((p) => p.value)).toEqual([71]);
      });

      it('deletes batches, keys and minutes after rawDays, hours after hourlyDays; never the live state', async () => {
        for (let i = 0; i < 10; i++) await ingest([records('417', T + i * MINUTE_MS, i)], T + i * MINUTE_MS, `k${i}`);
        const done = await retain(T + 7 * DAY + 5 * MINUTE_MS);
        expect(done).toMatchObject({ batches: 5, keys: 5, minutes: 15 });
        expect(await store.batches.findIdempotent('test', 'k0')).toBeUndefined();
        expect(await store.batches.findIdempotent('test', 'k9')).toBeDefined();
        expect((await store.batches.load()).readings.find((r) => r.region === '417')?.value).toBe(9);
        await retain(T + 31 * DAY);
        expect(await store.history.read(window('417', T - DAY, T + DAY, HOUR_MS))).toEqual([]);
        expect((await store.batches.load()).readings.find((r) => r.region === '417')?.value).toBe(9);
      });
    });

    describe('alerts', () => {
      it('lists the most recently changed first, each as last changed; active leaves out ended ones', async () => {
        await store.alerts.save([alert('a', null), alert('b', null)], 10);
        await store.alerts.save([{ ...alert('a', null), acknowledged: true }], 10);
        await store.alerts.save([alert('b', 5)], 10);
        expect(await store.alerts.list({ state: 'active', limit: 10 })).toEqual([
          { ...alert('a', null), acknowledged: true },
        ]);
        expect((await store.alerts.list({ state: 'all', limit: 10 })).map((a) => a.id)).toEqual(['b', 'a']);
        expect((await store.alerts.list({ state: 'all', limit: 1 })).map((a) => a.id)).toEqual(['b']);
      });

      it('drops the longest-ended alerts beyond its capacity, never an active one', async () => {
        await store.alerts.save([alert('active', null), alert('a', 1), alert('b', 2), alert('c', 3), alert('d', 4)], 3);
        expect((await store.alerts.list({ state: 'all', limit: 10 })).map((a) => a.id)).toEqual(['d', 'c', 'active']);
      });
    });

    describe('accounts and sessions', () => {
      it('adds an account, finds it whatever the case, and replaces it ending its sessions', async () => {
        expect(await store.accounts.countUsers()).toBe(0);
        const lan = await store.accounts.saveUser('Lan', 'operator', 'hash1', T);
        expect(lan).toEqual({ id: expect.any(Number), name: 'Lan', role: 'operator' });
        expect(await store.accounts.findUser('lan')).toEqual({ ...lan, passwordHash: 'hash1' });
        await store.accounts.addSession('s1', lan.id, T, T + HOUR_MS);
        expect(await store.accounts.sessionByHash('s1', T + 1)).toEqual({ user: lan, expiresAt: T + HOUR_MS });
        const again = await store.accounts.saveUser('lan', 'admin', 'hash2', T + 1);
        expect(again).toEqual({ id: lan.id, name: 'Lan', role: 'admin' });
        expect(await store.accounts.sessionByHash('s1', T + 2)).toBeNull();
        expect(await store.accounts.countUsers()).toBe(1);
        expect(await store.accounts.findUser('nobody')).toBeUndefined();
      });

      it('ends a session when asked and when it expires; a new sign-in drops the expired ones', async () => {
        const lan = await store.accounts.saveUser('lan', 'operator', 'h', T);
        await store.accounts.addSession('s1', lan.id, T, T + 10);
        await store.accounts.addSession('s2', lan.id, T, T + HOUR_MS);
        expect(await store.accounts.sessionByHash('s1', T + 10)).toBeNull();
        await store.accounts.endSession('s2');
        expect(await store.accounts.sessionByHash('s2', T + 1)).toBeNull();
        await store.accounts.addSession('s3', lan.id, T + 20, T + HOUR_MS);
        expect(await store.accounts.sessionByHash('s3', T + 21)).not.toBeNull();
      });
    });

    describe('displays', () => {
      const hall = { id: 'hall-1', name: 'Hall', group: 'hall', location: 'Floor 1' };

      it('registers once, finds by live token, renews, revokes, updates and removes', async () => {
        expect(await store.displays.insert(hall, 'th1', T, 'root')).toBe(true);
        expect(await store.displays.insert(hall, 'th9', T, 'root')).toBe(false);
        const found = await store.displays.byTokenHash('th1');
        expect(found).toEqual({
          ...hall,
          createdAt: T,
          createdBy: 'root',
          revokedAt: null,
          lastSeenAt: null,
        });
        expect(await store.displays.setToken('hall-1', 'th2')).toMatchObject({ id: 'hall-1', revokedAt: null });
        expect(await store.displays.byTokenHash('th1')).toBeNull();
        expect(await store.displays.revoke('hall-1', T + 5)).toMatchObject({ revokedAt: T + 5 });
        expect(await store.displays.byTokenHash('th2')).toBeNull();
        await store.displays.touch('hall-1', T + 7);
        const changed = await store.displays.update('hall-1', { name: 'Main hall', group: 'hall', location: 'F1' });
        expect(changed).toMatchObject({ name: 'Main hall', location: 'F1', lastSeenAt: T + 7 });
        expect(await store.displays.update('nope', { name: 'x', group: 'x', location: 'x' })).toBeNull();
        expect(await store.displays.setToken('nope', 'th3')).toBeNull();
        expect((await store.displays.list()).map((d) => d.id)).toEqual(['hall-1']);
        expect(await store.displays.remove('hall-1')).toBe(true);
        expect(await store.displays.remove('hall-1')).toBe(false);
        expect(await store.displays.get('hall-1')).toBeNull();
      });
    });

    describe('connectors', () => {
      const health = (id: string, accepted: number): ConnectorHealth => ({
        id,
        kind: 'http',
        source: 'dvc',
        state: 'failing',
        schedule: { every: 60_000 },
        lastAttemptAt: T,
        lastSuccessAt: T - MINUTE_MS,
        lastDataAt: null,
        nextRunAt: T + MINUTE_MS,
        lastError: { at: T, kind: 'http-status', status: 503, message: 'HTTP 503' },
        accepted,
        refused: 0,
      });

      it("keeps each connector's cursor and health, the last saved of each", async () => {
        expect(await store.connectors.cursor('dvc-portal')).toBeUndefined();
        expect((await store.connectors.health()).size).toBe(0);
        await store.connectors.saveCursor('dvc-portal', { since: T, etag: '"a"' });
        await store.connectors.saveCursor('dvc-portal', { since: T + 1, pending: { key: 'k', observations: [] } });
        await store.connectors.saveHealth(health('dvc-portal', 3));
        await store.connectors.saveHealth(health('dvc-portal', 5));
        await store.connectors.saveHealth(health('police', 1));
        await store.connectors.saveCursor('police', { since: null });
        expect(await store.connectors.cursor('dvc-portal')).toEqual({
          since: T + 1,
          pending: { key: 'k', observations: [] },
        });
        expect(await store.connectors.cursor('police')).toEqual({ since: null });
        const stored = await store.connectors.health();
        expect([...stored.keys()].sort()).toEqual(['dvc-portal', 'police']);
        expect(stored.get('dvc-portal')).toEqual(health('dvc-portal', 5));
      });
    });

    describe('automation tokens and audit', () => {
      it('issues, uses and revokes a token', async () => {
        const token = await store.tokens.insert('schedule', 'a1', T, 'root');
        expect(token).toEqual({
          id: expect.any(Number),
          name: 'schedule',
          createdAt: T,
          createdBy: 'root',
          lastUsedAt: null,
          revokedAt: null,
        });
        expect(await store.tokens.use('a1', T + 1)).toEqual(token);
        expect((await store.tokens.list())[0]).toMatchObject({ lastUsedAt: T + 1 });
        expect(await store.tokens.revoke(token.id, T + 2)).toMatchObject({ revokedAt: T + 2 });
        expect(await store.tokens.use('a1', T + 3)).toBeNull();
        expect(await store.tokens.revoke(9999, T)).toBeNull();
      });

      it('keeps the audit log newest first, paged by id, with results once known', async () => {
        const first = await store.audit.begin(
          { actor: 'lan', action: 'reload', target: 'display:a', detail: { n: 1 } },
          T,
        );
        const second = await store.audit.begin({ actor: 'lan', action: 'show', target: 'group:g', detail: {} }, T + 1);
        await store.audit.finish(first, [{ display: 'a', result: 'ok' }]);
        const entries = await store.audit.list({ limit: 10 });
        expect(entries.map((e) => e.id)).toEqual([second, first]);
        expect(entries[1]).toEqual({
          id: first,
          at: T,
          actor: 'lan',
          action: 'reload',
          target: 'display:a',
          detail: { n: 1 },
          result: [{ display: 'a', result: 'ok' }],
        });
        expect(entries[0]?.result).toBeNull();
        expect((await store.audit.list({ limit: 10, before: second })).map((e) => e.id)).toEqual([first]);
      });
    });

    describe('rate limits', () => {
      it('counts hits per key within a window, takes one back, forgets on reset, and starts over after it', async () => {
        const W = 15 * MINUTE_MS;
        expect(await store.rateLimits.hit('login:1.2.3.4', W, T)).toEqual({ hits: 1, resetAt: T + W });
        expect(await store.rateLimits.hit('login:1.2.3.4', W, T + 1)).toEqual({ hits: 2, resetAt: T + W });
        expect(await store.rateLimits.hit('login:5.6.7.8', W, T + 2)).toEqual({ hits: 1, resetAt: T + 2 + W });
        await store.rateLimits.unhit('login:1.2.3.4');
        expect(await store.rateLimits.hit('login:1.2.3.4', W, T + 3)).toEqual({ hits: 2, resetAt: T + W });
        // Hits sent together (several servers at once) all count.
        const together = await Promise.all([1, 2, 3].map(() => store.rateLimits.hit('login:9.9.9.9', W, T)));
        expect(together.map((r) => r.hits).sort()).toEqual([1, 2, 3]);
        expect(await store.rateLimits.hit('login:1.2.3.4', W, T + W)).toEqual({ hits: 1, resetAt: T + 2 * W });
        await store.rateLimits.reset('login:1.2.3.4');
        expect(await store.rateLimits.hit('login:1.2.3.4', W, T + W + 1)).toEqual({ hits: 1, resetAt: T + 2 * W + 1 });
        await store.rateLimits.unhit('login:nobody');
      });
    });
  });
}
