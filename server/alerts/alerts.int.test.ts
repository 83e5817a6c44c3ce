import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Alert, type Delta, SnapshotSchema } from '../../shared/protocol';
import { useHarness, waitForEvent, waitUntil } from '../test/support';

const start = useHarness();

/** A batch that puts Kỳ Sơn's online record rate at `num` percent. */
const onlineRate = (num: number, region = '417') => [
  { region, indicator: 'online-record-rate', at: Date.now(), num, den: 100 },
];

describe('alerts on the wall', () => {
  it('travel in the delta of the batch that raised them and in the snapshot, and are served over HTTP', async () => {
    const wall = await start();
    const { socket } = await wall.connect();
    const deltas: Delta[] = [];
    socket.on('delta', (d) => deltas.push(d));

    expect((await wall.app.ingest.submit('dvc', onlineRate(25))).ok).toBe(true);
    await waitUntil(() => deltas.some((d) => d.alerts?.length), 'a delta with alerts');
    const raised = deltas.flatMap((d) => d.alerts ?? []);
    const kySon = raised.find((a) => a.region === '417');
    expect(kySon).toMatchObject({
      rule: 'below-target',
      severity: 'critical',
      value: 25,
      threshold: 40,
      endedAt: null,
    });

    const later = await wall.connect();
    expect(SnapshotSchema.parse(later.snapshot).alerts.map((a) => a.id)).toContain(kySon?.id);

    const active = await wall.getJson<{ alerts: Alert[] }>('/api/v1/alerts');
    expect(active.alerts.map((a) => a.id)).toContain(kySon?.id);

    expect((await wall.app.ingest.submit('dvc', onlineRate(45))).ok).toBe(true);
    await waitUntil(
      () => deltas.some((d) => d.alerts?.some((a) => a.id === kySon?.id && a.endedAt !== null)),
      'the end',
    );
    expect(
      (await wall.getJson<{ alerts: Alert[] }>('/api/v1/alerts?state=active')).alerts.map((a) => a.id),
    ).not.toContain(kySon?.id);
    const all = await wall.getJson<{ alerts: Alert[] }>('/api/v1/alerts?state=all&limit=50');
    expect(all.alerts.find((a) => a.id === kySon?.id)?.endedAt).not.toBeNull();
  });

  it('refuses a bad query in the API error shape, uncached, naming the field', async () => {
    const wall = await start();
    for (const [query, field] of [
      ['state=some', 'state'],
      ['limit=0', 'limit'],
      ['limit=ten', 'limit'],
      ['colour=red', 'colour'],
    ] as const) {
      const res = await fetch(`${wall.url}/api/v1/alerts?${query}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const body = (await res.json()) as { error: { code: string; message: string; issues: { path: string[] }[] } };
      expect(body.error.code).toBe('BAD_REQUEST');
      expect(body.error.message).toMatch(new RegExp(`^${field}: `));
      expect(body.error.issues.map((i) => i.path)).toEqual([[field]]);
    }
  });

  it('sends a silent source and an acknowledgement in a delta of their own, in seq order', async () => {
    const wall = await start({ ALERT_SILENCE_SEC: '1' });
    const { socket, snapshot } = await wall.connect();
    const deltas: Delta[] = [];
    socket.on('delta', (d) => deltas.push(d));
    expect((await wall.app.ingest.submit('police', onlineRate(50))).ok).toBe(true);
    const silentIn = (ds: Delta[]) => ds.flatMap((d) => d.alerts ?? []).find((a) => a.rule === 'source-silent');
    await waitUntil(() => silentIn(deltas) !== undefined, 'a silent-source alert');
    const silent = silentIn(deltas) as Alert;
    expect(silent).toMatchObject({ source: 'police', severity: 'critical', threshold: 1 });

    wall.app.alerts.acknowledge([silent.id]);
    const acked = await waitForEvent(socket, 'delta');
    expect(acked.alerts).toEqual([{ ...silent, acknowledged: true }]);
    // Every delta follows the one before it, from the snapshot on.
    expect(deltas.map((d) => d.fromSeq)).toEqual([snapshot.seq, ...deltas.slice(0, -1).map((d) => d.seq)]);
  });
});

describe('targets from TARGETS_FILE', () => {
  it('reach the screens, the catalogue and the alert rules', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'ioc-targets-')), 'targets.json');
    writeFileSync(file, JSON.stringify({ 'online-record-rate': { target: 60 } }));
    const wall = await start({ TARGETS_FILE: file });
    const { socket, snapshot } = await wall.connect();
    expect(snapshot.targets['online-record-rate']).toEqual({ target: 60, bands: { critical: 30, warning: 60 } });
    const catalog = await wall.getJson<{ indicators: { id: string; target: number | null }[] }>('/api/v1/catalog');
    expect(catalog.indicators.find((i) => i.id === 'online-record-rate')?.target).toBe(60);

    const deltas: Delta[] = [];
    socket.on('delta', (d) => deltas.push(d));
    // 57 % meets the Government's 40 %, not this deployment's 60 %.
    expect((await wall.app.ingest.submit('dvc', onlineRate(57))).ok).toBe(true);
    await waitUntil(() => deltas.some((d) => d.alerts?.some((a) => a.region === '417')), 'a below-target alert');
    expect(deltas.flatMap((d) => d.alerts ?? []).find((a) => a.region === '417')).toMatchObject({
      severity: 'warning',
      threshold: 60,
    });
  });
});
