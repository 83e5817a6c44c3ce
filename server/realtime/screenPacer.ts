import type { Alert, Delta, Reading } from '../../shared/protocol';
import type { Clock } from '../clock';

/**
 * One delta covering two that follow each other: from the first's `fromSeq` to the second's `seq`, with the later
 * reading per (region, indicator) and the later state of each alert. Readings are absolute, so the merged delta
 * leaves a screen where the two would have.
 */
export function mergeDeltas(first: Delta, next: Delta): Delta {
  // A new epoch starts over: the screen resyncs on it whatever came before.
  if (first.epoch !== next.epoch) return next;
  const changes = new Map<string, Reading>();
  for (const r of first.changes) changes.set(`${r.region}|${r.indicator}`, r);
  for (const r of next.changes) changes.set(`${r.region}|${r.indicator}`, r);
  const alerts = new Map<string, Alert>();
  for (const a of first.alerts ?? []) alerts.set(a.id, a);
  for (const a of next.alerts ?? []) alerts.set(a.id, a);
  return {
    epoch: next.epoch,
    fromSeq: Math.min(first.fromSeq, next.fromSeq),
    seq: next.seq,
    at: next.at,
    changes: [...changes.values()],
    ...(alerts.size > 0 && { alerts: [...alerts.values()] }),
  };
}

interface PacedScreen {
  intervalMs: number;
  send: (delta: Delta) => void;
  lastSentAt: number;
  pending: Delta | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * The screens that asked for deltas less often than the server's window (a slow kiosk box, a page on a busy
 * machine). Each gets the deltas merged, one at most every `intervalMs` of its own, with the same leading edge as
 * the window: the first delta after a quiet spell goes at once. The other screens take the common broadcast.
 */
export class ScreenPacer {
  private readonly screens = new Map<string, PacedScreen>();

  constructor(private readonly clock: Clock) {}

  /** Paces a screen at `intervalMs`, or changes its pace. */
  pace(id: string, intervalMs: number, send: (delta: Delta) => void): void {
    const screen = this.screens.get(id);
    if (screen) {
      screen.intervalMs = intervalMs;
      screen.send = send;
      if (screen.pending) this.arm(screen);
      return;
    }
    this.screens.set(id, { intervalMs, send, lastSentAt: Number.NEGATIVE_INFINITY, pending: null, timer: null });
  }

  /**
   * Stops pacing a screen. With `flush`, what it was owed goes out first, so that the next broadcast delta follows
   * on (a screen back on the common window); without, it is dropped (a screen that left).
   */
  release(id: string, { flush }: { flush: boolean }): void {
    const screen = this.screens.get(id);
    if (!screen) return;
    this.screens.delete(id);
    if (screen.timer) clearTimeout(screen.timer);
    if (flush && screen.pending) screen.send(screen.pending);
  }

  has(id: string): boolean {
    return this.screens.has(id);
  }

  /** Hands a delta of the broadcast to every paced screen: sent now, or merged into what it is owed. */
  offer(delta: Delta): void {
    for (const screen of this.screens.values()) {
      screen.pending = screen.pending ? mergeDeltas(screen.pending, delta) : delta;
      if (!screen.timer) this.arm(screen);
    }
  }

  close(): void {
    for (const screen of this.screens.values()) if (screen.timer) clearTimeout(screen.timer);
    this.screens.clear();
  }

  private arm(screen: PacedScreen): void {
    if (screen.timer) clearTimeout(screen.timer);
    screen.timer = null;
    const wait = screen.lastSentAt + screen.intervalMs - this.clock.now();
    if (wait <= 0) {
      this.sendNow(screen);
      return;
    }
    screen.timer = setTimeout(() => this.sendNow(screen), wait);
    screen.timer.unref?.();
  }

  private sendNow(screen: PacedScreen): void {
    screen.timer = null;
    const delta = screen.pending;
    if (!delta) return;
    screen.pending = null;
    screen.lastSentAt = this.clock.now();
    screen.send(delta);
  }
}
