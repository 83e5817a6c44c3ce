import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { afterEach } from 'vitest';
import type { ObservationInput } from '../../shared/ingest';
import {
  PROTOCOL_VERSION,
  type Reading,
  type ResyncRequest,
  type ResyncResponse,
  type Snapshot,
  WALL_NAMESPACE,
  type WallClientToServer,
  type WallServerToClient,
} from '../../shared/protocol';
import { type App, type AppDeps, createApp } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { SqliteStore } from '../store/sqlite/store';
import { unitAt } from './units';

/** The bound on every wait in integration tests: long enough for a loaded machine, short enough to fail fast. */
export const WAIT_MS = 3_000;

export type WallClient = Socket<WallServerToClient, WallClientToServer>;
type Payload<E extends keyof WallServerToClient> = Parameters<WallServerToClient[E]>[0];

export interface Harness {
  app: App;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** A typed /wall client; `auth` replaces the default handshake (pass null for none). */
  client(auth?: Record<string, unknown> | null): WallClient;
  /** A connected client and the snapshot it got on connect. */
  connect(): Promise<{ socket: WallClient; snapshot: Snapshot }>;
  /** GET a path and parse its JSON. */
  getJson<T = unknown>(path: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * Starts the real server on a free loopback port, simulator off, with `env` on top of the test defaults. Its data
 * lives in a fresh temporary directory, removed on close, unless `env.DATA_DIR` names one (a restart).
 */
export async function startHarness(env: Record<string, string> = {}, deps: Partial<AppDeps> = {}): Promise<Harness> {
  const ownDataDir = env.DATA_DIR ? null : mkdtempSync(path.join(tmpdir(), 'ioc-wall-test-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SIM: 'off',
    LOG_LEVEL: 'silent',
    CLIENT_DIR: '/nonexistent',
    ...(ownDataDir && { DATA_DIR: ownDataDir }),
    ...env,
  });
  const app = await createApp({ config, logger: createLogger(config.logLevel), ...deps });
  const { port } = await app.listen();
  const url = `http://127.0.0.1:${port}`;
  const clients: WallClient[] = [];

  const client = (auth: Record<string, unknown> | null = { protocol: PROTOCOL_VERSION }): WallClient => {
    const socket: WallClient = io(`${url}${WALL_NAMESPACE}`, {
      ...(auth && { auth }),
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    clients.push(socket);
    return socket;
  };

  return {
    app,
    url,
    client,
    async connect() {
      const socket = client();
      const snapshot = await waitForEvent(socket, 'snapshot');
      return { socket, snapshot };
    },
    async getJson<T>(path: string) {
      const res = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(WAIT_MS) });
      if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
      return (await res.json()) as T;
    },
    async close() {
      for (const socket of clients) socket.disconnect();
      await app.close();
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    },
  };
}

/** Starts harnesses on demand and closes every one of them after each test. */
export function useHarness(): (env?: Record<string, string>, deps?: Partial<AppDeps>) => Promise<Harness> {
  const started: Harness[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((h) => h.close()));
  });
  return async (env, deps) => {
    const harness = await startHarness(env, deps);
    started.push(harness);
    return harness;
  };
}

/** The next `event` a client receives, or a rejection after `timeoutMs`. */
export function waitForEvent<E extends keyof WallServerToClient>(
  socket: WallClient,
  event: E,
  timeoutMs = WAIT_MS,
): Promise<Payload<E>> {
  return new Promise((resolve, reject) => {
    const listener = (payload: Payload<E>) => {
      clearTimeout(timer);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once(event, listener as never);
  });
}

/** The error a refused handshake gets, or a rejection when the client connects or nothing happens in time. */
export function waitForConnectError(socket: WallClient, timeoutMs = WAIT_MS): Promise<Error & { data?: unknown }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no connect_error within ${timeoutMs} ms`)), timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      reject(new Error('connected, but a refusal was expected'));
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      resolve(error as Error & { data?: unknown });
    });
  });
}

/** Waits until `condition` holds, checking every few milliseconds (a condition may ask a server). */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Asks for a resync with a bounded wait. */
export function resync(socket: WallClient, request: ResyncRequest): Promise<ResyncResponse> {
  return socket.timeout(WAIT_MS).emitWithAck('resync', request);
}

/** A client's copy of the live state: readings by (region, indicator). */
export type Copy = Map<string, Reading>;

export function copyOf(readings: readonly Reading[]): Copy {
  const copy: Copy = new Map();
  applyReadings(copy, readings);
  return copy;
}

export function applyReadings(copy: Copy, readings: readonly Reading[]): void {
  for (const r of readings) copy.set(`${r.region}|${r.indicator}`, r);
}

/** A batch of increments of today's online records for Ky Son (417), the way a source system sends them. */
export function onlineRecords(delta: number, region = unitAt(5)): ObservationInput[] {
  return [{ region, indicator: 'records-today-online', at: Date.now(), delta }];
}

/**
 * Puts the units' online record rate on target (60 %), then at `percent`: a figure first seen below its target is a
 * standing shortfall, and only the fall raises a below-target alert (25 %, the default, is critical).
 */
export async function fallBelowTarget(h: Harness, units: readonly string[], percent = 25): Promise<void> {
  for (const num of [60, percent]) {
    const at = Date.now();
    const result = await h.app.ingest.submit(
      'dvc',
      units.map((region) => ({ region, indicator: 'online-record-rate' as const, at, num, den: 100 })),
    );
    if (!result.ok) throw new Error(`batch refused: ${JSON.stringify(result)}`);
  }
}

/** The SQLite database of a server on the embedded store, for tests that look at its tables or make it refuse writes. */
export function sqliteDb(app: App): SqliteStore['db'] {
  const store: unknown = app.store;
  if (!(store instanceof SqliteStore)) throw new Error('this test needs the embedded SQLite store');
  return store.db;
}
