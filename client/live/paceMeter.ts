import { MAX_PACE_MS } from '../../shared/protocol';

/**
 * The share of its main thread a screen lets deltas take. What is left draws the clock, the paging and the
 * charts' animations, and keeps a slow kiosk box's page answering (the slow-kiosk budget is 25 % busy in all).
 */
export const PACE_SHARE = 0.15;
/** The first deltas run cold (the script is compiled, the fonts load): they do not count. */
const WARM_UP = 5;
/** How much each delta's cost moves the estimate. */
const WEIGHT = 0.2;
/** A new pace is sent only when it moved by this share at least, and at most this often. */
const PACE_STEP = 0.25;
const PACE_RESEND_MS = 2_000;
/** Paces are asked in steps of this many ms: finer would only make more messages. */
const PACE_GRAIN_MS = 10;

/**
 * How often this screen should ask for deltas, from what each one costs it: its script and the frame that draws
 * it. A box that spends 2 ms per delta asks for one every 13 ms at most (the server's window is longer, so it takes
 * the common broadcast); one four times slower asks for one every 50 to 100 ms, and its page stays responsive.
 */
export class PaceMeter {
  private costMs = 0;
  private samples = 0;
  private sentMs = 0;
  private sentAt = Number.NEGATIVE_INFINITY;

  /** Takes the main-thread time (ms) that `deltas` deltas and the frame drawing them took. */
  sample(costMs: number, deltas: number): void {
    if (deltas <= 0 || !Number.isFinite(costMs) || costMs < 0) return;
    this.samples++;
    if (this.samples <= WARM_UP) return;
    const perDelta = costMs / deltas;
    this.costMs = this.samples === WARM_UP + 1 ? perDelta : this.costMs + WEIGHT * (perDelta - this.costMs);
  }

  /** The pace to ask for now (ms), or null when the last one asked still stands. */
  due(now: number): number | null {
    if (this.samples <= WARM_UP || now - this.sentAt < PACE_RESEND_MS) return null;
    const wanted = Math.min(MAX_PACE_MS, Math.round(this.costMs / PACE_SHARE / PACE_GRAIN_MS) * PACE_GRAIN_MS);
    if (Math.abs(wanted - this.sentMs) < Math.max(PACE_GRAIN_MS, PACE_STEP * this.sentMs)) return null;
    this.sentMs = wanted;
    this.sentAt = now;
    return wanted;
  }
}
