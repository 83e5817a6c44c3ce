import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

export interface FixtureApi {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Answers `path` with `handler` from now on. */
  route(path: string, handler: Handler): void;
  /** The requests received, in order: their path with query, and headers. */
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

/**
 * A real HTTP server standing for a source system's API, on a free loopback port. Each path answers as its
 * handler says; the helpers below give the answers tests need (JSON with an ETag, an error, silence, a huge or a
 * dripping body).
 */
export async function startFixtureApi(): Promise<FixtureApi> {
  const routes = new Map<string, Handler>();
  const requests: FixtureApi['requests'] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    requests.push({ path: `${url.pathname}${url.search}`, headers: req.headers });
    const handler = routes.get(url.pathname);
    if (handler) handler(req, res, url);
    else res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"no such path"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    route: (path, handler) => routes.set(path, handler),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** JSON with an ETag; a request that sends the same ETag back gets 304. */
export const json =
  (body: unknown, etag?: string): Handler =>
  (req, res) => {
    if (etag && req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/json', ...(etag && { etag }) }).end(JSON.stringify(body));
  };

export const status =
  (code: number, text = 'upstream failed'): Handler =>
  (_req, res) =>
    void res.writeHead(code, { 'content-type': 'text/plain' }).end(text);

export const malformed: Handler = (_req, res) =>
  void res.writeHead(200, { 'content-type': 'application/json' }).end('{"duLieu": [{"tenDonVi": "Huyện Kỳ Sơn",');

/** Accepts the request and never answers. */
export const silent: Handler = () => {};

/**
 * A valid JSON answer of `bytes` bytes, streamed in chunks without a Content-Length (so only counting the bytes read
 * can stop it), respecting backpressure, and stopping when the client goes away; `sentSoFar` counts what left.
 */
export const huge =
  (bytes: number, sentSoFar: { bytes: number } = { bytes: 0 }): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    res.write('{"padding":"');
    const pump = () => {
      while (sent < bytes && !res.destroyed) {
        sent += chunk.length;
        sentSoFar.bytes = sent;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end('"}');
    };
    pump();
  };

/** Headers at once, then a byte of a JSON body every `everyMs`, never ending. */
export const drip =
  (everyMs: number): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('[');
    const timer = setInterval(() => res.write(' '), everyMs);
    res.once('close', () => clearInterval(timer));
  };
