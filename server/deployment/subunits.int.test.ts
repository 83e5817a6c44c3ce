import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Deployment, SubunitListSchema, SubunitLiveSchema } from '../../shared/deployment';
import { regionSet } from '../../shared/regions';
import { useHarness, WAIT_MS, waitForEvent } from '../test/support';
import { serveDeployment } from '.';
import { DEPLOYMENTS_ROOT, loadDeployment } from './loadDeployment';

// The national deployment: 34 provinces on the wall, each rolled up from its communes.
serveDeployment(loadDeployment(path.join(DEPLOYMENTS_ROOT, 'vietnam-2025')));
const start = useHarness();
const AT = Date.parse('2026-12-02T10:30:00+07:00');
const clock = { clock: { now: () => AT } };

describe('a unit rolled up from its sub-units (vietnam-2025: provinces and their communes)', () => {
  const [first, second] = regionSet.subunitsOf('P01');
  if (!first || !second) throw new Error('P01 has no communes');

  it('rolls communes up into their province by the shared rules, and keeps them out of snapshots and deltas', async () => {
    const wall = await start({}, clock);
    const { socket, snapshot } = await wall.connect();
    expect(snapshot.values).toEqual([]);
    const delta = waitForEvent(socket, 'delta');
    const result = await wall.app.ingest.submit('test-source', [
      { region: first.code, indicator: 'online-record-rate', at: AT, num: 30, den: 100 },
      { region: second.code, indicator: 'online-record-rate', at: AT, num: 70, den: 300 },
      { region: first.code, indicator: 'eid-collected', at: AT, value: 12 },
      { region: second.code, indicator: 'eid-collected', at: AT, value: 5 },
    ]);
    expect(result.ok).toBe(true);
    const province = (region: string, indicator: string) =>
      wall.app.state.wallReadings().find((r) => r.region === region && r.indicator === indicator);
    // Rates are Σnum / Σden (100 / 400), not the mean of 30 % and 23.3 %; counts add.
    expect(province('P01', 'online-record-rate')).toMatchObject({ value: 25, num: 100, den: 400, source: 'rollup' });
    expect(province('P01', 'eid-collected')).toMatchObject({ value: 17 });
    expect(province('localities', 'eid-collected')).toMatchObject({ value: 17 });
    const communes = new Set([first.code, second.code]);
    expect((await delta).changes.filter((r) => communes.has(r.region))).toEqual([]);
    expect((await delta).changes.map((r) => r.region)).toContain('P01');
    const fromHttp = await wall.getJson<{ values: { region: string }[] }>('/api/v1/snapshot');
    expect(fromHttp.values.filter((r) => communes.has(r.region))).toEqual([]);

    const live = SubunitLiveSchema.parse(await wall.getJson('/api/v1/units/P01/subunits/live'));
    expect(live.seq).toBe(1);
    expect(live.values.filter((r) => r.indicator === 'eid-collected').map((r) => [r.region, r.value])).toEqual([
      [first.code, 12],
      [second.code, 5],
    ]);
    const onlyRates = SubunitLiveSchema.parse(
      await wall.getJson('/api/v1/units/P01/subunits/live?indicators=online-record-rate'),
    );
    expect(onlyRates.values.map((r) => [r.region, r.value])).toEqual([
      [first.code, 30],
      [second.code, (70 / 300) * 100],
    ]);
    expect(
      (
        await wall.getJson<{ values: unknown[] }>(
          `/api/v1/units/${regionSet.districts.find((d) => d.code !== 'P01')?.code}/subunits/live`,
        )
      ).values,
    ).toEqual([]);
    const missing = await fetch(`${wall.url}/api/v1/units/${first.code}/subunits/live`);
    expect(missing.status).toBe(404);
  });

  it('refuses figures for a province, which its communes make', async () => {
    const wall = await start({}, clock);
    const result = await wall.app.ingest.submit('test-source', [
      { region: 'P01', indicator: 'eid-collected', at: AT, value: 1 },
    ]);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(JSON.stringify(result)).toMatch(/P01 rolls up from its 126 sub-units; send those/);
  });

  it('serves the deployment without the communes, and each province its communes at a cacheable versioned address', async () => {
    const wall = await start({}, clock);
    const res = await fetch(`${wall.url}/api/v1/deployment`, { signal: AbortSignal.timeout(WAIT_MS) });
    const text = await res.text();
    const deployment = JSON.parse(text) as Deployment;
    expect(deployment.regions.subunits).toBeUndefined();
    expect(deployment.subunitCounts.P01).toBe(126);
    expect(Object.values(deployment.subunitCounts).reduce((a, b) => a + b, 0)).toBe(3321);
    expect(text.length).toBeLessThan(60_000);

    const url = `${wall.url}/api/v1/deployment/subunits/P01`;
    const pinned = await fetch(`${url}?v=${deployment.version}`);
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const list = SubunitListSchema.parse(await pinned.json());
    expect(list).toMatchObject({ parent: 'P01', version: deployment.version });
    expect(list.subunits).toHaveLength(126);
    const unpinned = await fetch(url);
    expect(unpinned.headers.get('cache-control')).toBe('no-cache');
    const etag = unpinned.headers.get('etag') ?? '';
    expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${wall.url}/api/v1/deployment/subunits/nowhere`)).status).toBe(404);
  });
});
