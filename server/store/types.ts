import type { ConnectorHealth } from '../../shared/connectors';
import type { AuditEntry, AutomationToken, Display, Role } from '../../shared/control';
import type { HistoryPoint } from '../../shared/history';
import type { Alert, Reading } from '../../shared/protocol';
import type { PreparedBatch } from '../state/batchDraft';

/**
 * What the wall keeps, one interface per area. Every method returns a promise, so that a database reached over a
 * connection (PostgreSQL) fits the same shape as the embedded one (SQLite). A method that resolves has written
 * durably; one that rejects has changed nothing.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

export interface StoredState {
  epoch: string;
  seq: number;
  readings: Reading[];
  /** What an operator should know about the state loaded: a new epoch and why, a check that could not be made. */
  notices?: string[];
}

/** What a request with an idempotency key was answered the first time. */
export interface IdempotentAnswer {
  hash: string;
  seq: number;
  accepted: number;
}

/** An idempotency key to remember, with what its request is answered. */
export interface IdempotencyRecord extends IdempotentAnswer {
  source: string;
  key: string;
}

export interface CommitMeta {
  receivedAt: number;
  /** The keys of the requests whose batches this commit stores. */
  idempotency?: readonly IdempotencyRecord[];
}

/** The batch log, the live state and idempotency keys: what the ingest path needs. */
export interface BatchStore {
  /** The epoch, last seq and live state stored; a new database gets its epoch here. */
  load(): Promise<StoredState>;
  /** Stores the batches, their effects, the new seq and the keys in one transaction. */
  commit(batches: readonly PreparedBatch[], meta: CommitMeta): Promise<void>;
  findIdempotent(source: string, key: string): Promise<IdempotentAnswer | undefined>;
  /** False while this server knows it may not write (a follower of a cluster); its commits would be refused. */
  writable?(): boolean;
}

/** Which region set the stored history belongs to (see server/deployment/regionSetGuard.ts). */
export interface RegionSetMark {
  /** The hash recorded by the first start, if any. */
  get(): Promise<string | undefined>;
  record(hash: string): Promise<void>;
}

export interface HistoryWindow {
  region: string;
  indicator: string;
  from: number;
  to: number;
  stepMs: number;
  /** Shifts step boundaries so that days and hours start at local midnight and on the local hour. */
  alignMs: number;
}

export interface HistoryStore {
  /** The last reading of each step of the window, from both tiers (minutes for recent days, hours beyond). */
  read(window: HistoryWindow): Promise<HistoryPoint[]>;
}

export interface RetentionOptions {
  /** Batches with their raw observations, idempotency keys and minute history are kept this long. */
  rawDays: number;
  /** Hourly history is kept this long. */
  hourlyDays: number;
  /** Rows per statement: small, so that ingest never waits long behind the background job. */
  chunkRows?: number;
  /** Minutes folded into hours per transaction. */
  foldMinutes?: number;
  /** Minutes are folded into hours this long after they end (later writes to them go to both tiers). */
  foldLagMs?: number;
  /** The pause between two cycles. */
  intervalMs?: number;
}

export interface RetentionStore {
  /**
   * One cycle of the background job: folds minutes into hours and deletes what is past retention, in small steps;
   * `stopped` is asked between steps. Resolves with what it did, by kind.
   */
  retain(now: number, options: RetentionOptions, stopped: () => boolean): Promise<Record<string, number>>;
}

export type AlertState = 'active' | 'all';

export interface AlertStore {
  /** Stores the alerts' last versions (in the order given, oldest change first), keeping at most `capacity`. */
  save(alerts: readonly Alert[], capacity: number): Promise<void>;
  /** The most recently changed first; `active` leaves out ended alerts. */
  list(query: { state: AlertState; limit: number }): Promise<Alert[]>;
}

export interface User {
  id: number;
  name: string;
  role: Role;
}

export interface UserRecord extends User {
  passwordHash: string;
}

export interface SessionRecord {
  user: User;
  expiresAt: number;
}

export interface AccountStore {
  findUser(name: string): Promise<UserRecord | undefined>;
  countUsers(): Promise<number>;
  /** Adds an account, or gives the one named a new role and password and ends its sessions. */
  saveUser(name: string, role: Role, passwordHash: string, at: number): Promise<User>;
  /** Stores a session (its token's hash) and drops the expired ones. */
  addSession(hash: string, userId: number, at: number, expiresAt: number): Promise<void>;
  sessionByHash(hash: string, now: number): Promise<SessionRecord | null>;
  endSession(hash: string): Promise<void>;
}

export interface NewDisplay {
  id: string;
  name: string;
  group: string;
  location: string;
}

