import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { SourceToken } from '../ingestConfig';
import { sendError } from './apiErrors';

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * Finds the source a presented token belongs to. Both sides are hashed to the same length and compared with
 * `timingSafeEqual`, and every configured token is compared every time, so the answer takes the same time
 * whether the token is right, wrong in its first byte, or of another length.
 */
export function makeTokenMatcher(tokens: readonly SourceToken[]): (presented: string) => string | null {
  const known = tokens.map((t) => ({ source: t.source, digest: digest(t.token) }));
  return (presented) => {
    const d = digest(presented);
    let found: string | null = null;
    for (const t of known) {
      if (timingSafeEqual(d, t.digest) && found === null) found = t.source;
    }
    return found;
  };
}

/** The request's source, once authenticated. */
export const sourceOf = (res: { locals: Record<string, unknown> }): string =>
  typeof res.locals.source === 'string' ? res.locals.source : 'unknown';

/**
 * `Authorization: Bearer <token>`: a missing or unknown token gets 401 and nothing else happens. The token never
 * reaches a log line (the logger redacts the header) or an answer.
 */
export function authenticateSource(tokens: readonly SourceToken[]): RequestHandler {
  const match = makeTokenMatcher(tokens);
  return (req, res, next) => {
    const header = req.get('authorization');
    const presented = header ? /^Bearer +(\S+)\s*$/i.exec(header)?.[1] : undefined;
    const source = presented ? match(presented) : null;
    if (!source) {
      res.set('WWW-Authenticate', presented ? 'Bearer error="invalid_token"' : 'Bearer');
      return sendError(
        res,
        'UNAUTHORIZED',
        header ? 'the bearer token is not valid' : 'send Authorization: Bearer <token> with the source system token',
      );
    }
    res.locals.source = source;
    next();
  };
}

/** At most `perMinute` requests per token (per source) in any minute; beyond, 429 with Retry-After. */
export function limitPerSource(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Keyed by the authenticated source, never by address: a source behind a proxy is still one source.
    keyGenerator: (_req, res) => sourceOf(res),
    validate: false,
    handler: (_req, res) => {
      sendError(res, 'RATE_LIMITED', `more than ${perMinute} requests in a minute for this source; slow down`);
    },
  });
}
