import { z } from 'zod';

const Localized = z.object({ vi: z.string().min(1), en: z.string().min(1) });
const Percent = z.number().min(0).max(100);
const IsoDate = z.iso.date();

/** A Project 06 task: done (once, or done and carried on as a recurring duty) or in progress. */
export const TaskSchema = z.discriminatedUnion('status', [
  z.object({
    code: z.string().min(1),
    name: Localized,
    /** The unit in charge: a code of the region set. */
    lead: z.string().min(1),
    status: z.literal('completed'),
    /** Completed and carried on continuously ("thường xuyên"). */
    recurring: z.boolean(),
  }),
  z.object({
    code: z.string().min(1),
    name: Localized,
    lead: z.string().min(1),
    status: z.literal('in-progress'),
    recurring: z.literal(false),
    progress: Percent,
    due: IsoDate,
  }),
]);

export const PilotModelSchema = z.object({
  code: z.string().min(1),
  theme: Localized,
  /** Where the model is piloted: a code of the region set. */
  unit: z.string().min(1),
  status: z.enum(['done', 'in-progress', 'not-started']),
  progress: Percent,
});

/** The Project 06 board: the task list and the pilot models. */
export const BoardSchema = z.object({
  /** True while the entries are illustrative, not the province's register; the wall says so. */
  sample: z.boolean(),
  provenance: z.string().min(1),
  asOf: IsoDate,
  tasks: z.array(TaskSchema),
  pilotModels: z.array(PilotModelSchema),
});

const Period = z.object({ id: z.string().min(1), label: Localized });

/**
 * The service index for citizens and businesses is published per period. The current period's scores are the live
 * `service-index` readings; the previous period's published scores come from this file, to show the change.
 */
export const ServiceIndexPeriodsSchema = z.object({
  sample: z.boolean(),
  provenance: z.string().min(1),
  current: Period,
  previous: Period.extend({ publishedAt: IsoDate, scores: z.record(z.string(), z.number().min(0).max(100)) }),
});

export type Task = z.infer<typeof TaskSchema>;
export type PilotModel = z.infer<typeof PilotModelSchema>;
export type Board = z.infer<typeof BoardSchema>;
export type ServiceIndexPeriods = z.infer<typeof ServiceIndexPeriodsSchema>;
export type Localized = z.infer<typeof Localized>;
