import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';

/** Paths the single-page client must never answer, so that a typo in an API call gets a real 404. */
const NOT_CLIENT = /^\/(api|socket\.io|healthz|metrics)(\/|$)/;

/**
 * Serves the built client: hashed assets cached for a year (their names change with their content), and
 * `index.html` revalidated on every load so that a deploy reaches every screen.
 */
export function staticClient(clientDir: string): Router {
  const router = express.Router();
  const index = path.resolve(clientDir, 'index.html');
  if (!existsSync(index)) {
    router.get(/.*/, (req, res, next) => {
      if (NOT_CLIENT.test(req.path)) return next();
      res
        .status(503)
        .type('text')
        .send('The wall client is not built. Run `npm start` (it builds first) or `npm run dev`.');
    });
    return router;
  }
  router.use(
    express.static(path.resolve(clientDir), {
      index: false,
      setHeaders(res, file) {
        const hashed = file.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.get(/.*/, (req, res, next) => {
    if (NOT_CLIENT.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
