import { Router } from 'express';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Delta } from '../../shared/protocol';
import type { IngestMetrics } from '../sources/ingest';

export interface WallMetrics extends IngestMetrics {
  readonly registry: Registry;
  /** One answered ingest request: its source (`unknown` before authentication) and its code (`OK` or an error). */
  request(source: string, code: string): void;
  /** One delta sent to the screens. */
  delta(delta: Delta): void;
}

/**
 * The server's Prometheus metrics, in a registry of its own (so that several servers in one test process do not
 * share counters): ingest by source and outcome, ingest latency, connected screens, delta rate, size and window,
 * database size, and Node's defaults (event-loop lag, memory, CPU).
 */
export function createMetrics(probe: {
  screens: () => number;
  databaseBytes: () => number;
  deltaWindowMs: () => number;
}): WallMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const observations = new Counter({
    name: 'ioc_ingest_observations_total',
    help: 'Observations accepted or refused, by source and reason',
    labelNames: ['source', 'result', 'reason'],
    registers: [registry],
  });
  const requests = new Counter({
    name: 'ioc_ingest_requests_total',
    help: 'Ingest API requests answered, by source and code (OK or the error code)',
    labelNames: ['source', 'code'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'ioc_ingest_batch_seconds',
    help: 'Time to validate, store durably and apply one accepted submission',
    labelNames: ['source'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [registry],
  });
  const deltas = new Counter({ name: 'ioc_deltas_total', help: 'Deltas sent to the screens', registers: [registry] });
  const deltaBytes = new Histogram({
    name: 'ioc_delta_bytes',
    help: 'Size of one delta as JSON',
    buckets: [256, 1024, 4096, 16_384, 65_536, 262_144, 1_048_576],
    registers: [registry],
  });
  const deltaChanges = new Histogram({
    name: 'ioc_delta_changes',
    help: 'Readings in one delta',
    buckets: [1, 5, 10, 50, 100, 500, 1000, 5000],
    registers: [registry],
  });
  new Gauge({
    name: 'ioc_screens_connected',
    help: 'Screens connected to the wall namespace',
    registers: [registry],
    collect() {
      this.set(probe.screens());
    },
  });
  new Gauge({
    name: 'ioc_delta_window_seconds',
    help: 'The shortest time between two deltas now: DELTA_INTERVAL_MS, or longer while sending them costs more',
    registers: [registry],
    collect() {
      this.set(probe.deltaWindowMs() / 1000);
    },
  });
  new Gauge({
    name: 'ioc_database_bytes',
    help: 'Size of the SQLite database and its write-ahead log',
    registers: [registry],
    collect() {
      this.set(probe.databaseBytes());
    },
  });
  return {
    registry,
    accepted(source, n, seconds) {
      observations.inc({ source, result: 'accepted', reason: '' }, n);
      latency.observe({ source }, seconds);
    },
    refused(source, reason, n) {
      observations.inc({ source, result: 'refused', reason }, n);
    },
    request(source, code) {
      requests.inc({ source, code });
    },
    delta(delta) {
      deltas.inc();
      deltaBytes.observe(Buffer.byteLength(JSON.stringify(delta)));
      deltaChanges.observe(delta.changes.length);
    },
  };
}

/** `GET /metrics` in the Prometheus text format. */
export function metricsRoute(metrics: WallMetrics): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    res.set('Content-Type', metrics.registry.contentType).set('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  });
  return router;
}
