import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startHarness } from '../test/support';

describe('stopping the server', () => {
  it('ends even while a client holds a request half sent, and cuts that connection', async () => {
    const wall = await startHarness();
    const { port } = new URL(wall.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    // A request whose headers never end: the connection is busy, not idle, so closing the server waits for it.
    socket.write('POST /api/v1/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n');
    const cut = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await wall.close();
    await cut;
    expect(wall.app.http.listening).toBe(false);
  }, 15_000);
});
