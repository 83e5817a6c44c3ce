import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { IngestAcceptedSchema } from '../../shared/ingest';
import { createLogger } from '../logger';
import { DVC_TOKEN, errorOf, footprint, POLICE_TOKEN, postIngest, TEST_TOKENS } from '../test/ingestClient';
import { useHarness, WAIT_MS, waitForEvent } from '../test/support';
import { unitAt } from '../test/units';

const start = useHarness();
const env = { INGEST_TOKENS: TEST_TOKENS };
const AT = Date.UTC(2024, 0, 19, 3, 0); // 10:00 in Vinh

describe('POST /api/v1/ingest', () => {
  it('accepts each observation form, answers { accepted, seq } and reaches the screens', async () => {
    const wall = await start(env);
    const { socket } = await wall.connect();
    const delta = waitForEvent(socket, 'delta');
    const res = await postIngest(wall.url, {
      source: 'dvc',
      observations: [
        { region: unitAt(5), indicator: 'records-today-online', at: new Date().toISOString(), delta: 4 },
        { region: unitAt(5), indicator: 'id-cards-issued', at: Date.now(), value: 1200 },
        { region: unitAt(5), indicator: 'online-record-rate', at: Date.now(), num: 30, den: 120 },
      ],
    });
    expect(res.status).toBe(200);
    expect(IngestAcceptedSchema.strict().parse(res.body)).toEqual({ accepted: 3, seq: 1 });
    const sent = await delta;
    expect(sent.changes).toContainEqual(
      expect.objectContaining({ region: unitAt(5), indicator: 'online-record-rate', value: 25 }),
    );
    expect(wall.app.state.get('province', 'records-today-online')?.value).toBe(4);
    expect(footprint(wall.app)).toMatchObject({ seq: 1, batches: 1, observations: 3 });
  });

  it('applies a repeated request with the same key once, and answers it the same way', async () => {
    const wall = await start(env);
    const body = {
      source: 'dvc',
      idempotencyKey: 'dvc-2024-01-19-0001',
      observations: [{ region: unitAt(0), indicator: 'records-today-offline', at: Date.now(), delta: 7 }],
    };
    const first = await postIngest(wall.url, body);
    const again = await postIngest(wall.url, body);
    // The same content with its keys in another order and other spacing is the same request.
    const reordered = await postIngest(
      wall.url,
      `{ "observations": [ { "delta": 7, "at": ${body.observations[0]?.at}, "indicator": "records-today-offline", "region": "${unitAt(0)}" } ],
         "idempotencyKey": "dvc-2024-01-19-0001", "source": "dvc" }`,
    );
    expect([first.status, again.status, reordered.status]).toEqual([200, 200, 200]);
    expect(again.body).toEqual(first.body);
    expect(reordered.body).toEqual(first.body);
    expect(wall.app.state.get(unitAt(0), 'records-today-offline')?.value).toBe(7);
    expect(footprint(wall.app)).toMatchObject({ seq: 1, batches: 1, observations: 1, keys: 1 });
    // Another source may use the same key for its own request.
    const police = await postIngest(
      wall.url,
      { ...body, source: 'police', observations: [{ ...body.observations[0], delta: 1 }] },
      { token: POLICE_TOKEN },
    );
    expect(police.status).toBe(200);
    expect(wall.app.state.get(unitAt(0), 'records-today-offline')?.value).toBe(8);
  });

  it('keeps an older absolute value in history without overwriting the live value', async () => {
    const wall = await start(env);
    const send = (at: number, value: number) =>
      postIngest(wall.url, {
        source: 'dvc',
        observations: [{ region: unitAt(8), indicator: 'id-cards-issued', at, value }],
      });
    expect((await send(AT + 3_600_000, 5000)).status).toBe(200);
    expect((await send(AT, 4800)).status).toBe(200);
    expect(wall.app.state.get(unitAt(8), 'id-cards-issued')).toMatchObject({ value: 5000, at: AT + 3_600_000 });
    const history = await wall.getJson<{ points: { at: number; value: number }[] }>(
      `/api/v1/history?region=${unitAt(8)}&indicator=id-cards-issued&from=${AT - 60_000}&to=${AT + 7_200_000}&step=1m`,
    );
    expect(history.points).toEqual([
      { at: AT, value: 4800 },
      { at: AT + 3_600_000, value: 5000 },
    ]);
  });

  it('limits each token to INGEST_RATE_LIMIT requests a minute, with Retry-After', async () => {
    const wall = await start({ ...env, INGEST_RATE_LIMIT: '3' });
    const body = {
      source: 'dvc',
      observations: [{ region: unitAt(5), indicator: 'records-today-online', at: Date.now(), delta: 1 }],
    };
    for (let i = 0; i < 3; i++) expect((await postIngest(wall.url, body)).status).toBe(200);
    const before = footprint(wall.app);
    const limited = await postIngest(wall.url, body);
    expect(limited.status).toBe(429);
    expect(errorOf(limited.body).code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(footprint(wall.app)).toEqual(before);
    // The limit is per token: another source is not slowed down.
    const police = await postIngest(wall.url, { ...body, source: 'police' }, { token: POLICE_TOKEN });
    expect(police.status).toBe(200);
  });

  it('never writes a token to the log, whatever the answer', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const wall = await start({ ...env, LOG_LEVEL: 'trace' }, { logger: createLogger('trace', sink) });
    const body = {
      source: 'dvc',
      observations: [{ region: unitAt(5), indicator: 'records-today-online', at: Date.now(), delta: 1 }],
    };
    expect((await postIngest(wall.url, body)).status).toBe(200);
    expect((await postIngest(wall.url, body, { token: POLICE_TOKEN })).status).toBe(403);
    expect((await postIngest(wall.url, body, { token: `${DVC_TOKEN}-wrong` })).status).toBe(401);
    expect((await postIngest(wall.url, '{bad', {})).status).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const log = lines.join('');
    expect(log).toContain('/api/v1/ingest');
    expect(log).toContain('[redacted]');
    expect(log).not.toContain(DVC_TOKEN);
    expect(log).not.toContain(POLICE_TOKEN);
  });
});

