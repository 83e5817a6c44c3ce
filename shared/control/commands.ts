import { z } from 'zod';
import { PlaylistIdSchema, PlaylistItemSchema } from '../kiosk/playlist';
import { ViewSpecSchema } from './views';

/** A display's id (as in `?display=`), also the name of a group: lower-case letters, digits, `.`, `_`, `-`. */
export const DisplayIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, ".", "_" or "-" (at most 64), e.g. hall-1');

/** Which screens a command goes to: one display, every display of a group, or every registered display. */
export const CommandTargetSchema = z.union([
  z.strictObject({ display: DisplayIdSchema }),
  z.strictObject({ group: DisplayIdSchema }),
  z.strictObject({ all: z.literal(true) }),
]);

export const ANNOUNCEMENT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AnnouncementSeverity = (typeof ANNOUNCEMENT_SEVERITIES)[number];

/** An announcement's text: one or two lines as the operator wrote them, without control characters. */
export const AnnouncementTextSchema = z
  .string()
  .trim()
  .min(1, 'the text is empty')
  .max(280, 'at most 280 characters, so it reads from the back of the room')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  .regex(/^[^\u0000-\u001f\u007f-\u009f]*$/, 'no line breaks or control characters')
  // Direction overrides and isolates (U+202E and its kin) would let a text show reversed or spoofed on every screen;
  // Vietnamese and English never need them.
  .regex(/^[^\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/, 'no bidirectional control characters');

/** The longest an announcement may stay on the screens. */
export const MAX_ANNOUNCEMENT_SEC = 24 * 60 * 60;
export const MAX_IDENTIFY_SEC = 120;

/** Show a view (stops the screen's playlist); `lang` switches the screen's language too. */
const ShowSchema = z.strictObject({
  type: z.literal('show'),
  view: ViewSpecSchema,
  lang: z.enum(['vi', 'en']).optional(),
});
/** Run a named playlist of the kiosk configuration, or one given here (an edited rotation). */
const PlaylistStartSchema = z.strictObject({
  type: z.literal('playlist-start'),
  playlist: z.union([
    z.strictObject({ id: PlaylistIdSchema }),
    z.strictObject({ items: z.array(PlaylistItemSchema).min(1).max(100) }),
  ]),
});
const PlaylistStopSchema = z.strictObject({ type: z.literal('playlist-stop') });
/** Reloads the page where it is (same view, same screen parameters). */
const ReloadSchema = z.strictObject({ type: z.literal('reload') });
const AnnounceClearSchema = z.strictObject({ type: z.literal('announce-clear') });

/**
 * What an operator asks screens to do. Every command is acknowledged by every screen it reaches: applied, failed
 * (with why), or no answer in time.
 */
export const CommandSchema = z.discriminatedUnion('type', [
  ShowSchema,
  PlaylistStartSchema,
  PlaylistStopSchema,
  /** The screen shows its name, large, for a few seconds: which physical screen is which. */
  z.strictObject({
    type: z.literal('identify'),
    seconds: z.number().int().min(1).max(MAX_IDENTIFY_SEC).default(10),
  }),
  ReloadSchema,
  /** A banner across the screen until it expires (or is cleared), replacing any earlier one. */
  z.strictObject({
    type: z.literal('announce'),
    text: AnnouncementTextSchema,
    severity: z.enum(ANNOUNCEMENT_SEVERITIES).default('info'),
    durationSec: z.number().int().min(5).max(MAX_ANNOUNCEMENT_SEC),
  }),
  AnnounceClearSchema,
]);
export const CommandRequestSchema = z.strictObject({ target: CommandTargetSchema, command: CommandSchema });

export type CommandTarget = z.infer<typeof CommandTargetSchema>;
export type Command = z.infer<typeof CommandSchema>;
export type CommandInput = z.input<typeof CommandSchema>;
export type CommandType = Command['type'];
export type CommandRequest = z.infer<typeof CommandRequestSchema>;

/** An announcement as a screen shows it: `until` is server time, so every screen takes it down at once. */
export const AnnouncementSchema = z.strictObject({
  id: z.string().min(1).max(64),
  text: AnnouncementTextSchema,
  severity: z.enum(ANNOUNCEMENT_SEVERITIES),
  until: z.number().int().nonnegative(),
});
export type Announcement = z.infer<typeof AnnouncementSchema>;

/**
 * A command as the server sends it to one screen (the `command` event on `/wall`): what the operator asked,
 * with what the screen needs to carry it out on its own (its registered name, times in server time).
 */
export const ScreenCommandSchema = z.discriminatedUnion('type', [
  ShowSchema,
  PlaylistStartSchema,
  PlaylistStopSchema,
  z.strictObject({
    type: z.literal('identify'),
    display: DisplayIdSchema,
    name: z.string().max(80),
    until: z.number().int().nonnegative(),
  }),
  ReloadSchema,
  z.strictObject({ type: z.literal('announce'), announcement: AnnouncementSchema }),
  AnnounceClearSchema,
]);
export type ScreenCommand = z.infer<typeof ScreenCommandSchema>;

export const ScreenCommandEnvelopeSchema = z.strictObject({ id: z.string().min(1), command: ScreenCommandSchema });
export type ScreenCommandEnvelope = z.infer<typeof ScreenCommandEnvelopeSchema>;

/** What the per-screen results of a command can be. `offline`: no screen of the display was connected. */
export const COMMAND_RESULTS = ['applied', 'failed', 'timed-out', 'offline'] as const;
export type CommandResultKind = (typeof COMMAND_RESULTS)[number];

/** One display's answer to a command: the worst of its screens' (a video wall has several). */
export const CommandOutcomeSchema = z.strictObject({
  display: z.string(),
  name: z.string(),
  result: z.enum(COMMAND_RESULTS),
  /** Why it failed, in the screen's words. */
  error: z.string().optional(),
  /** How many screens (browsers) of the display got the command, and how many applied it. */
  screens: z.number().int().nonnegative(),
  applied: z.number().int().nonnegative(),
});
export type CommandOutcome = z.infer<typeof CommandOutcomeSchema>;

/** A command once every screen answered or timed out: what `POST /api/v1/commands` answers. */
export const CommandResultSchema = z.strictObject({
  id: z.string(),
  at: z.number().int(),
  finishedAt: z.number().int(),
  actor: z.string(),
  target: CommandTargetSchema,
  command: CommandSchema,
  outcomes: z.array(CommandOutcomeSchema),
});
export type CommandResult = z.infer<typeof CommandResultSchema>;

/** Which of a display's answers counts for the display: the worst. */
const RANK: Record<CommandResultKind, number> = { applied: 0, offline: 1, 'timed-out': 2, failed: 3 };
export function worstResult(results: readonly CommandResultKind[]): CommandResultKind {
  return results.reduce<CommandResultKind>((worst, r) => (RANK[r] > RANK[worst] ? r : worst), 'applied');
}
