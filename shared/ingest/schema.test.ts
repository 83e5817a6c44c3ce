import { describe, expect, it } from 'vitest';
import { IngestBatchSchema, ObservationInputSchema } from './schema';

const base = { region: '417', indicator: 'records-today-online', at: 1_705_640_400_000 };

function issuesOf(input: unknown) {
  const result = ObservationInputSchema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.error.issues;
}

describe('ObservationInputSchema', () => {
  it('accepts each of the three forms', () => {
    expect(ObservationInputSchema.parse({ ...base, value: 5 })).toEqual({ ...base, value: 5 });
    expect(ObservationInputSchema.parse({ ...base, delta: -2 })).toEqual({ ...base, delta: -2 });
    expect(ObservationInputSchema.parse({ ...base, num: 1, den: 2 })).toEqual({ ...base, num: 1, den: 2 });
  });

  it('refuses an observation with no form', () => {
    expect(issuesOf(base)).toMatchObject([{ path: ['value'] }]);
  });

  it('refuses an observation with two forms', () => {
    expect(issuesOf({ ...base, value: 1, delta: 1 })).toMatchObject([{ path: ['value'] }]);
    expect(issuesOf({ ...base, delta: 1, num: 1, den: 2 })).toHaveLength(1);
    expect(issuesOf({ ...base, value: 1, num: 1, den: 2 })).toHaveLength(1);
  });

  it('names den when num comes without it, and num when den does', () => {
    expect(issuesOf({ ...base, num: 3 })).toMatchObject([{ path: ['den'], message: expect.stringMatching(/den/) }]);
    expect(issuesOf({ ...base, den: 3 })).toMatchObject([{ path: ['num'] }]);
  });

  it('refuses an unknown key', () => {
    const issues = issuesOf({ ...base, value: 1, unit: 'count' });
    expect(issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
  });

  it('parses an ISO time with an offset to milliseconds', () => {
    const parsed = ObservationInputSchema.parse({ ...base, at: '2024-01-19T08:30:00+07:00', value: 1 });
    // 08:30 at UTC+7 is 01:30 UTC.
    expect(parsed.at).toBe(Date.UTC(2024, 0, 19, 1, 30));
  });

  it('refuses a time that is neither ISO with an offset nor whole non-negative milliseconds', () => {
    expect(issuesOf({ ...base, at: '2024-01-19 08:30', value: 1 })[0]?.path).toEqual(['at']);
    expect(issuesOf({ ...base, at: -5, value: 1 })[0]?.path).toEqual(['at']);
    expect(issuesOf({ ...base, at: 1.5, value: 1 })[0]?.path).toEqual(['at']);
  });

  it('accepts Infinity (1e999 in JSON) so that the semantic checks can answer it precisely', () => {
    const input = JSON.parse(`{"region":"417","indicator":"records-today-online","at":0,"value":1e999}`);
    expect(ObservationInputSchema.parse(input).value).toBe(Number.POSITIVE_INFINITY);
  });

  it('refuses a value that is not a number', () => {
    expect(issuesOf({ ...base, value: '5' })[0]?.path).toEqual(['value']);
  });
});

describe('IngestBatchSchema', () => {
  it('needs a well-formed source and at least one observation', () => {
    expect(IngestBatchSchema.safeParse({ source: 'police.eid', observations: [{ ...base, value: 1 }] }).success).toBe(
      true,
    );
    expect(IngestBatchSchema.safeParse({ source: 'Police', observations: [{ ...base, value: 1 }] }).success).toBe(
      false,
    );
    expect(IngestBatchSchema.safeParse({ source: 'police', observations: [] }).success).toBe(false);
  });
});
