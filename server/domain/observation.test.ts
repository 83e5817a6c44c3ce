import { describe, expect, it } from 'vitest';
import type { IndicatorId } from '../../shared/catalog';
import type { ObservationInput } from '../../shared/ingest';
import { regionSet } from '../../shared/regions';
import { unitAt } from '../test/units';
import { type ValidationContext, validateObservations } from './observation';

const NOW = Date.UTC(2024, 0, 19, 3, 0);
const MAX_FUTURE = 5 * 60_000;

function ctx(counts: Record<string, number> = {}): ValidationContext {
  return {
    regions: regionSet,
    now: NOW,
    maxFutureMs: MAX_FUTURE,
    currentCount: (region: string, indicator: IndicatorId) => counts[`${region}|${indicator}`] ?? 0,
  };
}

const obs = (o: Partial<ObservationInput>): ObservationInput => ({
  region: unitAt(5),
  indicator: 'records-today-online',
  at: NOW,
  ...o,
});

/** The issues of a batch that must be refused. */
function issues(inputs: ObservationInput[], context = ctx()) {
  const result = validateObservations(inputs, context);
  if (result.ok) throw new Error('expected the batch to be refused');
  return result.issues;
}

const paths = (inputs: ObservationInput[], context = ctx()) => issues(inputs, context).map((i) => i.path);

describe('validateObservations: regions and indicators', () => {
  it('refuses an unknown region', () => {
    expect(issues([obs({ region: '999', value: 1 })])).toEqual([
      { path: ['observations', 0, 'region'], message: expect.stringContaining('unknown region 999') },
    ]);
  });

  it('refuses a roll-up as a region, saying why', () => {
    expect(issues([obs({ region: 'province', value: 1 })])).toEqual([
      { path: ['observations', 0, 'region'], message: expect.stringContaining('roll-up') },
    ]);
  });

  it('refuses an unknown indicator', () => {
    expect(paths([obs({ indicator: 'happiness', value: 1 })])).toEqual([['observations', 0, 'indicator']]);
  });

  it('refuses a derived indicator, naming what to send instead', () => {
    const found = issues([obs({ indicator: 'eid-activation-rate', num: 1, den: 2 })]);
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toEqual(['observations', 0, 'indicator']);
    expect(found[0]?.message).toMatch(/eid-activated.*eid-collected/);
  });

  it('refuses an indicator that does not apply to the unit', () => {
    expect(issues([obs({ region: 'CAT', indicator: 'id-cards-issued', value: 10 })])).toEqual([
      { path: ['observations', 0, 'indicator'], message: expect.stringContaining('department CAT') },
    ]);
    // The same indicator is fine on a district, and a rate that applies to all units is fine on a department.
    expect(validateObservations([obs({ indicator: 'id-cards-issued', value: 10 })], ctx()).ok).toBe(true);
    const deptRate = obs({ region: 'CAT', indicator: 'online-record-rate', num: 1, den: 2 });
    expect(validateObservations([deptRate], ctx()).ok).toBe(true);
  });
});

