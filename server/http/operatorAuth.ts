import type { Request, RequestHandler, Response } from 'express';
import type { Role } from '../../shared/control';
import type { Access } from '../access';
import { type Actor, actorLabel, actorOf, bearerOf, mayAct } from '../access/credentials';
import { sendError } from './apiErrors';

/** The actor `identify` found for this request, if any. */
export const actorIn = (res: Response): Actor | null => (res.locals.actor as Actor | undefined) ?? null;

/** Who is calling, as the audit log names them. */
export const actorName = (res: Response): string => {
  const actor = actorIn(res);
  return actor ? actorLabel(actor) : 'unknown';
};

/** Finds who is calling (session cookie, automation token) and keeps it in `res.locals.actor`; refuses nobody. */
export function identify(access: Access): RequestHandler {
  return async (req, res, next) => {
    res.locals.actor = await actorOf(access, req.headers);
    next();
  };
}

/** 401 without credentials, 403 when an operator asks for an admin's action. */
export function requireRole(role: Role): RequestHandler {
  return (req, res, next) => {
    const actor = actorIn(res);
    if (!actor) {
      res.set('WWW-Authenticate', 'Bearer');
      return sendError(res, 'UNAUTHORIZED', 'sign in (POST /api/v1/session) or send an automation token');
    }
    if (!mayAct(actor, role)) return sendError(res, 'FORBIDDEN', `${req.method} ${req.path} needs an ${role}`);
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a browser's Origin names this server, as the browser reached it (`req.host` follows TRUST_PROXY). */
function isOwnOrigin(origin: string, req: Request): boolean {
  try {
    return new URL(origin).host === req.host;
  } catch {
    return false;
  }
}

/**
 * Cross-site request forgery, defence in depth: the session cookie is SameSite=Strict already, and a write from a
 * browser must come from this server's own pages (or an allowed origin). The host is compared, not the scheme, so
 * that a TLS-terminating proxy does not turn every write away. A request with no Origin (curl, a script with a
 * token) is not from a browser page and passes; its credentials are checked as usual.
 */
export function sameOriginWrites(allowed: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (SAFE_METHODS.has(req.method) || origin === undefined || allowed.includes(origin) || isOwnOrigin(origin, req)) {
      return next();
    }
    sendError(res, 'FORBIDDEN', `a request from ${origin} may not change anything here`);
  };
}

/**
 * On a wall closed to unregistered screens, live data (snapshot, history, alerts) is for registered displays
 * (their token as a bearer), signed-in people and automation tokens only. On an open wall, for anyone.
 */
export function viewerGate(access: Access, wall: 'open' | 'closed'): RequestHandler {
  return async (req, res, next) => {
    if (await mayWatch(access, wall, req, res)) return next();
    res.set('WWW-Authenticate', 'Bearer');
    sendError(res, 'UNAUTHORIZED', 'this wall shows its data to registered screens and signed-in operators only');
  };
}

/** Whether a request may see the wall: anyone on an open wall; on a closed one a display, a person or a token. */
export async function mayWatch(access: Access, wall: 'open' | 'closed', req: Request, res: Response): Promise<boolean> {
  if (wall === 'open' || actorIn(res)) return true;
  const bearer = bearerOf(req.get('authorization'));
  return bearer?.startsWith('iocd_') === true && (await access.displays.byToken(bearer)) !== null;
}
