/**
 * The share of its main thread a screen lets deltas take. What is left draws the clock, the paging and the
 * charts' animations, and keeps a slow kiosk box's page answering (the slow-kiosk budget is 25 % busy in all).
 */
export const PACE_SHARE = 0.15;
/**
 * The longest pace a screen asks for, whatever it measured: the slow-kiosk budget gives a change 250 ms to reach
 * the screen, and a box that needs more than this to draw one delta would not meet it anyway.
 */
export const LONGEST_PACE_MS = 200;
/**
 * What a delta costs the page in all, for each ms of its script: the frame that draws it costs about as much again
 * (`npm run bench:profile`: about 1 to 1.5 ms of script in 2 to 3 ms per delta).
 */
export const FRAME_FACTOR = 2;
/** The first deltas run cold (the script is compiled, the fonts load): they do not count. */
const WARM_UP = 5;
/** The estimate is the median of this many recent deltas: a collection or a cold delta now and then moves it not. */
const RECENT = 31;
/** A new pace is sent only when it moved by this share at least, and at most this often. */
const PACE_STEP = 0.25;
const PACE_RESEND_MS = 2_000;
/** Paces are asked in steps of this many ms: finer would only make more messages. */
const PACE_GRAIN_MS = 10;

/**
 * How often this screen should ask for deltas, from what each one costs it: its script, and the frame that draws
 * it, reckoned from the script. A box that spends 2 ms per delta asks for one every 10 ms, the server's shortest
 * window, so it takes the common broadcast; one four times slower asks for one every 50 ms or more, and its page
 * stays responsive.
 */
export class PaceMeter {
  private readonly recent: number[] = [];
  private samples = 0;
  private sentMs = 0;
  private sentAt = Number.NEGATIVE_INFINITY;

  /**
   * Takes the script time (ms) that applying a delta took. The frame that draws it is reckoned from that rather
   * than timed: timed from the page, a frame counts every other task and the compositor's waits too (three to five
   * times its cost on a loaded machine), while script and frame alike scale with the box's speed.
   */
  sample(scriptMs: number): void {
    if (!Number.isFinite(scriptMs) || scriptMs < 0) return;
    this.samples++;
    if (this.samples <= WARM_UP) return;
    this.recent.push(scriptMs * FRAME_FACTOR);
    if (this.recent.length > RECENT) this.recent.shift();
  }

  /** The pace to ask for now (ms), or null when the last one asked still stands. */
  due(now: number): number | null {
    if (this.samples <= WARM_UP || now - this.sentAt < PACE_RESEND_MS) return null;
    const sorted = [...this.recent].sort((a, b) => a - b);
    const costMs = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const wanted = Math.min(LONGEST_PACE_MS, Math.round(costMs / PACE_SHARE / PACE_GRAIN_MS) * PACE_GRAIN_MS);
    if (Math.abs(wanted - this.sentMs) < Math.max(PACE_GRAIN_MS, PACE_STEP * this.sentMs)) return null;
    this.sentMs = wanted;
    this.sentAt = now;
    return wanted;
  }
}