describe('GET /metrics', () => {
  it('counts accepted and refused observations by source and reason, screens, deltas and the database', async () => {
    const wall = await start(env);
    await wall.connect();
    const good = {
      source: 'dvc',
      observations: [{ region: unitAt(5), indicator: 'records-today-online', at: Date.now(), delta: 2 }],
    };
    await postIngest(wall.url, good);
    await postIngest(wall.url, { ...good, observations: [{ ...good.observations[0], region: '999' }] });
    await postIngest(wall.url, good, { token: null });
    await new Promise((resolve) => setTimeout(resolve, 250));
    const res = await fetch(`${wall.url}/metrics`, { signal: AbortSignal.timeout(WAIT_MS) });
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('ioc_ingest_observations_total{source="dvc",result="accepted",reason=""} 1');
    expect(text).toContain('ioc_ingest_observations_total{source="dvc",result="refused",reason="invalid"} 1');
    expect(text).toContain('ioc_ingest_requests_total{source="unknown",code="UNAUTHORIZED"} 1');
    expect(text).toMatch(/ioc_ingest_batch_seconds_count\{source="dvc"\} 1/);
    expect(text).toContain('ioc_screens_connected 1');
    expect(text).toMatch(/ioc_deltas_total [1-9]/);
    expect(text).toMatch(/ioc_delta_bytes_count [1-9]/);
    // The window the server keeps now: the configured one, or longer while sending costs more (never past 1 s).
    const window = Number(/^ioc_delta_window_seconds (\S+)$/m.exec(text)?.[1]);
    expect(window).toBeGreaterThanOrEqual(0.01);
    expect(window).toBeLessThanOrEqual(1);
    expect(text).toMatch(/ioc_database_bytes [1-9]\d+/);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });
});
