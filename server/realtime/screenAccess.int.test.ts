import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { DisplayTokenIssued } from '../../shared/control';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import { capturedLog } from '../test/capturedLog';
import { call, connectScreen, operatorSocket, registerDisplay, signedIn } from '../test/operatorClient';
import { useHarness, WAIT_MS, waitForConnectError, waitForEvent, waitUntil } from '../test/support';

const start = useHarness();

describe('display tokens', () => {
  it('drops a revoked display at once and refuses it when it comes back: not authorised', async () => {
    const h = await start();
    const admin = await signedIn(h, 'root', 'admin');
    const token = await registerDisplay(h, admin, 'hall-1');
    const screen = await connectScreen(h, token);
    await waitUntil(async () => (await h.app.control.hub.screensOf('hall-1')).length === 1, 'the screen to be known');

    const dropped = new Promise<string>((resolve) => screen.socket.once('disconnect', resolve));
    const revoked = await call(h.url, 'DELETE', '/api/v1/displays/hall-1/token', { cookie: admin });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: 'hall-1', revokedAt: expect.any(Number) });
    expect(await dropped).toBe('io server disconnect');

    const again = h.client({ protocol: PROTOCOL_VERSION, token, display: 'hall-1' });
    const refusal = await waitForConnectError(again);
    expect(refusal.data).toMatchObject({ code: 'NOT_AUTHORISED', message: expect.stringMatching(/revoked/) });
  });

  it('refuses an unknown token, and a token presented for another display', async () => {
    const h = await start();
    const admin = await signedIn(h, 'root', 'admin');
    const token = await registerDisplay(h, admin, 'hall-1');
    const unknown = h.client({ protocol: PROTOCOL_VERSION, token: 'iocd_made-up' });
    expect((await waitForConnectError(unknown)).data).toMatchObject({ code: 'NOT_AUTHORISED' });
    const elsewhere = h.client({ protocol: PROTOCOL_VERSION, token, display: 'hall-2' });
    expect((await waitForConnectError(elsewhere)).data).toMatchObject({
      code: 'NOT_AUTHORISED',
      message: 'this token belongs to display hall-1, not hall-2',
    });
  });

  it('issues a new token that replaces the old one', async () => {
    const h = await start();
    const admin = await signedIn(h, 'root', 'admin');
    const old = await registerDisplay(h, admin, 'hall-1');
    const renewed = await call<DisplayTokenIssued>(h.url, 'POST', '/api/v1/displays/hall-1/token', { cookie: admin });
    expect(renewed.body.path).toBe(`/?kiosk=1&display=hall-1#token=${renewed.body.token}`);
    expect((await waitForConnectError(h.client({ protocol: PROTOCOL_VERSION, token: old }))).data).toMatchObject({
      code: 'NOT_AUTHORISED',
    });
    await connectScreen(h, renewed.body.token);
  });
});

describe('who may watch', () => {
  it('an open wall lets anyone watch, and lists browsers that name themselves without a token', async () => {
    const h = await start();
    const admin = await signedIn(h, 'root', 'admin');
    await h.connect();
    const named = h.client({ protocol: PROTOCOL_VERSION, display: 'lobby' });
    await waitForEvent(named, 'snapshot');
    await waitUntil(async () => (await h.app.control.hub.unregisteredCount()) === 1, 'the unregistered screen');
    const list = await call<{ unregistered: unknown[] }>(h.url, 'GET', '/api/v1/displays', { cookie: admin });
    expect(list.body.unregistered).toEqual([{ display: 'lobby', screens: 1 }]);
    expect((await fetch(`${h.url}/api/v1/snapshot`)).status).toBe(200);
  });

  it('a closed wall admits registered screens and signed-in people only, over sockets and HTTP', async () => {
    const h = await start({ WALL_ACCESS: 'closed' });
    const refusal = await waitForConnectError(h.client());
    expect(refusal.data).toMatchObject({ code: 'NOT_AUTHORISED', message: expect.stringMatching(/registered/) });
    expect((await fetch(`${h.url}/api/v1/snapshot`)).status).toBe(401);
    expect((await fetch(`${h.url}/api/v1/history?region=province&indicator=online-record-rate`)).status).toBe(401);
    expect((await fetch(`${h.url}/api/v1/alerts`)).status).toBe(401);
    expect((await fetch(`${h.url}/api/v1/catalog`)).status).toBe(200);

    const admin = await signedIn(h, 'root', 'admin');
    const token = await registerDisplay(h, admin, 'hall-1');
    await connectScreen(h, token);
    expect((await call(h.url, 'GET', '/api/v1/snapshot', { bearer: token })).status).toBe(200);
    expect((await call(h.url, 'GET', '/api/v1/snapshot', { cookie: admin })).status).toBe(200);
  });
});

describe('screens only watch', () => {
  it('a viewer or a display that emits a command gets an error, and no screen gets anything', async () => {
    const h = await start();
    const admin = await signedIn(h, 'root', 'admin');
    const target = await connectScreen(h, await registerDisplay(h, admin, 'hall-1'));
    const other = await connectScreen(h, await registerDisplay(h, admin, 'hall-2'));
    const { socket: viewer } = await h.connect();
    const forged = { target: { display: 'hall-1' }, command: { type: 'reload' } };

    for (const socket of [viewer, other.socket]) {
      // Untyped on purpose: the protocol gives screens no such event; a forged client sends it anyway.
      const answer = await (socket as unknown as Socket).timeout(WAIT_MS).emitWithAck('command', forged);
      expect(answer).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    // Nothing reached any screen, and nothing went to the audit log.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(target.commands).toEqual([]);
    expect(other.commands).toEqual([]);
    expect((await h.app.control.access.audit.list({ limit: 10 })).filter((e) => e.action === 'reload')).toEqual([]);
  });

  it('logs a socket that keeps sending what screens may not send once, however many times it does', async () => {
    const { lines, logger } = capturedLog();
    const h = await start({}, { logger });
    const { socket } = await h.connect();
    const forged = socket as unknown as Socket;
    for (let i = 0; i < 500; i++) forged.emit(`bogus-${i}`, { i });
    // Each is refused to the sender; the last one's answer shows every one before it was handled.
    expect(await forged.timeout(WAIT_MS).emitWithAck('bogus-last')).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(lines.filter((l) => String(l.msg).startsWith('a wall socket sent'))).toHaveLength(1);
    // When the socket goes, the count of the rest reaches the log.
    socket.disconnect();
    await waitUntil(() => lines.some((l) => l.refusals === 500), 'the count of refusals in the log');
  });

  it('keeps viewers out of the console feed', async () => {
    const h = await start();
    const feed = operatorSocket(h);
    const refused = await new Promise<{ data?: unknown }>((resolve) => feed.once('connect_error', resolve));
    expect(refused.data).toMatchObject({ code: 'NOT_AUTHORISED' });
    feed.close();
  });
});
