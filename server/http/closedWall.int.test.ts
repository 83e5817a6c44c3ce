import { describe, expect, it } from 'vitest';
import { useHarness, WAIT_MS } from '../test/support';

const start = useHarness();

const status = async (url: string, method = 'GET', body?: unknown) =>
  (
    await fetch(url, {
      method,
      ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      // A generous bound: /metrics gathers Node's figures, slow on a loaded machine.
      signal: AbortSignal.timeout(3 * WAIT_MS),
    })
  ).status;

/** The routes docs/operators.md#a-closed-wall lists as open on a closed wall, and the ones it closes. */
describe('a closed wall, to someone with no credential', () => {
  it('answers what carries no live figure, and refuses the live data and screen events', async () => {
    const wall = await start({ WALL_ACCESS: 'closed' });
    const open = ['/healthz', '/api/v1/catalog', '/api/v1/kiosk', '/api/v1/session', '/metrics'];
    for (const path of open) expect(await status(`${wall.url}${path}`), path).toBe(200);
    const closed = [
      '/api/v1/snapshot',
      '/api/v1/history?region=province&indicator=records-today-online',
      '/api/v1/alerts',
    ];
    for (const path of closed) expect(await status(`${wall.url}${path}`), path).toBe(401);
    const event = { kind: 'heap-reload', display: 'hall-1', build: 'b1', path: '/' };
    expect(await status(`${wall.url}/api/v1/kiosk/events`, 'POST', event)).toBe(401);
    // Signing in stays open (a wrong pair is a wrong pair, not a closed door); ingest has its own tokens.
    expect(await status(`${wall.url}/api/v1/session`, 'POST', { name: 'x', password: 'y' })).toBe(401);
    expect(await status(`${wall.url}/api/v1/ingest`, 'POST', { source: 'dvc', observations: [] })).toBe(401);
  });
});
