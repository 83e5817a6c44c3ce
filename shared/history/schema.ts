import { z } from 'zod';
import { isIndicatorId } from '../catalog/indicators';

const IndicatorIdSchema = z.string().refine(isIndicatorId, 'not an indicator of the catalogue');

const MINUTE_MS = 60_000;
const UNIT_MS = { s: 1000, m: MINUTE_MS, h: 60 * MINUTE_MS, d: 24 * 60 * MINUTE_MS } as const;

/** The steps the history route picks from when the query names none: the first that gives at most 300 points. */
export const AUTO_STEPS_MS = [MINUTE_MS, 5 * MINUTE_MS, 15 * MINUTE_MS, 60 * MINUTE_MS, 6 * 60 * MINUTE_MS, UNIT_MS.d];
/** The most points one answer may hold. */
export const MAX_HISTORY_POINTS = 5000;
/** The window when the query names none: the last 24 hours. */
export const DEFAULT_HISTORY_WINDOW_MS = UNIT_MS.d;

/** A time in a query string: milliseconds since the Unix epoch, or ISO 8601 with an offset. */
const QueryTime = z
  .string()
  .refine((s) => /^\d{1,15}$/.test(s) || z.iso.datetime({ offset: true }).safeParse(s).success, {
    message: 'expected milliseconds since the Unix epoch or an ISO 8601 time with an offset',
  })
  .transform((s) => (/^\d+$/.test(s) ? Number(s) : Date.parse(s)));

/** A step: `90` (seconds), `5m`, `1h`, `1d`; a whole number of minutes. */
const QueryStep = z
  .string()
  .regex(/^\d{1,7}[smhd]?$/, 'expected a duration such as 300, 5m, 1h or 1d')
  .transform((s) => {
    const unit = (/[smhd]$/.exec(s)?.[0] ?? 's') as keyof typeof UNIT_MS;
    return Number.parseInt(s, 10) * UNIT_MS[unit];
  })
  .refine((ms) => ms >= MINUTE_MS && ms % MINUTE_MS === 0, { message: 'the step must be a whole number of minutes' });

/** `GET /api/v1/history` query. Region and indicator are checked against the region set and catalogue. */
export const HistoryQuerySchema = z
  .strictObject({
    region: z.string().min(1).max(64),
    indicator: IndicatorIdSchema,
    from: QueryTime.optional(),
    to: QueryTime.optional(),
    step: QueryStep.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    path: ['from'],
    message: 'from must be before to',
  });

/** The last reading in one step of the window. */
export const HistoryPointSchema = z.object({
  /** When the reading was observed (within the step). */
  at: z.number(),
  value: z.number().nullable(),
  num: z.number().optional(),
  den: z.number().optional(),
});

export const HistoryResponseSchema = z.object({
  region: z.string(),
  indicator: IndicatorIdSchema,
  from: z.number(),
  to: z.number(),
  stepMs: z.number().int().positive(),
  points: z.array(HistoryPointSchema),
});

export type HistoryQuery = z.output<typeof HistoryQuerySchema>;
export type HistoryPoint = z.infer<typeof HistoryPointSchema>;
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;
