import { expect } from '@playwright/test';

/** The bearer token of the `dvc` source for servers the specs start with `INGEST_TOKENS: INGEST_ENV`. */
const TOKEN = 'dvc-e2e-token-0123456789';
export const INGEST_ENV = `dvc:${TOKEN}`;

/** Sends observations as the `dvc` source system would, and expects them accepted. */
export async function ingest(url: string, observations: unknown[]): Promise<{ accepted: number; seq: number }> {
  const res = await fetch(`${url}/api/v1/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ source: 'dvc', observations }),
    signal: AbortSignal.timeout(5_000),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { accepted: number; seq: number };
}

/** The online record rate of each unit at `percent`, as one batch. */
export const onlineRates = (codes: readonly string[], percent: number, at = Date.now()) =>
  codes.map((region) => ({ region, indicator: 'online-record-rate', at, num: percent, den: 100 }));
