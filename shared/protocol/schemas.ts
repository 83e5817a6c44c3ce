import { z } from 'zod';
import { TargetsSchema } from '../catalog/indicators';

/**
 * Indicator ids travel as strings: the screen checks them against the catalogue the server served (and reloads
 * when the server's catalogue version differs from its own), so a catalogue with one more indicator never makes a
 * screen on the previous one reject what the server sends.
 */
export const IndicatorIdSchema = z.string().min(1);

/** Milliseconds since the Unix epoch; every time on the wire is one of these. */
export const EpochMs = z.number().int().nonnegative();

/** The current value of one (region, indicator): a unit's own figure or a roll-up. */
export const ReadingSchema = z.object({
  region: z.string().min(1),
  indicator: IndicatorIdSchema,
  /** Counts and scores as they are; rates in percent (num / den * 100); null when undefined (den = 0). */
  value: z.number().nullable(),
  num: z.number().optional(),
  den: z.number().optional(),
  /** When the figure was observed at its source. */
  at: EpochMs,
  /** The source system that sent it: `simulator`, an ingest source, `derived` or `rollup`. */
  source: z.string().min(1),
});

export const AlertSchema = z.object({
  id: z.string().min(1),
  rule: z.enum(['below-target', 'daily-drop', 'source-silent']),
  severity: z.enum(['info', 'warning', 'critical']),
  region: z.string().nullable(),
  indicator: IndicatorIdSchema.nullable(),
  source: z.string().nullable(),
  /** The figure that raised the alert and the threshold it crossed, when the rule has them. */
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  startedAt: EpochMs,
  endedAt: EpochMs.nullable(),
  acknowledged: z.boolean(),
});

/** The whole live state, sent on connect and when a client cannot catch up from the delta log. */
export const SnapshotSchema = z.object({
  epoch: z.string().min(1),
  seq: z.number().int().nonnegative(),
  at: EpochMs,
  /** The server's client build; a screen that runs another build reloads. */
  buildId: z.string(),
  regionSet: z.string(),
  /** The version of the deployment the server serves; a screen that loaded another reloads. */
  deployment: z.string().optional(),
  /** The deployment's time zone: "today", office hours and the wall clock follow it. */
  timeZone: z.string(),
  /** The deployment's language; a screen may ask for another with `?lang=`. */
  defaultLang: z.enum(['vi', 'en']),
  /** True while the built-in simulator feeds the wall, so the screen can say its figures are not real. */
  simulated: z.boolean(),
  targets: z.record(IndicatorIdSchema, TargetsSchema),
  values: z.array(ReadingSchema),
  alerts: z.array(AlertSchema),
});

/**
 * The changes from `fromSeq` (exclusive) to `seq` (inclusive), coalesced per (region, indicator). Readings are
 * absolute, so applying a delta that overlaps what a client already has is harmless.
 */
export const DeltaSchema = z.object({
  epoch: z.string().min(1),
  fromSeq: z.number().int().nonnegative(),
  seq: z.number().int().nonnegative(),
  at: EpochMs,
  changes: z.array(ReadingSchema),
  /** Alerts raised, changed or ended since the previous delta, by id. */
  alerts: z.array(AlertSchema).optional(),
});

export const ResyncRequestSchema = z.object({
  epoch: z.string().min(1),
  sinceSeq: z.number().int().nonnegative(),
});

/** An error on the socket: a code, a message, and for a malformed request the fields at fault by their path. */
export const ErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional(),
});

export const ResyncResponseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deltas'), deltas: z.array(DeltaSchema) }),
  z.object({ kind: z.literal('snapshot'), snapshot: SnapshotSchema }),
  z.object({ kind: z.literal('error'), error: ErrorBodySchema }),
]);

export type Reading = z.infer<typeof ReadingSchema>;
export type Alert = z.infer<typeof AlertSchema>;
export type Snapshot = z.infer<typeof SnapshotSchema>;
export type Delta = z.infer<typeof DeltaSchema>;
export type ResyncRequest = z.infer<typeof ResyncRequestSchema>;
export type ResyncResponse = z.infer<typeof ResyncResponseSchema>;
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
