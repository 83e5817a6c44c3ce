import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandAck, ScreenStatus } from '../../shared/control';
import { emptySnapshot, FakeSocket } from './fakeSocket';
import { makeWallClient, NOT_AUTHORISED_RETRY_MS, type WallClientEvents } from './makeWallClient';

const snapshot = emptySnapshot(1);

const status = { address: '/', seq: 1 } as ScreenStatus;

function start(events: Partial<WallClientEvents> = {}, token?: string) {
  const socket = new FakeSocket();
  let auth: unknown;
  const client = makeWallClient({
    token,
    display: 'hall-1',
    connect: ((_url: string, options: { auth: unknown }) => {
      auth = options.auth;
      return socket;
    }) as never,
    events: { snapshot: () => {}, delta: () => {}, link: () => {}, ...events },
    wakeups: () => () => {},
  });
  // The handshake is read on each connection, from a function (socket.io's form for a changing handshake).
  const handshake = () => {
    let sent: unknown;
    (auth as (send: (a: unknown) => void) => void)((a) => {
      sent = a;
    });
    return sent;
  };
  return { socket, client, auth: handshake };
}

describe('makeWallClient, for a registered display', () => {
  afterEach(() => vi.useRealTimers());

  it('sends its token in the handshake', () => {
    const { auth, client } = start({}, 'iocd_secret');
    expect(auth()).toEqual({ protocol: 1, display: 'hall-1', token: 'iocd_secret' });
    client.close();
  });

  it('hands commands to its listener with their acknowledgement, and refuses them without one', () => {
    const answers: CommandAck[] = [];
    const { socket, client } = start({ command: (_envelope, ack) => ack({ ok: true }) });
    socket.serverEmit('command', { id: 'c1', command: { type: 'reload' } }, (a: CommandAck) => answers.push(a));
    expect(answers).toEqual([{ ok: true }]);
    client.close();
    const bare = start();
    bare.socket.serverEmit('command', { id: 'c2', command: { type: 'reload' } }, (a: CommandAck) => answers.push(a));
    expect(answers[1]).toEqual({ ok: false, error: 'this screen takes no commands' });
    bare.client.close();
  });

  it('reports its status while connected, and again after each reconnection', () => {
    const { socket, client } = start();
    client.report(status);
    expect(socket.sent).toEqual([]);
    socket.connected = true;
    client.report(status);
    expect(socket.sent).toEqual([{ event: 'status', args: [status] }]);
    socket.serverEmit('snapshot', snapshot);
    expect(socket.sent).toHaveLength(2);
    client.close();
  });

  it('asks for its pace while connected, and again after each reconnection', () => {
    const { socket, client } = start();
    const paces = () => socket.sent.filter((m) => m.event === 'pace').map((m) => m.args[0]);
    client.pace(120);
    expect(paces()).toEqual([]);
    socket.connected = true;
    socket.serverEmit('snapshot', snapshot);
    expect(paces()).toEqual([{ intervalMs: 120 }]);
    client.pace(60);
    socket.serverEmit('snapshot', snapshot);
    expect(paces()).toEqual([{ intervalMs: 120 }, { intervalMs: 60 }, { intervalMs: 60 }]);
    client.close();
  });

  it('asks again, rarely, after being refused as not authorised', () => {
    vi.useFakeTimers();
    const refusals: string[] = [];
    const { socket, client } = start({ refused: (e) => refusals.push(e.code) });
    const error = Object.assign(new Error('no'), { data: { code: 'NOT_AUTHORISED', message: 'revoked' } });
    socket.serverEmit('connect_error', error);
    expect(refusals).toEqual(['NOT_AUTHORISED']);
    expect(client.link).toBe('offline');
    vi.advanceTimersByTime(NOT_AUTHORISED_RETRY_MS - 1);
    expect(socket.connects).toBe(0);
    vi.advanceTimersByTime(1);
    expect(socket.connects).toBe(1);
    client.close();
  });
});
