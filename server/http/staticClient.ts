import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Paths the single-page client must never answer, so that a typo in an API call gets a real 404. */
const NOT_CLIENT = /^\/(api|socket\.io|healthz|metrics)(\/|$)/;
/** Built files have hashed names under `assets/`: their content never changes under the same name. */
const HASHED = `${path.sep}assets${path.sep}`;

/**
 * Serves the built client: hashed assets cached for a year (their names change with their content), and
 * `index.html` revalidated on every load so that a deploy reaches every screen. Each file goes out as the build's
 * brotli or gzip copy when the browser accepts one (see scripts/precompress.ts), with `Vary: Accept-Encoding`,
 * its own type, and the length of what is sent; ranges and HEAD work as for any static file.
 */
export function staticClient(clientDir: string): Router {
  const router = express.Router();
  const root = path.resolve(clientDir);
  if (!existsSync(path.join(root, 'index.html'))) {
    router.get(/.*/, (req, res, next) => {
      if (NOT_CLIENT.test(req.path)) return next();
      res
        .status(503)
        .type('text')
        .send('The wall client is not built. Run `npm start` (it builds first) or `npm run dev`.');
    });
    return router;
  }
  const files = expressStaticGzip(root, {
    enableBrotli: true,
    // Browsers list gzip first; brotli is smaller by a tenth to a fifth on the client's code.
    orderPreference: ['br'],
    index: false,
    serveStatic: {
      index: false,
      setHeaders(res, file) {
        res.setHeader('Cache-Control', file.includes(HASHED) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    },
  });
  // GET and HEAD only (what a file answers): the middleware names the encoding before it looks for the file.
  router.get(/.*/, files);
  router.get(/.*/, (req, res, next) => {
    // A missing built file (an old build's chunk, after a deploy) gets a 404, not the page.
    if (NOT_CLIENT.test(req.path) || req.path.startsWith('/assets/') || !req.accepts('html')) return next();
    req.url = '/index.html';
    files(req, res, next);
  });
  return router;
}
