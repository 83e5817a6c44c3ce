import { describe, expect, it } from 'vitest';
import type { AuditEntry, CommandResult, DisplayState } from '../../shared/control';
import { call, connectScreen, operatorSocket, registerDisplay, signedIn } from '../test/operatorClient';
import { onlineRecords, useHarness, WAIT_MS, waitUntil } from '../test/support';

const start = useHarness();
/** Long enough for a screen on a loaded machine to answer, so only the silent one times out. */
const TIMEOUT_MS = WAIT_MS;

describe('commands', () => {
  it('fan out to every screen of a group and come back with each display’s acknowledgement, on record', async () => {
    const h = await start({ COMMAND_TIMEOUT_MS: String(TIMEOUT_MS) });
    const admin = await signedIn(h, 'root', 'admin');
    const operator = await signedIn(h, 'lan', 'operator');
    // hall-1 is a video wall of two panels; hall-2 refuses; hall-3 never answers; hall-4 is off; lobby is elsewhere.
    const hall1 = await registerDisplay(h, admin, 'hall-1');
    const wall = [await connectScreen(h, hall1), await connectScreen(h, hall1)];
    const refusing = await connectScreen(h, await registerDisplay(h, admin, 'hall-2'), 'fail');
    const silent = await connectScreen(h, await registerDisplay(h, admin, 'hall-3'), 'ignore');
    await registerDisplay(h, admin, 'hall-4');
    const lobby = await connectScreen(h, await registerDisplay(h, admin, 'lobby', 'lobby'));
    const feed = operatorSocket(h, operator);
    const done: CommandResult[] = [];
    feed.on('command:done', (r) => done.push(r));
    await new Promise((resolve) => feed.once('displays', resolve));

    const command = { type: 'show', view: { view: 'district', district: '417' } };
    const res = await call<CommandResult>(h.url, 'POST', '/api/v1/commands', {
      cookie: operator,
      body: { target: { group: 'hall' }, command },
    });
    expect(res.status).toBe(200);
    expect(res.body.actor).toBe('lan');
    expect(res.body.outcomes).toEqual([
      { display: 'hall-1', name: 'Screen hall-1', result: 'applied', screens: 2, applied: 2 },
      {
        display: 'hall-2',
        name: 'Screen hall-2',
        result: 'failed',
        error: 'no such view on this screen',
        screens: 1,
        applied: 0,
      },
      {
        display: 'hall-3',
        name: 'Screen hall-3',
        result: 'timed-out',
        error: `no answer within ${TIMEOUT_MS} ms`,
        screens: 1,
        applied: 0,
      },
      { display: 'hall-4', name: 'Screen hall-4', result: 'offline', screens: 0, applied: 0 },
    ]);
    // Each screen got the command once, with the same id; the other group got nothing.
    for (const screen of [...wall, refusing, silent]) {
      expect(screen.commands).toEqual([{ id: res.body.id, command }]);
    }
    expect(lobby.commands).toEqual([]);

    // The audit log has who, when, the target, what, and the outcome per display.
    const audit = await call<{ entries: AuditEntry[] }>(h.url, 'GET', '/api/v1/audit?limit=1', { cookie: operator });
    expect(audit.body.entries[0]).toMatchObject({
      actor: 'lan',
      action: 'show',
      target: 'group:hall',
      at: res.body.at,
      detail: command,
      result: res.body.outcomes,
    });
    const csv = await call<string>(h.url, 'GET', '/api/v1/audit.csv', { cookie: operator });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="?ioc-wall-audit.csv/);
    expect(csv.body).toContain(
      `"lan","show","group:hall","{""type"":""show"",""view"":{""view"":""district"",""district"":""417""}}","hall-1 applied; hall-2 failed (no such view on this screen); hall-3 timed-out (no answer within ${TIMEOUT_MS} ms); hall-4 offline"`,
    );

    // Every console hears of it.
    await waitUntil(() => done.length === 1, 'the console to hear of the command');
    expect(done[0]?.id).toBe(res.body.id);
    feed.close();
  });

  it('refuse what cannot be carried out, naming the field, and send nothing', async () => {
    const h = await start();
    const admin = await signedIn(h, 'root', 'admin');
    const screen = await connectScreen(h, await registerDisplay(h, admin, 'hall-1'));
    const post = (body: unknown) => call(h.url, 'POST', '/api/v1/commands', { cookie: admin, body });
    const district = await post({
      target: { display: 'hall-1' },
      command: { type: 'show', view: { view: 'district', district: '999' } },
    });
    expect(district.status).toBe(422);
    expect(district.body).toMatchObject({ error: { issues: [{ path: ['command', 'view', 'district'] }] } });
    const playlist = await post({
      target: { all: true },
      command: { type: 'playlist-start', playlist: { id: 'nope' } },
    });
    expect(playlist.status).toBe(422);
    const unknown = await post({ target: { display: 'hall-9' }, command: { type: 'reload' } });
    expect(unknown.status).toBe(404);
    const shape = await post({ target: { display: 'hall-1' }, command: { type: 'announce', text: 'x' } });
    expect(shape.status).toBe(400);
    expect(shape.body).toMatchObject({ error: { issues: [{ path: ['command', 'durationSec'] }] } });
    expect(screen.commands).toEqual([]);
  });

  it('keep what screens report for the console, with how far behind the live seq they are', async () => {
    const h = await start();
    const admin = await signedIn(h, 'root', 'admin');
    const screen = await connectScreen(h, await registerDisplay(h, admin, 'hall-1'));
    const feed = operatorSocket(h, admin);
    // A console hears of a display's change alone, or in a whole new list when the registry changed meanwhile.
    const updates: DisplayState[] = [];
    feed.on('display', (d) => updates.push(d));
    feed.on('displays', (list) => updates.push(...list.displays));
    await new Promise((resolve) => feed.once('displays', resolve));
    for (let i = 0; i < 3; i++) await h.app.ingest.submit('test-source', onlineRecords(1));
    const view = { view: 'district' as const, district: '417' };
    screen.report({ epoch: h.app.state.epoch, seq: 1, view, address: '/district/417?kiosk=1&display=hall-1' });
    await waitUntil(() => updates.some((d) => d.screens[0]?.status !== null), 'the report to reach the console');
    const shown = updates.at(-1) as DisplayState;
    expect(shown).toMatchObject({ id: 'hall-1', online: true });
    expect(shown.screens[0]).toMatchObject({ status: { view, seq: 1 }, seqLag: 2 });
    feed.close();
  });

  it('replay a running announcement to a screen that connects, and forget it once cleared', async () => {
    const h = await start();
    const admin = await signedIn(h, 'root', 'admin');
    const token = await registerDisplay(h, admin, 'hall-1');
    const announce = { type: 'announce', text: 'Họp giao ban lúc 14:00', severity: 'warning', durationSec: 600 };
    const sent = await call<CommandResult>(h.url, 'POST', '/api/v1/commands', {
      cookie: admin,
      body: { target: { display: 'hall-1' }, command: announce },
    });
    expect(sent.body.outcomes[0]?.result).toBe('offline');
    const late = await connectScreen(h, token);
    await waitUntil(() => late.commands.length === 1, 'the replayed announcement');
    expect(late.commands[0]?.command).toMatchObject({
      type: 'announce',
      announcement: { text: 'Họp giao ban lúc 14:00', severity: 'warning', until: sent.body.at + 600_000 },
    });
    await call(h.url, 'POST', '/api/v1/commands', {
      cookie: admin,
      body: { target: { display: 'hall-1' }, command: { type: 'announce-clear' } },
    });
    const later = await connectScreen(h, token);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(later.commands).toEqual([]);
  });

  it('acknowledge an alert for operators only, on record', async () => {
    const h = await start();
    const operator = await signedIn(h, 'lan');
    await h.app.ingest.submit('dvc', [
      { region: '417', indicator: 'online-record-rate', at: Date.now(), num: 25, den: 100 },
    ]);
    const alert = h.app.alerts.active().find((a) => a.region === '417');
    expect(alert).toBeDefined();
    const path = `/api/v1/alerts/${encodeURIComponent(alert?.id ?? '')}/ack`;
    expect((await call(h.url, 'POST', path)).status).toBe(401);
    const acked = await call<{ alert: { acknowledged: boolean } }>(h.url, 'POST', path, { cookie: operator });
    expect(acked.status).toBe(200);
    expect(acked.body.alert.acknowledged).toBe(true);
    expect((await h.app.control.access.audit.list({ limit: 1 }))[0]).toMatchObject({
      actor: 'lan',
      action: 'alert.acknowledge',
    });
    expect((await call(h.url, 'POST', '/api/v1/alerts/nope/ack', { cookie: operator })).status).toBe(404);
  });
});
