import { z } from 'zod';

/**
 * Any JSON number, finite or not: `1e999` parses to Infinity, and an impossible value deserves the precise
 * 422 answer of the semantic checks rather than a generic type error.
 */
const AnyNumber = z.custom<number>((v) => typeof v === 'number', { message: 'expected a number' });

const FORMS = ['value', 'num', 'den', 'delta'] as const;

/**
 * One observation from a source system: a figure for (region, indicator) at a time, in exactly one form:
 * an absolute `value`, a rate's `num` and `den`, or an increment `delta`.
 */
export const ObservationInputSchema = z
  .strictObject({
    region: z.string().min(1).max(64),
    indicator: z.string().min(1).max(64),
    /** ISO 8601 with an offset (`2024-01-19T08:30:00+07:00`) or milliseconds since the Unix epoch. */
    at: z.union([z.iso.datetime({ offset: true }), z.number().int().nonnegative()]),
    value: AnyNumber.optional(),
    num: AnyNumber.optional(),
    den: AnyNumber.optional(),
    delta: AnyNumber.optional(),
  })
  .superRefine((obs, ctx) => {
    const present = FORMS.filter((f) => obs[f] !== undefined);
    const isRatio = present.length === 2 && present.includes('num') && present.includes('den');
    const isSingle = present.length === 1 && (present[0] === 'value' || present[0] === 'delta');
    if (isRatio || isSingle) return;
    if (present.length === 1 && (present[0] === 'num' || present[0] === 'den')) {
      const missing = present[0] === 'num' ? 'den' : 'num';
      ctx.addIssue({ code: 'custom', path: [missing], message: `${missing} is required with ${present[0]}` });
      return;
    }
    ctx.addIssue({
      code: 'custom',
      path: present.length ? [present[0] ?? 'value'] : ['value'],
      message: 'exactly one of value, num and den, or delta is required',
    });
  })
  .transform((obs) => ({ ...obs, at: typeof obs.at === 'number' ? obs.at : Date.parse(obs.at) }));

export const SOURCE_ID_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

export const IngestBatchSchema = z.strictObject({
  source: z.string().regex(SOURCE_ID_PATTERN, 'lower-case letters, digits, ".", "_" or "-", at most 64'),
  idempotencyKey: z.string().min(1).max(200).optional(),
  observations: z.array(ObservationInputSchema).min(1),
});

/** The answer to an accepted batch: how many observations, and the seq the wall reached with them. */
export const IngestAcceptedSchema = z.object({ accepted: z.number().int().nonnegative(), seq: z.number().int() });

export type ObservationInput = z.output<typeof ObservationInputSchema>;
export type IngestBatch = z.output<typeof IngestBatchSchema>;
export type IngestAccepted = z.infer<typeof IngestAcceptedSchema>;

/** One reason an input was refused, with the path of the field it concerns. */
export interface InputIssue {
  path: (string | number)[];
  message: string;
}
