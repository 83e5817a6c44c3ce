import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../scripts/precompress';
import { type Harness, startHarness, WAIT_MS } from '../test/support';

/** A small built client, laid out as the build lays it out, with its brotli and gzip copies. */
async function buildFixtureClient(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ioc-client-'));
  mkdirSync(path.join(dir, 'assets'));
  const files: Record<string, string | Buffer> = {
    'index.html': `<!doctype html><html><head><script type="module" src="/assets/app-1a2b3c.js"></script></head><body><div id="root"></div>${'<!-- padding -->'.repeat(80)}</body></html>`,
    'assets/app-1a2b3c.js': 'export const figures = [412, 413, 414];\n'.repeat(500),
    'assets/app-4d5e6f.css': '.panel { color: #fff; background: #000; }\n'.repeat(200),
    'assets/font-7a8b9c.woff2': randomBytes(4096),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  await precompress(dir);
  return dir;
}

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with exactly these headers (fetch would add its own Accept-Encoding and decode the body). */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, signal: AbortSignal.timeout(WAIT_MS) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const CHROME = 'gzip, deflate, br, zstd';
const IMMUTABLE = 'public, max-age=31536000, immutable';

let clientDir = '';
let wall: Harness;
const file = (name: string) => readFileSync(path.join(clientDir, name));

beforeAll(async () => {
  clientDir = await buildFixtureClient();
  wall = await startHarness({ CLIENT_DIR: clientDir });
});
afterAll(async () => {
  await wall.close();
  rmSync(clientDir, { recursive: true, force: true });
});

describe('the built client over HTTP', () => {
  it('sends brotli to a browser that accepts it, with the type, length, Vary and caching of the file', async () => {
    const res = await raw(`${wall.url}/assets/app-1a2b3c.js`, { 'accept-encoding': CHROME });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(file('assets/app-1a2b3c.js').length / 10);
    expect(brotliDecompressSync(res.body)).toEqual(file('assets/app-1a2b3c.js'));
  });

  it('sends gzip to a client that accepts only gzip, or refuses brotli', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip, deflate']) {
      const res = await raw(`${wall.url}/assets/app-4d5e6f.css`, { 'accept-encoding': accept });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers['content-type']).toMatch(/^text\/css/);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(Number(res.headers['content-length'])).toBe(res.body.length);
      expect(gunzipSync(res.body)).toEqual(file('assets/app-4d5e6f.css'));
    }
  });

  it('sends the file as it is to a client that accepts no encoding, still varying on it', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
      const res = await raw(`${wall.url}/assets/app-1a2b3c.js`, headers);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
      expect(res.body).toEqual(file('assets/app-1a2b3c.js'));
    }
  });

  it('serves index.html compressed and revalidated, at / and at every view path', async () => {
    for (const at of ['/', '/district/417?lang=en', '/operator']) {
      const res = await raw(`${wall.url}${at}`, { 'accept-encoding': CHROME, accept: 'text/html' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(res.body)).toEqual(file('index.html'));
    }
  });

  it('sends a font as it is: no encoding, no Vary, cached for a year', async () => {
    const res = await raw(`${wall.url}/assets/font-7a8b9c.woff2`, { 'accept-encoding': CHROME });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBeUndefined();
    expect(res.headers['content-type']).toBe('font/woff2');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.body).toEqual(file('assets/font-7a8b9c.woff2'));
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const get = await raw(`${wall.url}/assets/app-1a2b3c.js`, { 'accept-encoding': 'gzip' });
    const head = await raw(`${wall.url}/assets/app-1a2b3c.js`, { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-encoding', 'content-length', 'content-type', 'vary', 'cache-control']) {
      expect(head.headers[name]).toBe(get.headers[name]);
    }
  });

  it('answers a range of the encoding it sends', async () => {
    const res = await raw(`${wall.url}/assets/app-1a2b3c.js`, { 'accept-encoding': 'gzip', range: 'bytes=0-99' });
    const gz = file('assets/app-1a2b3c.js.gz');
    expect(res.status).toBe(206);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-range']).toBe(`bytes 0-99/${gz.length}`);
    expect(res.body).toEqual(gz.subarray(0, 100));
  });

  it('answers 404 for a file that is not there, and takes no other method, without naming an encoding', async () => {
    const missing = await raw(`${wall.url}/assets/app-000000.js`, { 'accept-encoding': CHROME, accept: '*/*' });
    expect(missing.status).toBe(404);
    const post = await raw(`${wall.url}/assets/app-1a2b3c.js`, { 'accept-encoding': CHROME }, 'POST');
    expect(post.status).toBe(404);
    for (const res of [missing, post]) expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('leaves the API and the WebSocket as they were', async () => {
    const api = await raw(`${wall.url}/api/v1/snapshot`, { 'accept-encoding': CHROME });
    expect(api.status).toBe(200);
    expect(api.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(api.body.toString())).toMatchObject({ seq: expect.any(Number) });
    const { snapshot } = await wall.connect();
    expect(snapshot.seq).toBe(wall.app.state.seq);
  });
});
