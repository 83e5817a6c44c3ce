import { describe, expect, it } from 'vitest';
import { indicators } from '../../shared/catalog';
import { type Snapshot, SnapshotSchema } from '../../shared/protocol';
import { regionSet } from '../../shared/regions';
import { onlineRecords, useHarness, WAIT_MS } from '../test/support';
import { unitAt } from '../test/units';

const start = useHarness();

describe('HTTP', () => {
  it('GET /healthz reports the epoch and seq, uncached', async () => {
    // A clock that stands still: the uptime is exactly 0 however long the start took.
    const startedAt = Date.now();
    const wall = await start({}, { clock: { now: () => startedAt } });
    await wall.app.ingest.submit('test-source', onlineRecords(2));
    const res = await fetch(`${wall.url}/healthz`, { signal: AbortSignal.timeout(WAIT_MS) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      status: 'ok',
      epoch: wall.app.state.epoch,
      seq: 1,
      uptimeSec: expect.any(Number),
    });
  });

  it('GET /api/v1/catalog has the units and every indicator with its targets', async () => {
    const wall = await start();
    const catalog = await wall.getJson<{
      regionSet: { units: { code: string }[] };
      indicators: { id: string; target: number | null; bands: unknown }[];
    }>('/api/v1/catalog');
    expect(catalog.regionSet.units.map((d) => d.code)).toEqual(regionSet.districts.map((d) => d.code));
    if (regionSet.data.id === 'nghe-an-2024') {
      expect(catalog.regionSet.units.map((d) => Number(d.code))).toEqual(Array.from({ length: 21 }, (_, i) => 412 + i));
    }
    expect(catalog.indicators.map((i) => i.id).sort()).toEqual(indicators.map((i) => i.id).sort());
    expect(catalog.indicators.find((i) => i.id === 'online-record-rate')).toMatchObject({
      target: 40,
      bands: { critical: 30, warning: 40 },
    });
  });

  it('GET /api/v1/snapshot is the snapshot a socket gets, and passes the shared schema', async () => {
    const wall = await start();
    await wall.app.ingest.submit('test-source', onlineRecords(3));
    await wall.app.ingest.submit('test-source', onlineRecords(1, unitAt(0)));
    const { snapshot } = await wall.connect();
    const res = await fetch(`${wall.url}/api/v1/snapshot`, { signal: AbortSignal.timeout(WAIT_MS) });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const fromHttp: Snapshot = SnapshotSchema.parse(await res.json());
    expect(fromHttp.epoch).toBe(snapshot.epoch);
    expect(fromHttp.seq).toBe(snapshot.seq);
    expect(fromHttp.seq).toBe(2);
    expect(fromHttp.values).toEqual(expect.arrayContaining(snapshot.values));
    expect(fromHttp.values).toHaveLength(snapshot.values.length);
  });

  it('answers an unknown /api path with 404, never the client page', async () => {
    const wall = await start();
    for (const path of ['/api/v1/nope', '/api', '/api/v2/snapshot']) {
      const res = await fetch(`${wall.url}${path}`, {
        headers: { accept: 'text/html' },
        signal: AbortSignal.timeout(WAIT_MS),
      });
      expect(res.status, path).toBe(404);
    }
    // A client route does reach the client handler: here it says the client is not built.
    const page = await fetch(`${wall.url}/wall/hall`, { signal: AbortSignal.timeout(WAIT_MS) });
    expect(page.status).toBe(503);
  });

  it('sends a strict Content-Security-Policy', async () => {
    const wall = await start();
    const res = await fetch(`${wall.url}/healthz`, { signal: AbortSignal.timeout(WAIT_MS) });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});
