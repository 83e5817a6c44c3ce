import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SOURCE_ID_PATTERN } from '../shared/ingest';
import type { Synchronous } from './store/sqlite/store';

/** The settings of the ingest API and of storage, merged into the server's one environment schema (config.ts). */
export const IngestEnv = {
  INGEST_TOKENS: z.string().optional(),
  INGEST_TOKENS_FILE: z.string().optional(),
  INGEST_MAX_OBSERVATIONS: z.coerce.number().int().min(1).max(100_000).default(5000),
  INGEST_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 2 ** 20)
    .default(2 ** 20),
  INGEST_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  STORE: z.enum(['sqlite', 'postgres']).default('sqlite'),
  DATABASE_URL: z.string().optional(),
  LEASE_MS: z.coerce.number().int().min(200).max(60_000).default(2000),
  SERVER_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, ".", "_" or "-", at most 64')
    .optional(),
  DB_SYNCHRONOUS: z.enum(['full', 'normal']).default('full'),
  RETAIN_RAW_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  RETAIN_HOURLY_DAYS: z.coerce.number().int().min(1).max(36_500).default(730),
};

const IngestEnvSchema = z.object(IngestEnv);
type IngestEnvValues = z.output<typeof IngestEnvSchema>;

/** A source system's bearer token. */
export interface SourceToken {
  source: string;
  token: string;
}

export interface IngestConfig {
  tokens: SourceToken[];
  maxObservations: number;
  maxBytes: number;
  /** Requests per minute per token. */
  rateLimitPerMinute: number;
}

export interface StorageConfig {
  /** `sqlite`: the embedded file in the data directory, one server. `postgres`: `databaseUrl`, several servers. */
  kind: 'sqlite' | 'postgres';
  databaseUrl?: string;
  /** This server's name among several (logs, /api/v1/cluster); the host name and port by default. */
  serverId?: string;
  /** How long the writer's lease lasts unrenewed: the longest a dead writer holds up writes (PostgreSQL only). */
  leaseMs: number;
  synchronous: Synchronous;
  /** How long raw observations and minute history are kept. */
  rawDays: number;
  /** How long hourly history is kept. */
  hourlyDays: number;
}

/** Names the wall's own parts use as sources; a token may not claim them. */
export const RESERVED_SOURCES = new Set(['simulator', 'system', 'derived', 'rollup', 'alerts']);
/** Long enough that guessing is hopeless (16 random characters carry 95 bits or more). */
const MIN_TOKEN_LENGTH = 16;

/**
 * Parses `source:token` pairs, separated by commas or new lines; `#` starts a comment in a file. Every problem
 * is reported with where it is, but never with the token itself.
 */
export function parseTokens(text: string, origin: string): { tokens: SourceToken[]; problems: string[] } {
  const tokens: SourceToken[] = [];
  const problems: string[] = [];
  const entries = text
    .split(/[,\n]/)
    .map((e) => e.replace(/#.*$/, '').trim())
    .filter(Boolean);
  entries.forEach((entry, i) => {
    const colon = entry.indexOf(':');
    const source = colon > 0 ? entry.slice(0, colon).trim() : '';
    const token = colon > 0 ? entry.slice(colon + 1).trim() : '';
    const where = `${origin}, entry ${i + 1}`;
    if (!source || !token) problems.push(`${where}: expected source:token`);
    else if (!SOURCE_ID_PATTERN.test(source)) problems.push(`${where}: source "${source}" is not a valid source id`);
    else if (RESERVED_SOURCES.has(source)) problems.push(`${where}: source "${source}" is reserved for the wall`);
    else if (token.length < MIN_TOKEN_LENGTH) problems.push(`${where}: the token is shorter than ${MIN_TOKEN_LENGTH}`);
    else if (/\s/.test(token)) problems.push(`${where}: the token contains white space`);
    else tokens.push({ source, token });
  });
  return { tokens, problems };
}

export function resolveIngestConfig(e: IngestEnvValues): {
  ingest: IngestConfig;
  storage: StorageConfig;
  problems: string[];
} {
  const fromEnv = parseTokens(e.INGEST_TOKENS ?? '', 'INGEST_TOKENS');
  const problems = [...fromEnv.problems];
  const tokens = [...fromEnv.tokens];
  if (e.INGEST_TOKENS_FILE) {
    try {
      const fromFile = parseTokens(readFileSync(e.INGEST_TOKENS_FILE, 'utf8'), 'INGEST_TOKENS_FILE');
      problems.push(...fromFile.problems);
      tokens.push(...fromFile.tokens);
    } catch (error) {
      problems.push(`INGEST_TOKENS_FILE: cannot read ${e.INGEST_TOKENS_FILE} (${(error as Error).message})`);
    }
  }
  if (e.STORE === 'postgres' && !e.DATABASE_URL) problems.push('STORE=postgres needs DATABASE_URL');
  const owners = new Map<string, string>();
  for (const t of tokens) {
    const owner = owners.get(t.token);
    if (owner !== undefined && owner !== t.source) {
      problems.push(`INGEST_TOKENS: one token is given to both ${owner} and ${t.source}`);
    }
    owners.set(t.token, t.source);
  }
  return {
    ingest: {
      tokens,
      maxObservations: e.INGEST_MAX_OBSERVATIONS,
      maxBytes: e.INGEST_MAX_BYTES,
      rateLimitPerMinute: e.INGEST_RATE_LIMIT,
    },
    storage: {
      kind: e.STORE,
      ...(e.DATABASE_URL && { databaseUrl: e.DATABASE_URL }),
      ...(e.SERVER_ID && { serverId: e.SERVER_ID }),
      leaseMs: e.LEASE_MS,
      synchronous: e.DB_SYNCHRONOUS,
      rawDays: e.RETAIN_RAW_DAYS,
      hourlyDays: e.RETAIN_HOURLY_DAYS,
    },
    problems,
  };
}
