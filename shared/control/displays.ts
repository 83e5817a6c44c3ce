import { z } from 'zod';
import { DisplayIdSchema } from './commands';
import { ScreenStatusSchema } from './status';

/** What an admin gives when registering a display. */
export const DisplayInputSchema = z.strictObject({
  id: DisplayIdSchema,
  name: z.string().trim().min(1).max(80),
  /** Displays of a group take commands together (`{ target: { group } }`). */
  group: DisplayIdSchema.default('default'),
  location: z.string().trim().max(120).default(''),
});
export type DisplayInput = z.input<typeof DisplayInputSchema>;

/** What an admin may change on a registered display; its id and token stay. */
export const DisplayPatchSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    group: DisplayIdSchema,
    location: z.string().trim().max(120),
  })
  .partial();

/** A registered display as the registry holds it (never its token). */
export const DisplaySchema = z.strictObject({
  id: DisplayIdSchema,
  name: z.string(),
  group: z.string(),
  location: z.string(),
  createdAt: z.number().int(),
  createdBy: z.string(),
  /** When its token was revoked: the display is refused until it gets a new one. */
  revokedAt: z.number().int().nullable(),
  /** When one of its screens was last connected. */
  lastSeenAt: z.number().int().nullable(),
});
export type Display = z.infer<typeof DisplaySchema>;

/** One browser of a display (a video wall has one per panel), as the console sees it. */
export const ScreenConnectionSchema = z.strictObject({
  connectedAt: z.number().int(),
  /** Its last report, and when it came. */
  status: ScreenStatusSchema.nullable(),
  reportedAt: z.number().int().nullable(),
  /** How many changes the screen was behind the server's seq at its last report (null before one, or on another epoch). */
  seqLag: z.number().int().nullable(),
});
export type ScreenConnection = z.infer<typeof ScreenConnectionSchema>;

/** A display with what its screens do right now. */
export const DisplayStateSchema = DisplaySchema.extend({
  online: z.boolean(),
  screens: z.array(ScreenConnectionSchema),
});
export type DisplayState = z.infer<typeof DisplayStateSchema>;

/** `GET /api/v1/displays` and the console's `displays` event. */
export const DisplayListSchema = z.strictObject({
  displays: z.array(DisplayStateSchema),
  /**
   * Browsers that name themselves (`?display=`) without a token, on a wall open to unregistered screens: they
   * watch, but take no commands until an admin registers them.
   */
  unregistered: z.array(z.strictObject({ display: z.string(), screens: z.number().int() })),
});
export type DisplayList = z.infer<typeof DisplayListSchema>;

/** A new display token, shown once: what the screen's browser opens (the token rides in the fragment). */
export const DisplayTokenIssuedSchema = z.strictObject({
  display: DisplaySchema,
  token: z.string(),
  /** The screen's address within the wall, with the token in the fragment: `/?kiosk=1&display=hall-1#token=…`. */
  path: z.string(),
});
export type DisplayTokenIssued = z.infer<typeof DisplayTokenIssuedSchema>;

/** The fragment parameter that carries a display token to its screen; a fragment never reaches a server log. */
export const TOKEN_FRAGMENT_KEY = 'token';

/** A display's kiosk address with its token in the fragment. */
export function displayPath(id: string, token: string): string {
  return `/?kiosk=1&display=${encodeURIComponent(id)}#${TOKEN_FRAGMENT_KEY}=${encodeURIComponent(token)}`;
}
