import { z } from 'zod';
import { SOURCE_ID_PATTERN } from '../ingest';
import { durationMs } from './duration';

/**
 * A secret is never written in the connectors file: it names an environment variable or a file (a Docker or
 * systemd credential), read once at start. `prefix` goes before it (`Bearer `).
 */
export const SecretRefSchema = z.union([
  z.strictObject({
    env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name'),
    prefix: z.string().max(64).optional(),
  }),
  z.strictObject({ file: z.string().min(1), prefix: z.string().max(64).optional() }),
]);
export type SecretRef = z.infer<typeof SecretRefSchema>;

/** Header names whose value is a credential: they take a secret reference, never a literal. */
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie)$|key|token|secret|password/i;

const HeadersSchema = z
  .record(z.string().regex(/^[A-Za-z0-9-]+$/, 'a header name'), z.union([z.string(), SecretRefSchema]))
  .superRefine((headers, ctx) => {
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value === 'string' && SECRET_HEADER.test(name)) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: 'a credential: give { "env": "VARIABLE" } or { "file": "/path" }, never the value itself',
        });
      }
    }
  });

/** An interval (`every`), or a cron expression of five or six fields (seconds first) in the server's TIME_ZONE. */
const Schedule = z
  .strictObject({ every: durationMs(1000, 7 * 86_400_000).optional(), cron: z.string().min(9).max(200).optional() })
  .refine((s) => (s.every === undefined) !== (s.cron === undefined), 'give either "every" or "cron"')
  .transform((s) => (s.every !== undefined ? { every: s.every } : { cron: s.cron as string }));

/**
 * From a source's answer to observations: a JSONata expression that yields records (an array, or one object), each
 * `{ region, indicator, at?, value | num and den | delta }`. `region` is a unit code, or a name found in `units`.
 * `at` is ISO 8601 with an offset or milliseconds; without it, the time of the pull.
 */
const Mapping = z.strictObject({
  expression: z.string().min(1).max(20_000),
  /** Names the source gives its units, to unit codes: `{ "Huyện Kỳ Sơn": "417" }`. */
  units: z.record(z.string().min(1), z.string().min(1).max(64)).default({}),
});

/** The last seen time a pull starts from, kept between runs and restarts. */
const Since = z.strictObject({
  /** Where the pull starts the first time (ISO 8601 with an offset, or milliseconds). */
  initial: z.union([z.iso.datetime({ offset: true }), z.number().int().nonnegative()]).default(0),
});

const Common = {
  /** Names the connector in health, metrics and logs. */
  id: z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'lower-case letters, digits, ".", "_" or "-", at most 64'),
  /** The ingest API's `source` its observations carry. */
  source: z.string().regex(SOURCE_ID_PATTERN, 'lower-case letters, digits, ".", "_" or "-", at most 64'),
  enabled: z.boolean().default(true),
  /** How long without new observations before the connector counts as stale; ALERT_SILENCE_SEC by default. */
  staleAfter: durationMs(1000, 30 * 86_400_000).optional(),
  mapping: Mapping,
};

const Pull = {
  schedule: Schedule,
  /** Tries after a failed one (a network error, a timeout, a 5xx or 429), waiting `backoff`, doubled each time. */
  retries: z.number().int().min(0).max(10).default(2),
  backoff: durationMs(10, 600_000).default(1000),
  timeout: durationMs(100, 600_000).default(10_000),
};

export const HttpConnectorSchema = z.strictObject({
  ...Common,
  ...Pull,
  kind: z.literal('http'),
  request: z.strictObject({
    url: z.url({ protocol: /^https?$/ }),
    method: z.enum(['GET', 'POST']).default('GET'),
    headers: HeadersSchema.default({}),
    /** A JSON body for POST. */
    body: z.json().optional(),
    /** The largest answer read, in bytes; a larger one is cut off and fails the pull. */
    maxBytes: z
      .number()
      .int()
      .min(1024)
      .max(64 * 2 ** 20)
      .default(8 * 2 ** 20),
    /** Sends If-None-Match / If-Modified-Since from the last answer; a 304 is a success with nothing new. */
    conditional: z.boolean().default(true),
    /** Adds the last seen time as this query parameter (ISO 8601), for sources that answer only what is newer. */
    sinceParam: z.string().min(1).max(64).optional(),
  }),
  since: Since.optional(),
});

export const SqlConnectorSchema = z.strictObject({
  ...Common,
  ...Pull,
  kind: z.literal('sql'),
  database: z.discriminatedUnion('driver', [
    z.strictObject({
      driver: z.literal('postgres'),
      /** The connection string (`postgres://reader@host/db`), a secret since it may hold a password. */
      url: SecretRefSchema,
    }),
    z.strictObject({
      /** MySQL or MariaDB. */
      driver: z.literal('mysql'),
      /** `mysql://reader@host/db`, a secret. */
      url: SecretRefSchema,
      /** The offset DATETIME columns are written in (`+07:00`); UTC by default. TIMESTAMP columns need none. */
      timeZone: z
        .string()
        .regex(/^(Z|[+-]\d\d:\d\d)$/, 'Z or an offset such as +07:00')
        .default('Z'),
    }),
  ]),
  /** Run in a read-only transaction. With `since`, the last seen time is `$1` (PostgreSQL) or `?` (MySQL). */
  query: z.string().min(1).max(20_000),
  /** The most rows read from one run; more fails the run (add ORDER BY and LIMIT to read in pages). */
  maxRows: z.number().int().min(1).max(1_000_000).default(10_000),
  since: Since.optional(),
});

export const MqttConnectorSchema = z.strictObject({
  ...Common,
  kind: z.literal('mqtt'),
  broker: z.strictObject({
    url: z.url({ protocol: /^(mqtt|mqtts|ws|wss)$/ }),
    username: z.string().max(200).optional(),
    password: SecretRefSchema.optional(),
    /** The client id, fixed so that the broker keeps the session (and the messages not yet acknowledged). */
    clientId: z.string().min(1).max(128).optional(),
  }),
  /** Topic filters, with `+` and `#` wildcards; subscribed with QoS 1. */
  topics: z.array(z.string().min(1).max(1000)).min(1),
  /**
   * A JSONata expression giving a message's idempotency key (`payload.id`): a redelivered message is applied once.
   * Without it, the key is a hash of the topic and the payload.
   */
  messageKey: z.string().min(1).max(2000).optional(),
});

export const ConnectorSchema = z.discriminatedUnion('kind', [
  HttpConnectorSchema,
  SqlConnectorSchema,
  MqttConnectorSchema,
]);

export const ConnectorsFileSchema = z
  .strictObject({ connectors: z.array(ConnectorSchema).max(200) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.connectors.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['connectors', i, 'id'], message: 'used twice' });
      seen.add(c.id);
    });
  });

export type HttpConnectorConfig = z.output<typeof HttpConnectorSchema>;
export type SqlConnectorConfig = z.output<typeof SqlConnectorSchema>;
export type MqttConnectorConfig = z.output<typeof MqttConnectorSchema>;
export type ConnectorConfig = z.output<typeof ConnectorSchema>;
export type ConnectorsFile = z.output<typeof ConnectorsFileSchema>;
export type MappingConfig = ConnectorConfig['mapping'];