describe('validateObservations: numbers', () => {
  it('refuses non-finite numbers in every field', () => {
    expect(paths([obs({ value: Number.POSITIVE_INFINITY })])).toEqual([['observations', 0, 'value']]);
    expect(paths([obs({ delta: Number.NaN })])).toEqual([['observations', 0, 'delta']]);
    const rate = obs({ indicator: 'online-record-rate', num: 1, den: Number.POSITIVE_INFINITY });
    expect(paths([rate])).toEqual([['observations', 0, 'den']]);
  });

  it('refuses a negative or fractional count', () => {
    expect(paths([obs({ value: -1 })])).toEqual([['observations', 0, 'value']]);
    expect(paths([obs({ value: 2.5 })])).toEqual([['observations', 0, 'value']]);
    expect(paths([obs({ delta: 0.5 })])).toEqual([['observations', 0, 'delta']]);
  });

  it('refuses an increment that would take a count below zero', () => {
    const context = ctx({ [`${unitAt(5)}|records-today-online`]: 3 });
    expect(validateObservations([obs({ delta: -3 })], context).ok).toBe(true);
    expect(issues([obs({ delta: -4 })], context)).toEqual([
      { path: ['observations', 0, 'delta'], message: expect.stringContaining('negative') },
    ]);
  });

  it('checks the increments of one batch together', () => {
    const context = ctx({ [`${unitAt(5)}|records-today-online`]: 5 });
    // -3 alone is fine, twice is -6 against 5.
    expect(paths([obs({ delta: -3 }), obs({ delta: -3 })], context)).toEqual([['observations', 1, 'delta']]);
    // An absolute value earlier in the batch is the base for the increments after it.
    expect(paths([obs({ value: 1 }), obs({ delta: -2 })], context)).toEqual([['observations', 1, 'delta']]);
    expect(validateObservations([obs({ delta: 4 }), obs({ delta: -9 })], context).ok).toBe(true);
    // Counts of other units or indicators do not mix.
    const other = obs({ region: unitAt(0), delta: -3 });
    expect(paths([obs({ delta: -3 }), other, obs({ delta: -3 })], context)).toEqual([
      ['observations', 1, 'delta'],
      ['observations', 2, 'delta'],
    ]);
  });

  it('refuses num above den, and negative num or den', () => {
    const rate = (num: number, den: number) => obs({ indicator: 'online-record-rate', num, den });
    expect(paths([rate(11, 10)])).toEqual([['observations', 0, 'num']]);
    expect(paths([rate(-1, 10)])).toEqual([['observations', 0, 'num']]);
    expect(paths([rate(0, -1)])).toEqual([
      ['observations', 0, 'den'],
      ['observations', 0, 'num'],
    ]);
    expect(validateObservations([rate(10, 10), rate(0, 0)], ctx()).ok).toBe(true);
  });

  it('refuses a score outside 0..100', () => {
    const score = (value: number) => obs({ indicator: 'service-index', value });
    expect(paths([score(100.5)])).toEqual([['observations', 0, 'value']]);
    expect(paths([score(-0.1)])).toEqual([['observations', 0, 'value']]);
    expect(validateObservations([score(0), score(100), score(72.4)], ctx()).ok).toBe(true);
  });
});

describe('validateObservations: time and form', () => {
  it('refuses a time in the future beyond maxFutureMs, and accepts skew within it', () => {
    expect(validateObservations([obs({ at: NOW + MAX_FUTURE, value: 1 })], ctx()).ok).toBe(true);
    expect(issues([obs({ at: NOW + MAX_FUTURE + 1, value: 1 })])).toEqual([
      { path: ['observations', 0, 'at'], message: expect.stringContaining('future') },
    ]);
  });

  it('refuses a time before 2000', () => {
    expect(paths([obs({ at: Date.UTC(1999, 11, 31), value: 1 })])).toEqual([['observations', 0, 'at']]);
  });

  it('refuses the wrong form for the kind of indicator', () => {
    const onlineRate = (o: Partial<ObservationInput>) => obs({ indicator: 'online-record-rate', ...o });
    expect(paths([onlineRate({ value: 45 })])).toEqual([['observations', 0, 'value']]);
    expect(paths([onlineRate({ delta: 1 })])).toEqual([['observations', 0, 'delta']]);
    expect(paths([obs({ num: 1, den: 2 })])).toEqual([['observations', 0, 'num']]);
    expect(paths([obs({ indicator: 'service-index', delta: 1 })])).toEqual([['observations', 0, 'delta']]);
    expect(paths([obs({ indicator: 'service-index', num: 1, den: 2 })])).toEqual([['observations', 0, 'num']]);
  });

  it('reports every issue of a batch with its index, under the given prefix', () => {
    const batch = [obs({ value: 1 }), obs({ region: 'nowhere', value: 1 }), obs({ value: -1 })];
    expect(paths(batch)).toEqual([
      ['observations', 1, 'region'],
      ['observations', 2, 'value'],
    ]);
    const prefixed = validateObservations([obs({ value: -1 })], ctx(), ['batches', 3, 'observations']);
    expect(prefixed.ok ? null : prefixed.issues[0]?.path).toEqual(['batches', 3, 'observations', 0, 'value']);
  });
});

describe('validateObservations: a valid batch', () => {
  it('returns the observations typed, with only the fields sent', () => {
    const batch = [
      obs({ delta: 2 }),
      obs({ region: 'CAT', indicator: 'online-record-rate', num: 3, den: 4 }),
      obs({ region: unitAt(0), indicator: 'service-index', value: 81.5 }),
    ];
    const result = validateObservations(batch, ctx());
    expect(result).toEqual({
      ok: true,
      observations: [
        { region: unitAt(5), indicator: 'records-today-online', at: NOW, delta: 2 },
        { region: 'CAT', indicator: 'online-record-rate', at: NOW, num: 3, den: 4 },
        { region: unitAt(0), indicator: 'service-index', at: NOW, value: 81.5 },
      ],
    });
  });
});
