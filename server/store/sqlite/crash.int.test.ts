import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startWallServer, type WallServer } from '../../../e2e/support/server';
import { regionSet } from '../../../shared/regions';
import { DVC_TOKEN, TEST_TOKENS } from '../../test/ingestClient';
import { SqliteStore } from './store';

const DISTRICTS = regionSet.districts.map((d) => d.code);
/** Each batch sets two counts in every district to its own number, so a half-applied batch would show. */
const PER_BATCH = DISTRICTS.length * 2;
/** When each round kills the server, after it started taking batches: early, mid-stream and later. */
const KILL_AFTER_MS = [30, 150, 400, 800];
const SENDERS = 3;
const T0 = Date.now() - 3_600_000;

const batchBody = (k: number) => ({
  source: 'dvc',
  idempotencyKey: `crash-${k}`,
  observations: DISTRICTS.flatMap((region) => [
    { region, indicator: 'id-cards-issued', at: T0 + k * 1000, value: k },
    { region, indicator: 'eid-collected', at: T0 + k * 1000, value: k },
  ]),
});

const post = (url: string, body: unknown) =>
  fetch(`${url}/api/v1/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${DVC_TOKEN}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });

/** Sends batches from a few concurrent senders until the server dies; returns the acknowledged ones (k → seq). */
async function sendUntilKilled(server: WallServer, next: () => number, killAfterMs: number) {
  const acked = new Map<number, number>();
  let alive = true;
  const sender = async () => {
    while (alive) {
      const k = next();
      try {
        const res = await post(server.url, batchBody(k));
        if (res.status === 200) acked.set(k, ((await res.json()) as { seq: number }).seq);
      } catch {
        return; // The server is gone.
      }
    }
  };
  const senders = Array.from({ length: SENDERS }, sender);
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  await server.kill();
  alive = false;
  await Promise.all(senders);
  return acked;
}

describe('crash safety', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = { SIM: 'off', INGEST_TOKENS: TEST_TOKENS, INGEST_RATE_LIMIT: '1000000', LOG_LEVEL: 'error' };

  it('keeps every acknowledged batch in full after kill -9, and never half a batch', { timeout: 90_000 }, async () => {
    let k = 0;
    const allAcked = new Map<number, number>();
    let epoch: string | null = null;
    for (const killAfterMs of KILL_AFTER_MS) {
      const server = await startWallServer({ dataDir, env });
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as { epoch: string; seq: number };
      epoch ??= health.epoch;
      expect(health.epoch).toBe(epoch);
      const acked = await sendUntilKilled(server, () => ++k, killAfterMs);
      for (const [batch, seq] of acked) allAcked.set(batch, seq);

      // The data directory after the crash: the lock is free again and the database opens as it was committed.
      const store = new SqliteStore({ dataDir, synchronous: 'full' });
      try {
        const perBatch = store.db.prepare('SELECT seq, count(*) AS n FROM observations GROUP BY seq').all() as {
          seq: number;
          n: number;
        }[];
        expect(perBatch.every((b) => b.n === PER_BATCH)).toBe(true);
        const { seq, readings } = await store.batches.load();
        expect(seq).toBe(Math.max(0, ...perBatch.map((b) => b.seq)));
        const keys = store.db.prepare('SELECT key, seq FROM idempotency').all() as { key: string; seq: number }[];
        const stored = new Map(keys.map((row) => [Number(row.key.slice('crash-'.length)), row.seq]));
        for (const [batch, ackedSeq] of allAcked) expect(stored.get(batch), `batch ${batch}`).toBe(ackedSeq);

        // One batch's value everywhere: no district holds a value from another batch than the rest.
        const values = (indicator: string) =>
          new Set(
            readings.filter((r) => r.indicator === indicator && DISTRICTS.includes(r.region)).map((r) => r.value),
          );
        const latest = Math.max(0, ...allAcked.keys());
        if (allAcked.size > 0) {
          for (const indicator of ['id-cards-issued', 'eid-collected']) {
            const set = values(indicator);
            expect(set.size, indicator).toBe(1);
            expect([...set][0]).toBeGreaterThanOrEqual(latest);
          }
          const province = readings.find((r) => r.region === 'province' && r.indicator === 'id-cards-issued');
          const unit = readings.find((r) => r.region === '417' && r.indicator === 'id-cards-issued');
          expect(province?.value).toBe((unit?.value ?? 0) * DISTRICTS.length);
        }
      } finally {
        await store.close();
      }
    }
    expect(allAcked.size).toBeGreaterThan(0);

    // A restarted server holds the same: an acknowledged batch sent again is answered from the store, unchanged.
    const server = await startWallServer({ dataDir, env });
    try {
      const before = (await (await fetch(`${server.url}/healthz`)).json()) as { epoch: string; seq: number };
      expect(before.epoch).toBe(epoch);
      const [batch, seq] = [...allAcked.entries()][0] as [number, number];
      const again = await post(server.url, batchBody(batch));
      expect(await again.json()).toEqual({ accepted: PER_BATCH, seq });
      const after = (await (await fetch(`${server.url}/healthz`)).json()) as { seq: number };
      expect(after.seq).toBe(before.seq);
    } finally {
      await server.stop();
    }
  });
});
