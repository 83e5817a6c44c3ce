import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_CONFIG, KioskConfigSchema } from '../../shared/kiosk';
import { capturedLog } from '../test/capturedLog';
import { registerDisplay, signedIn } from '../test/operatorClient';
import { useHarness, WAIT_MS } from '../test/support';
import { KIOSK_EVENTS_PER_MINUTE } from './kioskRoutes';

const start = useHarness();
const dir = mkdtempSync(path.join(tmpdir(), 'ioc-kiosk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const post = (url: string, body: string, type = 'application/json') =>
  fetch(`${url}/api/v1/kiosk/events`, {
    method: 'POST',
    headers: { 'content-type': type },
    body,
    signal: AbortSignal.timeout(WAIT_MS),
  });

const event = { kind: 'heap-reload', display: 'hall-1', build: 'b1', path: '/?kiosk=1', detail: 'heap 600 MB' };

describe('kiosk HTTP', () => {
  it('GET /api/v1/kiosk serves the defaults without a file', async () => {
    const wall = await start();
    expect(await wall.getJson('/api/v1/kiosk')).toEqual(DEFAULT_KIOSK_CONFIG);
  });

  it("GET /api/v1/kiosk serves the file's playlists, in the shared schema", async () => {
    const file = path.join(dir, 'kiosk.json');
    writeFileSync(file, JSON.stringify({ playlists: [{ id: 'hall', items: [{ path: '/', durationSec: 30 }] }] }));
    const wall = await start({ KIOSK_CONFIG: file });
    const served = KioskConfigSchema.parse(await wall.getJson('/api/v1/kiosk'));
    expect(served.playlists).toEqual([{ id: 'hall', items: [{ path: '/', durationSec: 30 }] }]);
  });

  it('POST /api/v1/kiosk/events logs what a screen did on its own', async () => {
    const { lines, logger } = capturedLog();
    // Its data in a directory of its own, like every test server: never the repository's ./data.
    const wall = await start({}, { logger });
    const res = await post(wall.url, JSON.stringify(event));
    expect(res.status).toBe(204);
    const line = lines.find((l) => l.msg === 'screen hall-1: heap-reload');
    expect(line).toMatchObject({ level: 40, screen: event });
  });

  it('refuses a malformed event in the API error shape, naming the field', async () => {
    const wall = await start();
    const res = await post(wall.url, JSON.stringify({ ...event, kind: 'format-disk' }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: { path: string[] }[] } };
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.issues.map((i) => i.path)).toEqual([['kind']]);
    const broken = await post(wall.url, '{"kind":');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ error: { code: 'MALFORMED_JSON' } });
    const huge = await post(wall.url, JSON.stringify({ ...event, detail: 'x'.repeat(10_000) }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('on a closed wall, takes events only with a display token or a session, and logs the refusals once', async () => {
    const { lines, logger } = capturedLog();
    const wall = await start({ WALL_ACCESS: 'closed' }, { logger });
    const refusedBefore = lines.length;
    for (let i = 0; i < 20; i++) {
      const res = await post(wall.url, JSON.stringify(event));
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    }
    const refusals = lines.slice(refusedBefore).filter((l) => String(l.msg).startsWith('screen events refused'));
    expect(refusals).toHaveLength(1);
    expect(lines.some((l) => l.msg === 'screen hall-1: heap-reload')).toBe(false);

    const admin = await signedIn(wall, 'root', 'admin');
    const token = await registerDisplay(wall, admin, 'hall-1');
    const asDisplay = await fetch(`${wall.url}/api/v1/kiosk/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(WAIT_MS),
    });
    expect(asDisplay.status).toBe(204);
    const asPerson = await fetch(`${wall.url}/api/v1/kiosk/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify(event),
      signal: AbortSignal.timeout(WAIT_MS),
    });
    expect(asPerson.status).toBe(204);
    expect(lines.filter((l) => l.msg === 'screen hall-1: heap-reload')).toHaveLength(2);
  });

  it(`takes at most ${KIOSK_EVENTS_PER_MINUTE} events a minute from one address, and logs the excess once`, async () => {
    const { lines, logger } = capturedLog();
    const wall = await start({}, { logger });
    const statuses: number[] = [];
    for (let i = 0; i < KIOSK_EVENTS_PER_MINUTE + 20; i++)
      statuses.push((await post(wall.url, JSON.stringify(event))).status);
    expect(statuses.filter((s) => s === 204)).toHaveLength(KIOSK_EVENTS_PER_MINUTE);
    expect(statuses.slice(KIOSK_EVENTS_PER_MINUTE)).toEqual(Array(20).fill(429));
    expect(lines.filter((l) => l.msg === 'screen hall-1: heap-reload')).toHaveLength(KIOSK_EVENTS_PER_MINUTE);
    expect(lines.filter((l) => String(l.msg).startsWith('screen events refused'))).toHaveLength(1);
  });
});
