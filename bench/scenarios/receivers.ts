// Socket clients without rendering, in a process of their own so that their work is not the measured server's:
// connects `clients` sockets to the wall (/wall, deltas) or the floor (/, updates) and reports "ready" over IPC; from
// "record" on, it notes for each message how far behind it arrived (receipt time minus the newest observation time
// it carries, which the driver stamps at sending). On "stop" it answers with each client's figures and exits.
// Usage: node --import tsx bench/scenarios/receivers.ts '<ReceiversConfig as JSON>'
import { io, type Socket } from 'socket.io-client';
import { type Delta, PROTOCOL_VERSION, WALL_NAMESPACE } from '../../shared/protocol';
import { percentile } from '../lib/stats';

export interface ReceiversConfig {
  url: string;
  kind: 'wall' | 'floor';
  clients: number;
}

export interface ClientFigures {
  messages: number;
  /** ms behind: p99 and worst over the client's messages. */
  p99: number;
  max: number;
}

/** Connections opened at once: enough to connect hundreds in seconds, few enough not to time out. */
const CONNECT_WAVE = 50;

async function main(config: ReceiversConfig) {
  const lags: number[][] = [];
  const sockets: Socket[] = [];
  let recording = false;
  const connect = (i: number) => {
    lags[i] = [];
    const own = lags[i] as number[];
    const wall = config.kind === 'wall';
    const socket = io(`${config.url}${wall ? WALL_NAMESPACE : '/'}`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      ...(wall && { auth: { protocol: PROTOCOL_VERSION } }),
    });
    sockets.push(socket);
    socket.on(wall ? 'delta' : 'update', (message: Delta | { at: number }) => {
      if (!recording) return;
      const now = Date.now();
      const newest = 'changes' in message ? Math.max(...message.changes.map((r) => r.at)) : message.at;
      if (Number.isFinite(newest)) own.push(now - newest);
    });
    return new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
  };
  for (let i = 0; i < config.clients; i += CONNECT_WAVE) {
    await Promise.all(Array.from({ length: Math.min(CONNECT_WAVE, config.clients - i) }, (_, k) => connect(i + k)));
  }
  process.send?.({ type: 'ready' });
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'record') recording = true;
    if (message.type !== 'stop') return;
    recording = false;
    for (const s of sockets) s.close();
    const figures: ClientFigures[] = lags.map((l) => ({
      messages: l.length,
      p99: percentile(l, 0.99),
      max: l.length ? Math.max(...l) : Number.NaN,
    }));
    process.send?.({ type: 'figures', figures }, () => process.exit(0));
  });
}

main(JSON.parse(process.argv[2] ?? '{}') as ReceiversConfig).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
