import pg from 'pg';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { type CommandResult, type DisplayList, type DisplayState, OPERATOR_NAMESPACE } from '../../shared/control';
import { type Alert, WALL_NAMESPACE } from '../../shared/protocol';
import {
  call,
  connectScreen,
  cookieOf,
  type OperatorSocket,
  operatorSocket,
  registerDisplay,
  TEST_PASSWORD,
} from '../test/operatorClient';
import { testDatabaseUrl, testSchema } from '../test/postgres';
import { fallBelowTarget, type Harness, useHarness, WAIT_MS, waitUntil } from '../test/support';
import { schemaUrl } from './testCluster';

const start = useHarness();
/** How long an operator's command waits for a screen: long enough for a loaded machine, so only silence times out. */
const COMMAND_TIMEOUT_MS = WAIT_MS;
/** Servers learn of each other from the adapter's heartbeats (every 2 s): a bound with room for a loaded machine. */
const PEERS_MS = 10_000;

/**
 * Two real servers on one PostgreSQL schema of their own, the first the writer: A, where operators act, and B,
 * where screens are connected, and their database's URL. Resolves once each one's adapter knows the other.
 */
async function twoServers(name: string, env: Record<string, string> = {}): Promise<[Harness, Harness, string]> {
  const url = await schemaUrl(testDatabaseUrl(), testSchema(name));
  const common = { STORE: 'postgres', DATABASE_URL: url, COMMAND_TIMEOUT_MS: String(COMMAND_TIMEOUT_MS), ...env };
  const a = await start({ ...common, SERVER_ID: 'a' });
  const b = await start({ ...common, SERVER_ID: 'b' });
  for (const h of [a, b]) {
    const adapter = h.app.io.of(WALL_NAMESPACE).adapter;
    await waitUntil(async () => (await adapter.serverCount()) === 2, 'the servers to know each other', PEERS_MS);
  }
  return [a, b, url];
}

/** Signs in on one server; the session is good on every server (it lives in PostgreSQL). */
async function signIn(h: Harness, name: string, role: 'operator' | 'admin'): Promise<string> {
  await h.app.control.access.accounts.addUser(name, role, TEST_PASSWORD);
  const res = await call(h.url, 'POST', '/api/v1/session', { body: { name, password: TEST_PASSWORD } });
  expect(res.status).toBe(200);
  return cookieOf(res.headers);
}

