// The floor: the least a server can do to put ingested values on screens, measured in the same run as the wall so
// that every figure of the wall is read against what the machine itself allows. A bare Node HTTP server and
// socket.io: it takes the same ingest requests as the wall, parses them, and emits every value to every client at
// once, with no validation, no coalescing and no state but the last value (sent to a client that connects).
// With FLOOR_DURABLE=1 it also commits every request's observations to SQLite first (WAL, synchronous FULL, one
// transaction per request), the floor for durable ingest. Environment: PORT, HOST, DATA_DIR (with FLOOR_DURABLE).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Server } from 'socket.io';

interface Observation {
  region: string;
  indicator: string;
  at: number;
  value?: number;
  num?: number;
  den?: number;
  delta?: number;
}

/** What a floor client gets for each observation. */
export interface FloorUpdate {
  region: string;
  value: number | null;
  at: number;
}

const page = readFileSync(path.join(import.meta.dirname, 'page.html'));
const durable = process.env.FLOOR_DURABLE === '1';
const insert = durable ? openLog(process.env.DATA_DIR ?? '.') : null;

function openLog(dir: string) {
  const db = new Database(path.join(dir, 'floor.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE IF NOT EXISTS observations (region TEXT, indicator TEXT, at INTEGER, value REAL, num REAL, den REAL, delta REAL)',
  );
  const row = db.prepare('INSERT INTO observations VALUES (?, ?, ?, ?, ?, ?, ?)');
  return db.transaction((observations: Observation[]) => {
    for (const o of observations) {
      row.run(o.region, o.indicator, o.at, o.value ?? null, o.num ?? null, o.den ?? null, o.delta ?? null);
    }
  });
}

let last: FloorUpdate | null = null;

const http = createServer((req, res) => {
  if (req.method === 'GET' && (req.url === '/' || req.url?.startsWith('/?'))) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    return res.end(page);
  }
  if (req.method === 'GET' && req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end('{"status":"ok"}');
  }
  if (req.method !== 'POST' || req.url !== '/api/v1/ingest') {
    res.writeHead(404);
    return res.end();
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let observations: Observation[];
    try {
      observations = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { observations: Observation[] })
        .observations;
      insert?.(observations);
    } catch {
      res.writeHead(400);
      return res.end();
    }
    for (const o of observations) {
      last = {
        region: o.region,
        value: o.num !== undefined && o.den ? (o.num / o.den) * 100 : (o.value ?? null),
        at: o.at,
      };
      io.emit('update', last);
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"accepted":${observations.length}}`);
  });
});

const io = new Server(http, { serveClient: true });
io.on('connection', (socket) => {
  if (last) socket.emit('update', last);
});

http.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    io.close();
    process.exit(0);
  });
}