export interface DisplayStore {
  list(): Promise<Display[]>;
  get(id: string): Promise<Display | null>;
  /** The display whose live token hashes to this, unless revoked or replaced. */
  byTokenHash(hash: string): Promise<Display | null>;
  /** False when the id is taken. */
  insert(display: NewDisplay, tokenHash: string, at: number, by: string): Promise<boolean>;
  update(id: string, fields: Omit<NewDisplay, 'id'>): Promise<Display | null>;
  /** A new token hash (un-revoking); null for an unknown display. */
  setToken(id: string, tokenHash: string): Promise<Display | null>;
  revoke(id: string, at: number): Promise<Display | null>;
  remove(id: string): Promise<boolean>;
  touch(id: string, at: number): Promise<void>;
}

export interface TokenStore {
  list(): Promise<AutomationToken[]>;
  insert(name: string, tokenHash: string, at: number, by: string): Promise<AutomationToken>;
  /** The live token with this hash, noting its use; null for an unknown or revoked one. */
  use(tokenHash: string, at: number): Promise<AutomationToken | null>;
  revoke(id: number, at: number): Promise<AutomationToken | null>;
}

export interface AuditRecord {
  actor: string;
  action: string;
  target: string;
  detail: unknown;
}

export interface AuditStore {
  /** Writes an action whose outcome is not known yet; resolves with its id for `finish`. */
  begin(record: AuditRecord, at: number): Promise<number>;
  finish(id: number, result: unknown): Promise<void>;
  /** The most recent entries first; `before` pages back by id. */
  list(query: { limit: number; before?: number }): Promise<AuditEntry[]>;
}

/** Hits counted over a window, under a key: what the rate limits of every server share. */
export interface RateLimitStore {
  /**
   * Counts one more hit and answers the count and when its window ends. The first hit of a key, or the first after
   * its window ended, starts a new window of `windowMs`. Hits on one key from several servers all count.
   */
  hit(key: string, windowMs: number, now: number): Promise<{ hits: number; resetAt: number }>;
  /** Takes one hit back (a request that turned out not to count); never below zero. */
  unhit(key: string): Promise<void>;
  /** Forgets a key's hits. */
  reset(key: string): Promise<void>;
}

/**
 * What pull and subscribe connectors keep between runs, restarts and servers, by connector id: a pull's cursor
 * (JSON: its last seen time, the source's validators, an answer not yet known to be committed) and the health the
 * server running the connectors last saw, which every server answers from.
 */
export interface ConnectorStore {
  cursor<T>(id: string): Promise<T | undefined>;
  /** In a cluster, rejects when this server no longer holds the writer's lease: an old writer cannot move it. */
  saveCursor(id: string, cursor: unknown): Promise<void>;
  saveHealth(health: ConnectorHealth): Promise<void>;
  /** Every connector's stored health, by id. */
  health(): Promise<Map<string, ConnectorHealth>>;
}

/** Every area of one database, opened together and closed together. */
export interface WallStore {
  readonly kind: 'sqlite' | 'postgres';
  readonly batches: BatchStore;
  readonly regionSet: RegionSetMark;
  readonly history: HistoryStore;
  readonly retention: RetentionStore;
  readonly alerts: AlertStore;
  readonly accounts: AccountStore;
  readonly displays: DisplayStore;
  readonly tokens: TokenStore;
  readonly audit: AuditStore;
  readonly rateLimits: RateLimitStore;
  readonly connectors: ConnectorStore;
  /** The database's size on disk, for the metrics (0 when unknown). */
  sizeBytes(): Promise<number>;
  close(): Promise<void>;
}

/** A stored row back into a reading (absent num and den stay absent). */
export function readingOf(row: {
  region: string;
  indicator: string;
  value: number | null;
  num: number | null;
  den: number | null;
  at: number;
  source: string;
}): Reading {
  return {
    region: row.region,
    indicator: row.indicator as Reading['indicator'],
    value: row.value,
    ...(row.num !== null && { num: row.num }),
    ...(row.den !== null && { den: row.den }),
    at: row.at,
    source: row.source,
  };
}

/** The last row of each step, rows sorted by time. */
export function lastPerStep(
  rows: readonly { at: number; value: number | null; num: number | null; den: number | null }[],
  stepMs: number,
  alignMs: number,
): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  let bucket = Number.NaN;
  for (const row of rows) {
    const b = Math.floor((row.at + alignMs) / stepMs);
    const point: HistoryPoint = {
      at: row.at,
      value: row.value,
      ...(row.num !== null && { num: row.num }),
      ...(row.den !== null && { den: row.den }),
    };
    if (b === bucket) out[out.length - 1] = point;
    else out.push(point);
    bucket = b;
  }
  return out;
}