describe('several servers route the operators’ side', () => {
  it('carry a command from an operator on A to screens on B, with each acknowledgement, or the timeout', async () => {
    const [a, b] = await twoServers('routing_commands');
    const admin = await signIn(a, 'root', 'admin');
    const answering = await connectScreen(b, await registerDisplay(a, admin, 'hall-1'));
    const silent = await connectScreen(b, await registerDisplay(a, admin, 'hall-2'), 'ignore');
    await registerDisplay(a, admin, 'hall-3');
    const feed = operatorSocket(b, admin);
    const done: CommandResult[] = [];
    feed.on('command:done', (r) => done.push(r));
    await new Promise((resolve) => feed.once('displays', resolve));

    const command = { type: 'reload' };
    const res = await call<CommandResult>(a.url, 'POST', '/api/v1/commands', {
      cookie: admin,
      body: { target: { group: 'hall' }, command },
    });
    expect(res.status).toBe(200);
    expect(res.body.outcomes).toEqual([
      { display: 'hall-1', name: 'Screen hall-1', result: 'applied', screens: 1, applied: 1 },
      {
        display: 'hall-2',
        name: 'Screen hall-2',
        result: 'timed-out',
        error: `no answer within ${COMMAND_TIMEOUT_MS} ms`,
        screens: 1,
        applied: 0,
      },
      { display: 'hall-3', name: 'Screen hall-3', result: 'offline', screens: 0, applied: 0 },
    ]);
    expect(answering.commands).toEqual([{ id: res.body.id, command }]);
    expect(silent.commands).toEqual([{ id: res.body.id, command }]);
    // A console on B hears of the command A carried out.
    await waitUntil(() => done.length === 1, 'the console on B to hear of the command');
    expect(done[0]?.id).toBe(res.body.id);
    feed.close();
  });

  it('replay on B an announcement an operator made on A, to a screen that connects later', async () => {
    const [a, b] = await twoServers('routing_announce');
    const admin = await signIn(a, 'root', 'admin');
    const token = await registerDisplay(a, admin, 'hall-1');
    const announce = { type: 'announce', text: 'Họp giao ban lúc 14:00', severity: 'warning', durationSec: 600 };
    const sent = await call<CommandResult>(a.url, 'POST', '/api/v1/commands', {
      cookie: admin,
      body: { target: { display: 'hall-1' }, command: announce },
    });
    expect(sent.body.outcomes[0]?.result).toBe('offline');
    const late = await connectScreen(b, token);
    await waitUntil(() => late.commands.length === 1, 'the announcement replayed on B');
    expect(late.commands[0]?.command).toMatchObject({ type: 'announce', announcement: { text: announce.text } });
  });

  it('show on A the screens connected to B, with what they report, and drop them on B when A revokes', async () => {
    const [a, b] = await twoServers('routing_status');
    const admin = await signIn(a, 'root', 'admin');
    const token = await registerDisplay(a, admin, 'hall-1');
    const feed = operatorSocket(a, admin);
    const updates: DisplayState[] = [];
    feed.on('display', (d) => updates.push(d));
    feed.on('displays', (list) => updates.push(...list.displays));
    await new Promise((resolve) => feed.once('displays', resolve));

    const screen = await connectScreen(b, token);
    const view = { view: 'district' as const, district: '417' };
    screen.report({ view, address: '/district/417?kiosk=1&display=hall-1' });
    // The console on A hears of the report made on B.
    await waitUntil(() => updates.some((d) => d.screens[0]?.status?.view?.view === 'district'), 'the report on A');
    const list = await call<DisplayList>(a.url, 'GET', '/api/v1/displays', { cookie: admin });
    expect(list.body.displays).toEqual([
      expect.objectContaining({
        id: 'hall-1',
        online: true,
        screens: [expect.objectContaining({ status: expect.objectContaining({ view }) })],
      }),
    ]);

    const dropped = new Promise<string>((resolve) => screen.socket.once('disconnect', resolve));
    const revoked = await call(a.url, 'DELETE', '/api/v1/displays/hall-1/token', { cookie: admin });
    expect(revoked.status).toBe(200);
    expect(await dropped).toBe('io server disconnect');
    await waitUntil(
      async () =>
        (await call<DisplayList>(a.url, 'GET', '/api/v1/displays', { cookie: admin })).body.displays[0]?.online ===
        false,
      'A to list the display offline',
    );
    feed.close();
  });

  it('pass what is too big for a NOTIFY through the attachments table: a video wall of long addresses', async () => {
    const [a, b, url] = await twoServers('routing_big');
    const admin = await signIn(a, 'root', 'admin');
    const token = await registerDisplay(a, admin, 'video-wall');
    const address = `/district/417?kiosk=1&display=video-wall&note=${'x'.repeat(1_900)}`;
    const panels = await Promise.all(Array.from({ length: 6 }, () => connectScreen(b, token)));
    for (const panel of panels) panel.report({ address });
    const listed = async () => {
      const list = await call<DisplayList>(a.url, 'GET', '/api/v1/displays', { cookie: admin });
      const screens = list.body.displays[0]?.screens ?? [];
      return screens.length === 6 && screens.every((s) => s.status?.address === address);
    };
    await waitUntil(listed, "A to list the six panels' reports, read from B");
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query<{ n: string }>('SELECT count(*) AS n FROM socket_io_attachments');
      expect(Number(rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      await db.end();
    }
  });

  it('drop on B the console feeds of a session signed out on A and of an automation token revoked on A', async () => {
    const [a, b] = await twoServers('routing_sign_out');
    const admin = await signIn(a, 'root', 'admin');
    const operator = await signIn(a, 'lan', 'operator');
    const issued = await call<{ token: { id: number }; secret: string }>(a.url, 'POST', '/api/v1/tokens', {
      cookie: admin,
      body: { name: 'meeting-room' },
    });
    const byCookie = operatorSocket(b, operator);
    const byToken: OperatorSocket = io(`${b.url}${OPERATOR_NAMESPACE}`, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: { token: issued.body.secret },
    });
    await Promise.all([byCookie, byToken].map((feed) => new Promise((resolve) => feed.once('displays', resolve))));
    const dropped = (feed: OperatorSocket) => new Promise<string>((resolve) => feed.once('disconnect', resolve));
    const cookieDropped = dropped(byCookie);
    const tokenDropped = dropped(byToken);

    expect((await call(a.url, 'DELETE', '/api/v1/session', { cookie: operator })).status).toBe(204);
    expect(await cookieDropped).toBe('io server disconnect');
    expect(byToken.connected).toBe(true);
    expect((await call(a.url, 'DELETE', `/api/v1/tokens/${issued.body.token.id}`, { cookie: admin })).status).toBe(200);
    expect(await tokenDropped).toBe('io server disconnect');
  });

  it('clear on the screens of A an alert acknowledged on B, in the writer’s alert state too', async () => {
    const [a, b] = await twoServers('routing_alerts');
    const operator = await signIn(a, 'lan', 'operator');
    const { socket: screenOfA } = await a.connect();
    const alertsOfA: Alert[] = [];
    screenOfA.on('delta', (d) => alertsOfA.push(...(d.alerts ?? [])));

    await fallBelowTarget(a, ['417']);
    const raised = (h: Harness) => h.app.alerts.active().find((x) => x.region === '417');
    await waitUntil(() => raised(b) !== undefined, 'B to judge the batches A wrote');
    const alert = raised(b) as Alert;
    const acked = await call<{ alert: Alert }>(b.url, 'POST', `/api/v1/alerts/${encodeURIComponent(alert.id)}/ack`, {
      cookie: operator,
    });
    expect(acked.status).toBe(200);
    expect(acked.body.alert.acknowledged).toBe(true);

    await waitUntil(() => raised(a)?.acknowledged === true, "the writer's engine to hear of the acknowledgement");
    await waitUntil(
      () => alertsOfA.some((x) => x.region === '417' && x.acknowledged),
      'a screen on A to see the alert acknowledged',
    );
    expect(raised(b)?.acknowledged).toBe(true);
  });

  it('count failed sign-ins on A and B against one limit', async () => {
    const [a, b] = await twoServers('routing_logins', { LOGIN_RATE_LIMIT: '3' });
    await a.app.control.access.accounts.addUser('lan', 'operator', TEST_PASSWORD);
    const attempt = (h: Harness, password: string) =>
      call(h.url, 'POST', '/api/v1/session', { body: { name: 'lan', password } });
    expect((await attempt(a, 'guess one')).status).toBe(401);
    expect((await attempt(b, 'guess two')).status).toBe(401);
    expect((await attempt(a, TEST_PASSWORD)).status).toBe(200);
    expect((await attempt(b, 'guess three')).status).toBe(401);
    for (const h of [a, b]) {
      const limited = await attempt(h, TEST_PASSWORD);
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    }
  });
});
