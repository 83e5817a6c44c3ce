import { z } from 'zod';
import { PlaylistSchema } from './playlist';

const HhMm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:mm (24-hour)');

/** Dim the screen between two local times (in the deployment's time zone); `from` after `to` spans midnight. */
export const NightScheduleSchema = z.object({
  from: HhMm,
  to: HhMm,
  /** The share of full brightness the screen keeps at night. */
  brightness: z.number().min(0.1).max(1).default(0.6),
});

/** Burn-in protection: the whole canvas moves by up to `px` canvas pixels, one step every `everyMin` minutes. */
export const BurnInSchema = z.object({
  everyMin: z
    .number()
    .min(0.05)
    .max(24 * 60)
    .default(3),
  px: z.number().int().min(1).max(20).default(4),
});

/** How every screen behaves unless its URL says otherwise. */
export const ScreenSettingsSchema = z.object({
  burnIn: BurnInSchema.nullable().default(null),
  night: NightScheduleSchema.nullable().default(null),
  /** A tile is stale when its data is older than this many times its indicator's expected update interval. */
  staleAfterIntervals: z.number().min(1).max(1000).default(3),
  /** The JS heap (MB) past which a screen reloads itself, keeping its view. */
  heapLimitMb: z.number().int().min(32).max(16_384).default(512),
  /**
   * How long (minutes) a critical alert may hold a playlist on its view after it began; 0 never holds, null holds
   * until the alert ends or is acknowledged.
   */
  alertHoldMin: z
    .number()
    .min(0)
    .max(24 * 60)
    .nullable()
    .default(10),
});

/**
 * The kiosk configuration of a deployment (the file `KIOSK_CONFIG` names), and what `GET /api/v1/kiosk` serves
 * to screens: named playlists and the screens' defaults.
 */
export const KioskConfigSchema = z
  .object({
    playlists: z
      .array(PlaylistSchema)
      .max(200)
      .default([])
      .refine((lists) => new Set(lists.map((p) => p.id)).size === lists.length, 'playlist ids must be unique'),
    screen: ScreenSettingsSchema.prefault({}),
  })
  .strict();

/** What a screen tells the server about itself when it reloads on its own, for the server's log. */
export const KioskEventSchema = z
  .object({
    kind: z.enum(['heap-reload', 'build-reload', 'deployment-reload', 'protocol-reload', 'reload-suppressed']),
    display: z.string().max(64).optional(),
    /** The client build that sends the event. */
    build: z.string().max(64),
    /** The screen's address within the wall (path and parameters), so the view it came back to is on record. */
    path: z.string().max(2000),
    detail: z.string().max(500).optional(),
  })
  .strict();

export type NightSchedule = z.infer<typeof NightScheduleSchema>;
export type BurnIn = z.infer<typeof BurnInSchema>;
export type ScreenSettings = z.infer<typeof ScreenSettingsSchema>;
export type KioskConfig = z.infer<typeof KioskConfigSchema>;
export type KioskEvent = z.infer<typeof KioskEventSchema>;

export const DEFAULT_KIOSK_CONFIG: KioskConfig = KioskConfigSchema.parse({});

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether a local time of day (hour, minute) falls in the night schedule; `from` is inclusive, `to` exclusive. */
export function isNight(schedule: Pick<NightSchedule, 'from' | 'to'>, hour: number, minute: number): boolean {
  const t = hour * 60 + minute;
  const from = minutesOf(schedule.from);
  const to = minutesOf(schedule.to);
  return from <= to ? t >= from && t < to : t >= from || t < to;
}

/** The burn-in offsets in turn: around a small square, back to the centre, so no edge stays lit for long. */
const BURN_IN_STEPS: readonly (readonly [number, number])[] = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 1],
  [-1, 1],
  [-1, 0],
  [-1, -1],
  [0, -1],
  [1, -1],
];

/**
 * The canvas offset (canvas pixels) at server time `at`. A function of time alone, so the tiles of a video wall
 * move together and the picture stays continuous across their seams.
 */
export function burnInOffset(burnIn: BurnIn, at: number): { x: number; y: number } {
  const step = Math.floor(at / (burnIn.everyMin * 60_000));
  const [dx, dy] = BURN_IN_STEPS[((step % BURN_IN_STEPS.length) + BURN_IN_STEPS.length) % BURN_IN_STEPS.length] ?? [
    0, 0,
  ];
  return { x: dx * burnIn.px, y: dy * burnIn.px };
}
