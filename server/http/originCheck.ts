import type { IncomingMessage } from 'node:http';

/**
 * socket.io's `allowRequest`: a browser's socket must come from a page of this server (or an allowed origin), so
 * that another site's page cannot open a socket with the operator's cookie. A request without an Origin header
 * is no browser page (a screen's socket always has one) and passes to the namespaces' own credential checks.
 */
export function socketOriginCheck(allowed: readonly string[], trustProxy: boolean) {
  return (req: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void): void => {
    const origin = req.headers.origin;
    if (origin === undefined || allowed.includes(origin)) {
      callback(null, true);
      return;
    }
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      callback('bad origin', false);
      return;
    }
    const forwarded = trustProxy
      ? String(req.headers['x-forwarded-host'] ?? '')
          .split(',')[0]
          ?.trim()
      : undefined;
    const ok = host === req.headers.host || (forwarded !== undefined && host === forwarded);
    callback(ok ? null : 'origin not allowed', ok);
  };
}
