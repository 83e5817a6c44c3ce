import { describe, expect, it } from 'vitest';
import { type HistoryResponse, HistoryResponseSchema } from '../../shared/history';
import { errorOf, postIngest, TEST_TOKENS } from '../test/ingestClient';
import { useHarness, WAIT_MS } from '../test/support';
import { unitAt } from '../test/units';

const start = useHarness();
const MINUTE = 60_000;
/** Noon on a working day: increments from half an hour before all fall on the same day, at whatever hour it runs. */
const NOON = '2026-12-02T12:00:00+07:00';

async function get(url: string, query: string) {
  const res = await fetch(`${url}/api/v1/history?${query}`, { signal: AbortSignal.timeout(WAIT_MS) });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe('GET /api/v1/history', () => {
  it('answers units and province roll-ups over the last 24 hours by default, uncached', async () => {
    const wall = await start({ INGEST_TOKENS: TEST_TOKENS, CLOCK_START: NOON });
    const now = Date.parse(NOON);
    const t0 = now - 30 * MINUTE;
    for (const [i, region] of [unitAt(5), unitAt(0), unitAt(5)].entries()) {
      const at = t0 + i * 10 * MINUTE;
      const res = await postIngest(wall.url, {
        source: 'dvc',
        observations: [{ region, indicator: 'records-today-online', at, delta: 10 }],
      });
      expect(res.status).toBe(200);
    }
    const res = await fetch(`${wall.url}/api/v1/history?region=province&indicator=records-today-online`, {
      signal: AbortSignal.timeout(WAIT_MS),
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body: HistoryResponse = HistoryResponseSchema.parse(await res.json());
    expect(body.to - body.from).toBe(24 * 60 * MINUTE);
    expect(body.stepMs).toBe(5 * MINUTE);
    expect(body.points.map((p) => p.value)).toEqual([10, 20, 30]);
    const unit = HistoryResponseSchema.parse(
      (await get(wall.url, `region=${unitAt(5)}&indicator=records-today-online&from=${t0}&to=${now}&step=1h`)).body,
    );
    expect(unit.stepMs).toBe(60 * MINUTE);
    expect(unit.points.at(-1)?.value).toBe(20);
    const iso = await get(
      wall.url,
      `region=${unitAt(5)}&indicator=records-today-online&from=${encodeURIComponent(new Date(t0).toISOString())}`,
    );
    expect(iso.status).toBe(200);
  });

  it.each([
    ['region=province', 'indicator'],
    ['region=499&indicator=records-today-online', 'region'],
    [`region=${unitAt(5)}&indicator=happiness`, 'indicator'],
    [`region=${unitAt(5)}&indicator=records-today-online&from=yesterday`, 'from'],
    [`region=${unitAt(5)}&indicator=records-today-online&from=2000&to=1000`, 'from'],
    [`region=${unitAt(5)}&indicator=records-today-online&step=5x`, 'step'],
    [`region=${unitAt(5)}&indicator=records-today-online&step=30s`, 'step'],
    [`region=${unitAt(5)}&indicator=records-today-online&from=0&step=1m`, 'step'],
    [`region=${unitAt(5)}&indicator=records-today-online&colour=red`, 'colour'],
  ])('refuses %s, naming %s', async (query, field) => {
    const wall = await start();
    const res = await get(wall.url, query);
    expect(res.status).toBe(400);
    const error = errorOf(res.body);
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.issues?.map((i) => i.path[0])).toContain(field);
  });
});
