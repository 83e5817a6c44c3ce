import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObservationInput } from '../../shared/ingest';
import {
  DVC_TOKEN,
  errorOf,
  footprint,
  POLICE_TOKEN,
  type PostOptions,
  postIngest,
  TEST_TOKENS,
} from '../test/ingestClient';
import { type Harness, startHarness } from '../test/support';
import { unitAt } from '../test/units';

const MAX_OBSERVATIONS = 50;
const MAX_BYTES = 16_384;

const obs = (o: Partial<Record<keyof ObservationInput, unknown>> = {}) => ({
  region: unitAt(5),
  indicator: 'records-today-online',
  at: Date.now(),
  delta: 1,
  ...o,
});
const batch = (observations: unknown[], extra: Record<string, unknown> = {}) => ({
  source: 'dvc',
  observations,
  ...extra,
});

interface BadCase {
  name: string;
  body: unknown;
  options?: PostOptions;
  status: number;
  code: string;
  /** The field the error must name: an issue's path, or (for errors about the request as a whole) a word of the message. */
  path?: (string | number)[];
  message?: RegExp;
}

const O = ['observations', 0];

const CASES: BadCase[] = [
  { name: 'malformed JSON', body: '{"source":"dvc",', status: 400, code: 'MALFORMED_JSON', message: /JSON/ },
  { name: 'a JSON array instead of a batch', body: [], status: 400, code: 'BAD_REQUEST', message: /schema/ },
  { name: 'no source', body: { observations: [obs()] }, status: 400, code: 'BAD_REQUEST', path: ['source'] },
  {
    name: 'a source of the wrong type',
    body: batch([obs()], { source: 7 }),
    status: 400,
    code: 'BAD_REQUEST',
    path: ['source'],
  },
  { name: 'no observations', body: { source: 'dvc' }, status: 400, code: 'BAD_REQUEST', path: ['observations'] },
  {
    name: 'observations not a list',
    body: batch({} as never),
    status: 400,
    code: 'BAD_REQUEST',
    path: ['observations'],
  },
  { name: 'an empty list', body: batch([]), status: 400, code: 'BAD_REQUEST', path: ['observations'] },
  {
    name: 'no region',
    body: batch([obs({ region: undefined })]),
    status: 400,
    code: 'BAD_REQUEST',
    path: [...O, 'region'],
  },
  { name: 'no time', body: batch([obs({ at: undefined })]), status: 400, code: 'BAD_REQUEST', path: [...O, 'at'] },
  {
    name: 'a time without offset',
    body: batch([obs({ at: '2024-01-19 08:30' })]),
    status: 400,
    code: 'BAD_REQUEST',
    path: [...O, 'at'],
  },
  {
    name: 'a number as a string',
    body: batch([obs({ delta: '3' })]),
    status: 400,
    code: 'BAD_REQUEST',
    path: [...O, 'delta'],
  },
  {
    name: 'both value and delta',
    body: batch([obs({ value: 3 })]),
    status: 400,
    code: 'BAD_REQUEST',
    path: [...O, 'value'],
  },
  {
    name: 'num without den',
    body: batch([obs({ indicator: 'online-record-rate', delta: undefined, num: 3 })]),
    status: 400,
    code: 'BAD_REQUEST',
    path: [...O, 'den'],
  },
  {
    name: 'an unknown field',
    body: batch([obs({ colour: 'red' } as never)]),
    status: 400,
    code: 'BAD_REQUEST',
    path: [...O, 'colour'],
  },
  {
    name: 'an empty idempotency key',
    body: batch([obs()], { idempotencyKey: '' }),
    status: 400,
    code: 'BAD_REQUEST',
    path: ['idempotencyKey'],
  },
  {
    name: 'an infinite number (1e999)',
    body: `{"source":"dvc","observations":[{"region":"${unitAt(5)}","indicator":"id-cards-issued","at":1700000000000,"value":1e999}]}`,
    status: 422,
    code: 'UNPROCESSABLE',
    path: [...O, 'value'],
  },
  {
    name: 'a negative count',
    body: batch([obs({ indicator: 'id-cards-issued', delta: undefined, value: -5 })]),
    status: 422,
    code: 'UNPROCESSABLE',
    path: [...O, 'value'],
  },
  {
    name: 'an increment below zero',
    body: batch([obs({ delta: -1_000_000 })]),
    status: 422,
    code: 'UNPROCESSABLE',
    path: [...O, 'delta'],
  },
  {
    name: 'an increment past the safe integers (1e20)',
    body: batch([obs({ delta: 1e20 })]),
    status: 422,
    code: 'UNPROCESSABLE',
    path: [...O, 'delta'],
  },
  {
    name: 'a count past 2^53',
    body: batch([obs({ indicator: 'id-cards-issued', delta: undefined, value: 2 ** 53 + 2 })]),
    status: 422,
    code: 'UNPROCESSABLE',
    path: [...O, 'value'],
  },
  {
    name: 'increments that together pass the largest count',
    body: batch([obs({ delta: 600_000_000_000 }), obs({ delta: 600_000_000_000 })]),
    status: 422,
    code: 'UNPROCESSABLE',
    path: ['observations', 1, 'delta'],
  },
  {
    name: 'a denominator past the largest figure',
    body: batch([obs({ indicator: 'online-record-rate', delta: undefined, num: 1, den: 1e20 })]),
    status: 422,
    code: 'UNPROCESSABLE',
    path: [...O, 'den'],
  },
  {
    name: 'num above den',
    body: batch([obs({ indicator: 'online-record-rate', delta: undefined, num: 5, den: 4 })]),
    status: 422,
    code: 'UNPROCESSABLE',
    path: [...O, 'num'],
  },
  {
    name: 'an unknown district',
    body: batch([obs({ region: '499' })]),
    status: 422,
    code: 'UNPROCESSABLE',
    path: [...O, 'region'],
  },
  {
    name: 'a roll-up as region',
    body: batch([obs({ region: 'province' })]),
    status: 422,
    code: 'UNPROCESSABLE',
    path: [...O, 'region'],
  },
  {
    name: 'an unknown indicator',
    body: batch([obs({ indicator: 'happiness' })]),
    status: 422,
    code: 'UNPROCESSABLE',
    path: [...O, 'indicator'],
  },
  {
    name: 'a derived rate',
    body: batch([obs({ indicator: 'id-card-coverage', delta: undefined, num: 1, den: 2 })]),
    status: 422,
    code: 'UNPROCESSABLE',
    path: [...O, 'indicator'],
  },
  {
    name: 'a time far in the future',
    body: batch([obs({ at: Date.now() + 86_400_000 })]),
    status: 422,
    code: 'UNPROCESSABLE',
    path: [...O, 'at'],
  },
  {
    name: 'a score above 100',
    body: batch([obs({ indicator: 'service-index', delta: undefined, value: 140 })]),
    status: 422,
    code: 'UNPROCESSABLE',
    path: [...O, 'value'],
  },
  {
    name: 'a rate sent as a value',
    body: batch([obs({ indicator: 'online-record-rate', delta: undefined, value: 45 })]),
    status: 422,
    code: 'UNPROCESSABLE',
    path: [...O, 'value'],
  },
  {
    name: 'one bad observation among good ones',
    body: batch([obs(), obs(), obs({ region: 'x' })]),
    status: 422,
    code: 'UNPROCESSABLE',
    path: ['observations', 2, 'region'],
  },
  {
    name: 'a body over the byte limit',
    body: batch([obs({ region: 'x'.repeat(MAX_BYTES) })]),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: /bytes/,
  },
  {
    name: 'too many observations',
    body: batch(Array.from({ length: MAX_OBSERVATIONS + 1 }, () => obs())),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    path: ['observations'],
  },
  {
    name: 'no token',
    body: batch([obs()]),
    options: { token: null },
    status: 401,
    code: 'UNAUTHORIZED',
    message: /Authorization/,
  },
  {
    name: 'a wrong token',
    body: batch([obs()]),
    options: { token: `${DVC_TOKEN}x` },
    status: 401,
    code: 'UNAUTHORIZED',
    message: /token/,
  },
  {
    name: 'another scheme than Bearer',
    body: batch([obs()]),
    options: { authorization: `Basic ${DVC_TOKEN}` },
    status: 401,
    code: 'UNAUTHORIZED',
    message: /token/,
  },
  {
    name: "another source's token",
    body: batch([obs()]),
    options: { token: POLICE_TOKEN },
    status: 403,
    code: 'FORBIDDEN',
    path: ['source'],
  },
  {
    name: "a write from another site's page, even with the token",
    body: batch([obs()]),
    options: { origin: 'https://evil.example' },
    status: 403,
    code: 'FORBIDDEN',
    message: /evil\.example/,
  },
  {
    name: 'a reused idempotency key with another body',
    body: batch([obs({ delta: 2 })], { idempotencyKey: 'k-1' }),
    status: 409,
    code: 'IDEMPOTENCY_CONFLICT',
    path: ['idempotencyKey'],
  },
  {
    name: 'not JSON',
    body: 'region=417',
    options: { contentType: 'text/plain' },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: /^Content-Type text\/plain is not JSON/,
  },
];

