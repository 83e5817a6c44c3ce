import { describe, expect, it } from 'vitest';
import { signedIn } from '../test/operatorClient';
import { useHarness, WAIT_MS } from '../test/support';

const start = useHarness();

/** Posts a JSON text under another content type, as a form or a careless script would. */
const postAs = (url: string, type: string, body: unknown, cookie?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': type, ...(cookie && { cookie }) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(WAIT_MS),
  });

describe('a body that is not JSON', () => {
  it('gets 415 naming its content type on sign-in, screen events and commands, and changes nothing', async () => {
    const h = await start();
    const operator = await signedIn(h, 'lan');
    const routes: [string, unknown][] = [
      ['/api/v1/session', { name: 'lan', password: 'x' }],
      ['/api/v1/kiosk/events', { kind: 'heap-reload', display: 'hall-1', build: 'b1', path: '/', detail: 'x' }],
      ['/api/v1/commands', { target: { group: 'hall' }, command: { type: 'reload' } }],
      ['/api/v1/alerts/ack', { ids: ['a'] }],
    ];
    for (const [path, body] of routes) {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        const res = await postAs(`${h.url}${path}`, type, body, operator);
        expect(res.status, `${path} as ${type}`).toBe(415);
        expect(res.headers.get('cache-control')).toBe('no-store');
        const answer = (await res.json()) as { error: { code: string; message: string } };
        expect(answer.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
        expect(answer.error.message).toContain(type);
      }
    }
    const audit = await fetch(`${h.url}/api/v1/audit?limit=10`, { headers: { cookie: operator } });
    const entries = ((await audit.json()) as { entries: { action: string }[] }).entries;
    expect(entries.filter((e) => e.action !== 'session.login')).toEqual([]);
  });
});
