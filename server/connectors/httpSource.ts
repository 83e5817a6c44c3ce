import type { ResolvedConnector } from './connectorsFile';
import { SourceFailure } from './failure';
import type { PullAnswer, PullSource, PullState } from './pullConnector';

type HttpConnector = Extract<ResolvedConnector, { kind: 'http' }>;

/** Statuses worth trying again: the source is busy or briefly down. */
const TRANSIENT_STATUS = new Set([408, 425, 429, 500, 502, 503, 504]);
/** How much of an error answer a message quotes. */
const QUOTED = 200;

/**
 * Reads a body up to `maxBytes`, stopping (and closing the connection) as soon as it goes over: a 30 MB answer
 * costs `maxBytes` of memory at most, whatever its Content-Length says.
 */
async function readBounded(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  const tooLarge = () => new SourceFailure('too-large', `the answer is larger than ${maxBytes} bytes`, false);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw tooLarge();
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

function failureOf(error: unknown, timeoutMs: number): SourceFailure {
  if (error instanceof SourceFailure) return error;
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return new SourceFailure('timeout', `no complete answer within ${timeoutMs} ms`, true);
  const detail = e.cause?.code ?? e.cause?.message ?? e.message;
  return new SourceFailure('network', `the request failed: ${detail}`, true);
}

/** An HTTP API polled for JSON: conditional requests, a `since` parameter, a timeout over the whole answer. */
export function httpSource(c: HttpConnector): PullSource {
  const { request } = c;
  return {
    async pull(state: PullState, signal: AbortSignal): Promise<PullAnswer | 'unchanged'> {
      const url = new URL(request.url);
      if (request.sinceParam && state.since !== null) {
        url.searchParams.set(request.sinceParam, new Date(state.since).toISOString());
      }
      const headers: Record<string, string> = { accept: 'application/json', ...c.secrets.headers };
      if (request.conditional && state.etag) headers['if-none-match'] = state.etag;
      if (request.conditional && state.lastModified) headers['if-modified-since'] = state.lastModified;
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      const timeout = AbortSignal.timeout(c.timeout);
      try {
        const res = await fetch(url, {
          method: request.method,
          headers,
          ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
          signal: AbortSignal.any([signal, timeout]),
          redirect: 'follow',
        });
        if (res.status === 304) {
          await res.body?.cancel();
          return 'unchanged';
        }
        if (!res.ok) {
          const text = (await readBounded(res, 64 * 1024).catch(() => Buffer.alloc(0))).toString('utf8');
          const quoted = text.trim().slice(0, QUOTED);
          const message = `HTTP ${res.status} ${res.statusText}${quoted ? `: ${quoted}` : ''}`;
          throw new SourceFailure('http-status', message, TRANSIENT_STATUS.has(res.status), res.status);
        }
        const body = await readBounded(res, request.maxBytes);
        let input: unknown;
        try {
          input = JSON.parse(body.toString('utf8'));
        } catch (error) {
          throw new SourceFailure('parse', `the answer is not JSON: ${(error as Error).message}`, false);
        }
        const etag = res.headers.get('etag') ?? undefined;
        const lastModified = res.headers.get('last-modified') ?? undefined;
        return { input, validators: { ...(etag && { etag }), ...(lastModified && { lastModified }) } };
      } catch (error) {
        if (signal.aborted) throw error;
        throw failureOf(error, c.timeout);
      }
    },
    async close() {},
  };
}