describe('POST /api/v1/ingest refuses bad requests and changes nothing', () => {
  let wall: Harness;
  beforeAll(async () => {
    wall = await startHarness({
      INGEST_TOKENS: TEST_TOKENS,
      INGEST_MAX_OBSERVATIONS: String(MAX_OBSERVATIONS),
      INGEST_MAX_BYTES: String(MAX_BYTES),
    });
    // Something to leave unchanged, and a key that a case reuses with another body.
    const first = await postIngest(wall.url, batch([obs({ delta: 5 }), obs({ region: unitAt(0), delta: 2 })]));
    expect(first.status).toBe(200);
    const keyed = await postIngest(wall.url, batch([obs({ delta: 1 })], { idempotencyKey: 'k-1' }));
    expect(keyed.status).toBe(200);
  });
  afterAll(() => wall.close());

  it('has at least 20 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(20));

  it.each(CASES)('$status for $name', async (c) => {
    const before = footprint(wall.app);
    const res = await postIngest(wall.url, c.body, c.options);
    expect(res.status).toBe(c.status);
    const error = errorOf(res.body);
    expect(error.code).toBe(c.code);
    if (c.path) expect(error.issues?.map((i) => i.path)).toContainEqual(c.path);
    if (c.message) expect(error.message).toMatch(c.message);
    expect(footprint(wall.app)).toEqual(before);
  });
});
