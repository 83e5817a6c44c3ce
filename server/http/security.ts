import helmet from 'helmet';

/**
 * Security headers with a strict Content-Security-Policy: scripts only from this origin, never inline. Styles
 * allow inline because the chart library positions its elements with style attributes.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'self'"],
        formAction: ["'self'"],
        // NOTE: no upgrade-insecure-requests: wall screens often reach the server by a LAN address over HTTP.
      },
    },
  });
}
