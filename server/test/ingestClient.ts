import { ApiErrorBodySchema } from '../../shared/api';
import type { App } from '../app';
import { sqliteDb, WAIT_MS } from './support';

/** The i-th observation of a burst over `regions`: the regions in turn, each online rate a little higher than the last. */
export const risingRate = (regions: readonly string[], i: number) => ({
  region: regions[i % regions.length] as string,
  indicator: 'online-record-rate',
  at: Date.now(),
  num: 300 + i,
  den: 1000,
});

/** A source token for tests: source `dvc`, and a second source `police`. */
export const DVC_TOKEN = 'dvc-test-token-0123456789';
export const POLICE_TOKEN = 'police-test-token-0123456789';
export const TEST_TOKENS = `dvc:${DVC_TOKEN},police:${POLICE_TOKEN}`;

export interface PostOptions {
  token?: string | null;
  contentType?: string;
  /** A raw Authorization header, instead of `Bearer <token>`. */
  authorization?: string;
  /** The Origin a browser page would send. */
  origin?: string;
}

/** POSTs a body (an object as JSON, or a raw string) to the ingest route; returns the status, headers and body. */
export async function postIngest(
  url: string,
  body: unknown,
  options: PostOptions = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const token = options.token === undefined ? DVC_TOKEN : options.token;
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
  if (options.authorization) headers.authorization = options.authorization;
  else if (token) headers.authorization = `Bearer ${token}`;
  if (options.origin) headers.origin = options.origin;
  const res = await fetch(`${url}/api/v1/ingest`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(WAIT_MS),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text, so the assertion shows it.
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** The error of an error answer, checked against the one error shape of the API. */
export function errorOf(body: unknown) {
  return ApiErrorBodySchema.parse(body).error;
}

/** Everything a refused request must leave as it was: the live state and every stored table. */
export function footprint(app: App) {
  const count = (table: string) =>
    (sqliteDb(app).prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const readings = app.state
    .readings()
    .sort((a, b) => `${a.region}|${a.indicator}`.localeCompare(`${b.region}|${b.indicator}`));
  return {
    seq: app.state.seq,
    readings,
    batches: count('batches'),
    observations: count('observations'),
    current: count('current'),
    historyMinute: count('history_minute'),
    historyHour: count('history_hour'),
    keys: count('idempotency'),
  };
}
