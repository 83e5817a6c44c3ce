import { z } from 'zod';
import { AnnouncementSchema } from './commands';
import { ViewSpecSchema } from './views';

const Size = z.strictObject({
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
});

/**
 * What a screen tells the server about itself (the `status` event on `/wall`): what it shows and how it runs. A
 * report, never a control: the server keeps it for the operator console and changes nothing else because of it.
 * Sent when something in it changes, and every few seconds for the seq.
 */
export const ScreenStatusSchema = z.strictObject({
  /** The screen's address within the wall: the view's path and query, with the screen's own parameters. */
  address: z
    .string()
    .max(2000)
    .regex(/^\/(?!\/)[^\s#]*$/, 'a path within the wall'),
  /** The view it shows, read from the address; null when the address is no view (a mistyped path). */
  view: ViewSpecSchema.nullable(),
  lang: z.enum(['vi', 'en']),
  /** The playlist it runs and where it stands in it. */
  playlist: z
    .strictObject({
      id: z.string().max(64),
      index: z.number().int().nonnegative(),
      count: z.number().int().min(1),
      /** The alert the rotation holds for, if it holds. */
      holdFor: z.string().max(200).nullable(),
    })
    .nullable(),
  /** The screen's place in the live state: the server compares it with its own seq. */
  epoch: z.string().max(64).nullable(),
  seq: z.number().int().nonnegative(),
  /** The browser's viewport in CSS pixels and its device pixel ratio. */
  viewport: Size.extend({ dpr: z.number().min(0.1).max(16) }),
  canvas: Size,
  tile: z
    .strictObject({
      cols: z.number().int().min(1),
      rows: z.number().int().min(1),
      col: z.number().int().min(0),
      row: z.number().int().min(0),
    })
    .nullable(),
  /** The client build it runs. */
  build: z.string().max(64),
  kiosk: z.boolean(),
  announcement: AnnouncementSchema.nullable(),
});
export type ScreenStatus = z.infer<typeof ScreenStatusSchema>;

/** A screen's answer to a command: applied (with its status after it), or why not. */
export const CommandAckSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), status: ScreenStatusSchema.optional() }),
  z.strictObject({ ok: z.literal(false), error: z.string().max(500) }),
]);
export type CommandAck = z.infer<typeof CommandAckSchema>;
