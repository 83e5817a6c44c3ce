import type { Alert, Delta, Reading } from '../../shared/protocol';
import type { Clock } from '../clock';
import type { DeltaLog } from '../state/deltaLog';

export interface DeltaBroadcasterOptions {
  epoch: string;
  log: DeltaLog;
  clock: Clock;
  /** The shortest time between two deltas. */
  intervalMs: number;
  /** Sends a delta to every screen; called once per delta, so the payload is serialised once. */
  emit: (delta: Delta) => void;
  /** Real time in ms, to time the sending (`clock` may be one fixed for a test's figures). */
  realNow?: () => number;
}

/**
 * The share of the server's time that sending deltas to its screens may take. Sending one costs the server about
 * the same for every screen it holds, so under a busy feed the window grows with the screens: a few screens get a
 * delta every `intervalMs`, hundreds one every few tens of ms (500 screens under 100 updates/s: about 40 ms), and
 * the server keeps its time for its sources. The cost is timed on real time around `emit`, smoothed.
 */
export const SEND_SHARE = 0.25;
/** The longest the window grows to, whatever sending costs: a second is still live on a wall. */
export const LONGEST_WINDOW_MS = 1_000;
/** How far each send moves the estimate of what a send costs: one slow send (a collection) moves it little. */
const SMOOTHING = 0.2;

/**
 * Collects changes and sends them as one delta at most once per window, keeping only the latest reading per
 * (region, indicator) in between. The window has a leading edge: the first change after a quiet spell goes out at
 * once (with whatever else was committed in the same turn of the event loop), and changes are held back only while
 * they keep coming; the latest is always sent when the window ends. No timer runs while nothing changes. The window
 * is `intervalMs`, or longer while sending a delta to every screen costs more than `SEND_SHARE` of it.
 */
export class DeltaBroadcaster {
  private pending = new Map<string, Reading>();
  private pendingAlerts = new Map<string, Alert>();
  private pendingSeq: number;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private immediate: ReturnType<typeof setImmediate> | null = null;
  /** What sending a delta costs now (ms, smoothed), or null before the first. */
  private sendMs: number | null = null;
  private readonly realNow: () => number;

  constructor(private readonly options: DeltaBroadcasterOptions) {
    this.pendingSeq = options.log.head;
    this.realNow = options.realNow ?? (() => performance.now());
  }

  /** The shortest time between two deltas now (ms). */
  get windowMs(): number {
    const { intervalMs } = this.options;
    const needed = Math.min(LONGEST_WINDOW_MS, (this.sendMs ?? 0) / SEND_SHARE);
    return Math.max(intervalMs, needed);
  }

  /** Queues the changes of the batch that took `seq`. */
  enqueue(seq: number, changes: readonly Reading[], alerts: readonly Alert[] = []): void {
    for (const r of changes) this.pending.set(`${r.region}|${r.indicator}`, r);
    for (const a of alerts) this.pendingAlerts.set(a.id, a);
    this.pendingSeq = Math.max(this.pendingSeq, seq);
    this.schedule();
  }

  /** Sends what is pending now; returns the delta, or null when there was nothing to send. */
  flush(): Delta | null {
    this.cancel();
    const { log, clock, epoch } = this.options;
    if (this.pendingSeq === log.head) return null;
    const delta: Delta = {
      epoch,
      fromSeq: log.head,
      seq: this.pendingSeq,
      at: clock.now(),
      changes: [...this.pending.values()],
      ...(this.pendingAlerts.size > 0 && { alerts: [...this.pendingAlerts.values()] }),
    };
    this.pending = new Map();
    this.pendingAlerts = new Map();
    this.lastFlushAt = delta.at;
    log.push(delta);
    const started = this.realNow();
    this.options.emit(delta);
    const tookMs = this.realNow() - started;
    this.sendMs = this.sendMs === null ? tookMs : this.sendMs + SMOOTHING * (tookMs - this.sendMs);
    return delta;
  }

  close(): void {
    this.cancel();
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
  }

  private schedule(): void {
    if (this.timer || this.immediate) return;
    const wait = Math.max(0, this.lastFlushAt + this.windowMs - this.options.clock.now());
    // NOTE: not setTimeout(0), which Node holds for at least a millisecond: the leading edge leaves right after
    // this turn's other commits.
    if (wait === 0) {
      this.immediate = setImmediate(() => this.flush());
      this.immediate.unref?.();
    } else {
      this.timer = setTimeout(() => this.flush(), wait);
      this.timer.unref?.();
    }
  }
}
