import { z } from 'zod';

export const CONNECTOR_KINDS = ['http', 'sql', 'mqtt'] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

/**
 * What a connector is doing: `ok` (its last attempt worked and brought data recently), `failing` (its last attempt
 * failed), `stale` (it works but has brought nothing new for longer than its `staleAfter`), `disabled` (switched
 * off in the file), `starting` (no attempt has finished since the server started).
 */
export const CONNECTOR_STATES = ['ok', 'failing', 'stale', 'disabled', 'starting'] as const;
export type ConnectorState = (typeof CONNECTOR_STATES)[number];

/** Why an attempt failed, in words an integrator can act on. */
export const CONNECTOR_ERROR_KINDS = [
  /** The source answered with an HTTP status other than 2xx or 304. */
  'http-status',
  /** No answer: refused, reset, DNS, TLS. */
  'network',
  'timeout',
  /** The answer was larger than the connector's `maxBytes` (or a query gave more than `maxRows`). */
  'too-large',
  /** The answer is not JSON (or an MQTT payload is not). */
  'parse',
  /** The mapping failed, or a record it made lacks a field or names an unknown unit. */
  'mapping',
  /** The ingest checks refused an observation (unknown indicator, a negative count, num > den, ...). */
  'refused',
  /** The wall could not store the observations; they are tried again. */
  'storage',
  /** The database refused the query or the connection. */
  'query',
  /** The MQTT broker refused the connection or the subscription, or the connection dropped. */
  'broker',
] as const;
export type ConnectorErrorKind = (typeof CONNECTOR_ERROR_KINDS)[number];

export const ConnectorIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

export const ConnectorErrorSchema = z.object({
  at: z.number().int(),
  kind: z.enum(CONNECTOR_ERROR_KINDS),
  message: z.string(),
  /** The HTTP status, for `http-status`. */
  status: z.number().int().optional(),
  /** The records that were wrong (`["records", 3, "num"]`), for `mapping` and `refused`; at most a few dozen. */
  issues: z.array(ConnectorIssueSchema).optional(),
});

/** When a connector runs: every so many milliseconds, on a cron expression, or on every message of its topics. */
export const ConnectorWhenSchema = z.union([
  z.object({ every: z.number().int().positive() }),
  z.object({ cron: z.string(), timeZone: z.string() }),
  z.object({ topics: z.array(z.string()) }),
]);

/** One connector's health, as `GET /api/v1/connectors` and the operator console show it. */
export const ConnectorHealthSchema = z.object({
  id: z.string(),
  kind: z.enum(CONNECTOR_KINDS),
  source: z.string(),
  state: z.enum(CONNECTOR_STATES),
  schedule: ConnectorWhenSchema,
  lastAttemptAt: z.number().int().nullable(),
  lastSuccessAt: z.number().int().nullable(),
  /** When an attempt last brought observations that were applied. */
  lastDataAt: z.number().int().nullable(),
  nextRunAt: z.number().int().nullable(),
  lastError: ConnectorErrorSchema.nullable(),
  /** Observations accepted and refused since the connector first ran on this wall (kept over restarts and writers). */
  accepted: z.number().int().nonnegative(),
  refused: z.number().int().nonnegative(),
});

export const ConnectorListSchema = z.object({ connectors: z.array(ConnectorHealthSchema) });

export type ConnectorWhen = z.infer<typeof ConnectorWhenSchema>;
export type ConnectorIssue = z.infer<typeof ConnectorIssueSchema>;
export type ConnectorError = z.infer<typeof ConnectorErrorSchema>;
export type ConnectorHealth = z.infer<typeof ConnectorHealthSchema>;
export type ConnectorList = z.infer<typeof ConnectorListSchema>;
