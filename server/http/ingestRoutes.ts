import { createHash } from 'node:crypto';
import express, { Router } from 'express';
import { type IngestAccepted, type IngestBatch, IngestBatchSchema } from '../../shared/ingest';
import type { IngestConfig } from '../ingestConfig';
import type { Ingest } from '../sources/ingest';
import { issuesOf, sendError } from './apiErrors';
import type { WallMetrics } from './metrics';
import { sameOriginWrites } from './operatorAuth';
import { authenticateSource, limitPerSource, sourceOf } from './sourceAuth';

export interface IngestRouteDeps {
  ingest: Ingest;
  config: IngestConfig;
  metrics: WallMetrics;
  /** Other sites whose pages may write (`ALLOWED_ORIGINS`), as for every write of the API. */
  allowedOrigins: readonly string[];
}

/**
 * A content hash of a batch for idempotency: the same observations in the same order give the same hash,
 * however the JSON was spaced or its keys ordered.
 */
export function batchHash(batch: IngestBatch): string {
  const hash = createHash('sha256').update(batch.source);
  for (const o of batch.observations) {
    hash.update(JSON.stringify([o.region, o.indicator, o.at, o.value, o.num, o.den, o.delta]));
  }
  return hash.digest('hex');
}

/**
 * `POST /api/v1/ingest`: refuse a write from another site's page (403), authenticate (401), rate-limit per source (429), parse at most `maxBytes` of JSON
 * (400, 413), check the batch's shape (400) and size (413) and its source (403), then hand it to the ingest path,
 * which answers 422 for impossible values, 409 for a reused idempotency key, 503 when it cannot store, and
 * `{ accepted, seq }` once the batch is durably committed (with the other requests of the same moment: one flush
 * to disk for all of them).
 */
export function ingestRoutes(deps: IngestRouteDeps): Router {
  const { ingest, config, metrics } = deps;
  const router = Router();

  router.post(
    '/api/v1/ingest',
    (_req, res, next) => {
      res.set('Cache-Control', 'no-store');
      res.on('finish', () => metrics.request(sourceOf(res), String(res.locals.errorCode ?? 'OK')));
      next();
    },
    sameOriginWrites(deps.allowedOrigins),
    authenticateSource(config.tokens),
    limitPerSource(config.rateLimitPerMinute),
    express.json({ limit: config.maxBytes, strict: true }),
    async (req, res) => {
      const source = sourceOf(res);
      const body: unknown = req.body;
      if (body === undefined) {
        const type = req.get('content-type') ?? 'none';
        return sendError(
          res,
          'UNSUPPORTED_MEDIA_TYPE',
          `Content-Type ${type} is not JSON: send the batch as application/json`,
        );
      }
      const sent = (body as { observations?: unknown } | null)?.observations;
      const n = Array.isArray(sent) ? sent.length : 0;
      if (n > config.maxObservations) {
        metrics.refused(source, 'too_large', n);
        return sendError(res, 'PAYLOAD_TOO_LARGE', `at most ${config.maxObservations} observations per request`, [
          { path: ['observations'], message: `${n} observations; the limit is ${config.maxObservations}` },
        ]);
      }
      const parsed = IngestBatchSchema.safeParse(body);
      if (!parsed.success) {
        metrics.refused(source, 'schema', n);
        return sendError(res, 'BAD_REQUEST', 'the batch does not match the ingest schema', issuesOf(parsed.error));
      }
      const batch = parsed.data;
      if (batch.source !== source) {
        metrics.refused(source, 'forbidden', n);
        return sendError(res, 'FORBIDDEN', `this token belongs to source ${source}, not ${batch.source}`, [
          { path: ['source'], message: `the token is for ${source}` },
        ]);
      }
      const result = await ingest.submitSoon(source, batch.observations, {
        ...(batch.idempotencyKey && { idempotency: { key: batch.idempotencyKey, hash: batchHash(batch) } }),
      });
      if (result.ok) {
        const answer: IngestAccepted = { accepted: result.accepted, seq: result.seq };
        return res.json(answer);
      }
      switch (result.reason) {
        case 'invalid':
          return sendError(
            res,
            'UNPROCESSABLE',
            'some observations are not possible; nothing was applied',
            result.issues,
          );
        case 'conflict':
          return sendError(res, 'IDEMPOTENCY_CONFLICT', result.message, [
            { path: ['idempotencyKey'], message: 'used before with a different body' },
          ]);
        case 'storage':
          return sendError(res, 'STORAGE_UNAVAILABLE', result.message);
      }
    },
  );
  return router;
}
