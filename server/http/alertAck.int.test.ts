import { describe, expect, it } from 'vitest';
import type { AlertAckResult, AuditEntry } from '../../shared/control';
import type { Alert, Delta } from '../../shared/protocol';
import { call, signedIn } from '../test/operatorClient';
import { fallBelowTarget, type Harness, useHarness, waitUntil } from '../test/support';
import { unitAt } from '../test/units';

const start = useHarness();

/** Kỳ Sơn, Quế Phong and Quỳ Châu fall to 25 % of their records online: far below the 40 % target, one alert each. */
async function threeAlerts(h: Harness): Promise<Alert[]> {
  const units = [unitAt(5), unitAt(6), unitAt(7)];
  await fallBelowTarget(h, units);
  const alerts = h.app.alerts.active().filter((a) => units.includes(a.region ?? ''));
  expect(alerts).toHaveLength(3);
  return alerts;
}

const activeAlerts = async (h: Harness, cookie: string) =>
  (await call<{ alerts: Alert[] }>(h.url, 'GET', '/api/v1/alerts', { cookie })).body.alerts;
const auditOf = async (h: Harness, cookie: string) =>
  (await call<{ entries: AuditEntry[] }>(h.url, 'GET', '/api/v1/audit?limit=50', { cookie })).body.entries;

describe('acknowledging alerts in bulk', () => {
  it('acknowledges every alert named in one request, each on record, and the screens hear of them at once', async () => {
    const h = await start();
    const operator = await signedIn(h, 'lan');
    const [a, b, c] = (await threeAlerts(h)) as [Alert, Alert, Alert];
    const { socket } = await h.connect();
    const deltas: Delta[] = [];
    socket.on('delta', (d) => deltas.push(d));

    expect((await call(h.url, 'POST', '/api/v1/alerts/ack', { body: { ids: [a.id] } })).status).toBe(401);
    const res = await call<AlertAckResult>(h.url, 'POST', '/api/v1/alerts/ack', {
      cookie: operator,
      body: { ids: [b.id, a.id, b.id] },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.alerts.map((x) => [x.id, x.acknowledged])).toEqual([
      [b.id, true],
      [a.id, true],
    ]);

    const after = await activeAlerts(h, operator);
    const acknowledged = (id: string) => after.find((x) => x.id === id)?.acknowledged;
    expect([acknowledged(a.id), acknowledged(b.id), acknowledged(c.id)]).toEqual([true, true, false]);
    // One entry per alert, as a single acknowledgement has.
    const entries = (await auditOf(h, operator)).filter((e) => e.action === 'alert.acknowledge');
    expect(entries.map((e) => [e.actor, e.target]).sort()).toEqual(
      [
        ['lan', `alert:${a.id}`],
        ['lan', `alert:${b.id}`],
      ].sort(),
    );
    // The screens get both in one change of their live state.
    await waitUntil(() => deltas.some((d) => (d.alerts ?? []).length > 0), 'a delta with the acknowledgements');
    const sent = deltas.flatMap((d) => d.alerts ?? []);
    expect(sent.map((x) => [x.id, x.acknowledged]).sort()).toEqual(
      [
        [a.id, true],
        [b.id, true],
      ].sort(),
    );
  });

  it('refuses the whole request when one id names no active alert, naming it, and changes nothing', async () => {
    const h = await start();
    const operator = await signedIn(h, 'lan');
    const [a, b] = (await threeAlerts(h)) as [Alert, Alert];
    const auditBefore = (await auditOf(h, operator)).length;

    const res = await call(h.url, 'POST', '/api/v1/alerts/ack', {
      cookie: operator,
      body: { ids: [a.id, 'no-such-alert', b.id, 'ended-long-ago'] },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'no active alert no-such-alert, ended-long-ago; nothing was acknowledged',
        issues: [
          { path: ['ids', 1], message: 'no active alert no-such-alert' },
          { path: ['ids', 3], message: 'no active alert ended-long-ago' },
        ],
      },
    });
    expect((await activeAlerts(h, operator)).filter((x) => x.acknowledged)).toEqual([]);
    expect(await auditOf(h, operator)).toHaveLength(auditBefore);
  });

  it('names the field of a malformed request', async () => {
    const h = await start();
    const operator = await signedIn(h, 'lan');
    const refused = async (body: unknown) => {
      const res = await call<{ error: { code: string; issues?: { path: unknown[] }[] } }>(
        h.url,
        'POST',
        '/api/v1/alerts/ack',
        { cookie: operator, body },
      );
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
      return res.body.error.issues?.map((i) => i.path);
    };
    expect(await refused({})).toEqual([['ids']]);
    expect(await refused({ ids: [] })).toEqual([['ids']]);
    expect(await refused({ ids: ['a', 7] })).toEqual([['ids', 1]]);
    expect(await refused({ ids: ['a'], all: true })).toEqual([['all']]);
    expect(await refused({ ids: Array.from({ length: 501 }, (_, i) => `a${i}`) })).toEqual([['ids']]);
  });
});

describe('who is signed in', () => {
  it('answers 200 with no user to a browser that is signed out, so that asking is no error', async () => {
    const h = await start();
    const res = await call(h.url, 'GET', '/api/v1/session');
    expect([res.status, res.body]).toEqual([200, { user: null }]);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const cookie = await signedIn(h, 'lan');
    expect((await call(h.url, 'GET', '/api/v1/session', { cookie })).body).toMatchObject({
      user: { name: 'lan', role: 'operator' },
    });
  });
});
