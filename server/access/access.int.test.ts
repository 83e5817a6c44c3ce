import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../shared/control';
import type { Clock } from '../clock';
import { call, cookieOf, operatorSocket, signedIn, TEST_PASSWORD } from '../test/operatorClient';
import { useHarness, WAIT_MS, waitUntil } from '../test/support';

const start = useHarness();

/** A clock the test moves by hand. */
const manualClock = (at = Date.now()): Clock & { at: number } => {
  const clock: Clock & { at: number } = { at, now: () => clock.at };
  return clock;
};

describe('signing in', () => {
  it('refuses a wrong password or an unknown name alike, and sets no cookie', async () => {
    const h = await start();
    await h.app.control.access.accounts.addUser('lan', 'operator', TEST_PASSWORD);
    for (const body of [
      { name: 'lan', password: 'wrong password' },
      { name: 'nobody', password: TEST_PASSWORD },
    ]) {
      const res = await call(h.url, 'POST', '/api/v1/session', { body });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: 'UNAUTHORIZED', message: 'wrong name or password' } });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const malformed = await call(h.url, 'POST', '/api/v1/session', { body: { name: 'lan' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { issues: [{ path: ['password'] }] } });
  });

  it('gives an httpOnly, SameSite=Strict session cookie, Secure only behind HTTPS', async () => {
    const h = await start({ TRUST_PROXY: '1' });
    await h.app.control.access.accounts.addUser('lan', 'admin', TEST_PASSWORD);
    const login = (headers: Record<string, string> = {}) =>
      call<SessionInfo>(h.url, 'POST', '/api/v1/session', { body: { name: 'lan', password: TEST_PASSWORD }, headers });

    const plain = await login();
    expect(plain.status).toBe(200);
    expect(plain.body.user).toEqual({ name: 'lan', role: 'admin' });
    const cookie = plain.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^ioc_session=iocs_[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i);
    const secure = await login({ 'x-forwarded-proto': 'https' });
    expect(secure.headers.get('set-cookie')).toMatch(/; Secure/i);

    const me = await call<SessionInfo>(h.url, 'GET', '/api/v1/session', { cookie: cookieOf(plain.headers) });
    expect(me.body.user.name).toBe('lan');
  });

  it('ends a session when it expires, and closes its console feed', async () => {
    const clock = manualClock();
    const h = await start({ SESSION_TTL_HOURS: '1' }, { clock });
    const cookie = await signedIn(h, 'lan');
    expect((await call(h.url, 'GET', '/api/v1/displays', { cookie })).status).toBe(200);

    clock.at += 3_600_000 + 1;
    const expired = await call(h.url, 'GET', '/api/v1/displays', { cookie });
    expect(expired.status).toBe(401);
    const session = await call(h.url, 'GET', '/api/v1/session', { cookie });
    expect([session.status, session.body]).toEqual([200, { user: null }]);
    const feed = operatorSocket(h, cookie);
    const refused = await new Promise<unknown>((resolve) => feed.once('connect_error', (e) => resolve(e)));
    expect((refused as { data?: { code?: string } }).data?.code).toBe('NOT_AUTHORISED');
    feed.close();
  });

  it('signs out: the cookie stops working and the console feed is closed', async () => {
    const h = await start();
    const cookie = await signedIn(h, 'lan');
    const feed = operatorSocket(h, cookie);
    await new Promise((resolve) => feed.once('displays', resolve));
    let closed = false;
    feed.on('disconnect', () => {
      closed = true;
    });
    const out = await call(h.url, 'DELETE', '/api/v1/session', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^ioc_session=;/);
    expect((await call(h.url, 'GET', '/api/v1/displays', { cookie })).status).toBe(401);
    await waitUntil(() => closed, 'the feed to close');
    feed.close();
  });

  it('limits failed sign-ins per address, and never counts successful ones', async () => {
    const h = await start({ LOGIN_RATE_LIMIT: '3' });
    await h.app.control.access.accounts.addUser('lan', 'operator', TEST_PASSWORD);
    const attempt = (password: string) => call(h.url, 'POST', '/api/v1/session', { body: { name: 'lan', password } });
    for (let i = 0; i < 5; i++) expect((await attempt(TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await attempt('guess number one')).status).toBe(401);
    const limited = await attempt(TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });
});

describe('roles and origins', () => {
  it('needs credentials for the operator API, and an admin for the registry', async () => {
    const h = await start();
    expect((await call(h.url, 'GET', '/api/v1/displays')).status).toBe(401);
    expect((await call(h.url, 'POST', '/api/v1/commands', { body: {} })).status).toBe(401);
    const operator = await signedIn(h, 'lan');
    const register = await call(h.url, 'POST', '/api/v1/displays', {
      cookie: operator,
      body: { id: 'hall-1', name: 'Hall 1' },
    });
    expect(register.status).toBe(403);
    expect((await call(h.url, 'POST', '/api/v1/tokens', { cookie: operator, body: { name: 'x' } })).status).toBe(403);
    expect(await h.app.control.access.displays.list()).toEqual([]);
  });

  it("refuses a write from another site's page, even with the cookie", async () => {
    const h = await start();
    const admin = await signedIn(h, 'root', 'admin');
    const body = { id: 'hall-1', name: 'Hall 1' };
    const forged = await call(h.url, 'POST', '/api/v1/displays', {
      cookie: admin,
      body,
      origin: 'https://evil.example',
    });
    expect(forged.status).toBe(403);
    expect(await h.app.control.access.displays.list()).toEqual([]);
    const own = await call(h.url, 'POST', '/api/v1/displays', { cookie: admin, body, origin: h.url });
    expect(own.status).toBe(201);
  });

  it("refuses a socket from another site's page", async () => {
    const h = await start();
    const res = await fetch(`${h.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: 'https://evil.example' },
      signal: AbortSignal.timeout(WAIT_MS),
    });
    expect(res.status).toBe(403);
    const own = await fetch(`${h.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { origin: h.url },
      signal: AbortSignal.timeout(WAIT_MS),
    });
    expect(own.status).toBe(200);
  });

  it('lets an automation token command but not administer, until revoked', async () => {
    const h = await start();
    const admin = await signedIn(h, 'root', 'admin');
    const issued = await call<{ token: { id: number }; secret: string }>(h.url, 'POST', '/api/v1/tokens', {
      cookie: admin,
      body: { name: 'meeting-room' },
    });
    expect(issued.status).toBe(201);
    const { secret } = issued.body;
    expect(secret).toMatch(/^ioca_/);
    expect((await call(h.url, 'GET', '/api/v1/displays', { bearer: secret })).status).toBe(200);
    expect((await call(h.url, 'POST', '/api/v1/tokens', { bearer: secret, body: { name: 'more' } })).status).toBe(403);
    const listed = await call<{ tokens: unknown[] }>(h.url, 'GET', '/api/v1/tokens', { cookie: admin });
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    expect((await call(h.url, 'DELETE', `/api/v1/tokens/${issued.body.token.id}`, { cookie: admin })).status).toBe(200);
    expect((await call(h.url, 'GET', '/api/v1/displays', { bearer: secret })).status).toBe(401);
  });
});
