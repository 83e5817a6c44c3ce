import { describe, expect, it } from 'vitest';
import type { DisplayTokenIssued } from '../../shared/control';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { createLogger } from '../logger';
import { call, connectScreen, cookieOf, operatorSocket, TEST_PASSWORD } from '../test/operatorClient';
import { useHarness, waitForConnectError, waitUntil } from '../test/support';

const start = useHarness();

describe('logs', () => {
  it('never hold a password, a token or a cookie, whatever happens', async () => {
    const lines: string[] = [];
    const logger = createLogger('trace', { write: (line: string) => lines.push(line) });
    const h = await start({}, { logger });
    await h.app.control.access.accounts.addUser('root', 'admin', TEST_PASSWORD);
    const secrets: string[] = [TEST_PASSWORD];

    // A wrong password, then the right one.
    await call(h.url, 'POST', '/api/v1/session', { body: { name: 'root', password: 'not-the-password-1' } });
    secrets.push('not-the-password-1');
    const login = await call(h.url, 'POST', '/api/v1/session', { body: { name: 'root', password: TEST_PASSWORD } });
    const cookie = cookieOf(login.headers);
    secrets.push(cookie.split('=')[1] as string);

    // A display and its token, used by a screen; a forged token; an automation token.
    const issued = await call<DisplayTokenIssued>(h.url, 'POST', '/api/v1/displays', {
      cookie,
      body: { id: 'hall-1', name: 'Hall 1' },
    });
    secrets.push(issued.body.token);
    const screen = await connectScreen(h, issued.body.token);
    await waitForConnectError(h.client({ protocol: PROTOCOL_VERSION, token: 'iocd_forged-secret-value' }));
    secrets.push('iocd_forged-secret-value');
    const automation = await call<{ secret: string }>(h.url, 'POST', '/api/v1/tokens', {
      cookie,
      body: { name: 'ci' },
    });
    secrets.push(automation.body.secret);
    await call(h.url, 'POST', '/api/v1/commands', {
      bearer: automation.body.secret,
      body: { target: { display: 'hall-1' }, command: { type: 'identify' } },
    });
    await call(h.url, 'GET', '/api/v1/snapshot', { bearer: issued.body.token });
    const feed = operatorSocket(h, cookie);
    await new Promise((resolve) => feed.once('displays', resolve));
    // A screen that sends what it may not, and a sign-out.
    screen.socket.emit('status', { address: 'not valid' } as never);
    await call(h.url, 'DELETE', '/api/v1/session', { cookie });
    feed.close();

    await waitUntil(() => lines.some((l) => l.includes('signed out')), 'the sign-out line');
    expect(lines.some((l) => l.includes('login failed'))).toBe(true);
    expect(lines.some((l) => l.includes('command identify to display:hall-1'))).toBe(true);
    expect(lines.filter((line) => secrets.some((secret) => line.includes(secret)))).toEqual([]);
    expect(lines.join('\n')).toContain('[redacted]');
  });
});
