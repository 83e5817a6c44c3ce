import { type Request, type Response, Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { LoginSchema, type SessionInfo, type SessionState } from '../../shared/control';
import type { Access, Session } from '../access';
import { SESSION_COOKIE } from '../access/credentials';
import type { Logger } from '../logger';
import type { RateLimitStore } from '../store/types';
import { issuesOf, sendError } from './apiErrors';
import { jsonBody } from './jsonBody';
import { actorIn } from './operatorAuth';
import { StoredRateLimit } from './storedRateLimit';

/** Failed logins are counted over this window, per address, on every server together. */
const LOGIN_WINDOW_MS = 15 * 60_000;

export interface SessionRouteDeps {
  access: Access;
  loginRateLimit: number;
  /** Where failed sign-ins are counted: the database, so that every server of a cluster counts them together. */
  rateLimits: RateLimitStore;
  logger: Logger;
  /** The server's time, which sessions expire by (a cookie's lifetime is counted from it, not the machine's). */
  now: () => number;
  /** A session ended: its sockets go too. */
  onLogout: (sessionHash: string) => void;
}

const infoOf = (session: Pick<Session, 'user' | 'expiresAt'>): SessionInfo => ({
  user: { name: session.user.name, role: session.user.role },
  expiresAt: session.expiresAt,
});

/**
 * The session cookie: httpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure when
 * the browser reached us over HTTPS (directly, or through a proxy named in TRUST_PROXY), for the whole site.
 */
function setSessionCookie(req: Request, res: Response, token: string, expiresAt: number, now: number): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/',
    maxAge: Math.max(0, expiresAt - now),
  });
}

/**
 * `POST /api/v1/session` signs in (name and password; a wrong pair gets 401 and counts towards the address's
 * limit of failed attempts, past which 429), `GET` says who is signed in (`{ user: null }` when nobody is: the
 * console asks before it shows its sign-in form, and a signed-out browser is no error), `DELETE` signs out.
 */
export function sessionRoutes(deps: SessionRouteDeps): Router {
  const { access, logger } = deps;
  const router = Router();
  const limiter = rateLimit({
    windowMs: LOGIN_WINDOW_MS,
    limit: deps.loginRateLimit,
    // Only failures count: an operator who signs in many times a day is never locked out.
    skipSuccessfulRequests: true,
    store: new StoredRateLimit(deps.rateLimits, 'login:'),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      logger.warn({ ip: req.ip }, 'login refused: too many failed attempts from this address');
      sendError(res, 'RATE_LIMITED', 'too many failed sign-ins from this address; try again later');
    },
  });

  router.post('/api/v1/session', limiter, jsonBody('4kb'), async (req, res, next) => {
    try {
      const login = LoginSchema.safeParse(req.body);
      if (!login.success) {
        return sendError(res, 'BAD_REQUEST', 'send { name, password }', issuesOf(login.error));
      }
      const user = await access.accounts.verifyLogin(login.data.name, login.data.password);
      if (!user) {
        logger.warn({ user: login.data.name, ip: req.ip }, 'login failed');
        return sendError(res, 'UNAUTHORIZED', 'wrong name or password');
      }
      const { token, session } = await access.accounts.startSession(user);
      setSessionCookie(req, res, token, session.expiresAt, deps.now());
      logger.info({ user: user.name, role: user.role, ip: req.ip }, 'signed in');
      res.set('Cache-Control', 'no-store').json(infoOf(session));
    } catch (error) {
      next(error);
    }
  });

  router.get('/api/v1/session', (_req, res) => {
    const actor = actorIn(res);
    const state: SessionState = actor?.kind === 'user' ? infoOf(actor.session) : { user: null };
    res.set('Cache-Control', 'no-store').json(state);
  });

  router.delete('/api/v1/session', async (req, res) => {
    const actor = actorIn(res);
    if (actor?.kind === 'user') {
      await access.accounts.endSession(actor.session.hash);
      deps.onLogout(actor.session.hash);
      logger.info({ user: actor.name, ip: req.ip }, 'signed out');
    }
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
    res.status(204).end();
  });

  return router;
}
