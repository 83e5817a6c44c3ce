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
}

/**
 * Collects changes and sends them as one delta at most every `intervalMs`, keeping only the latest reading per
 * (region, indicator) in between. The window has a leading edge: the first change after a quiet spell goes out at
 * once (with whatever else was committed in the same turn of the event loop), and changes are held back only while
 * they keep coming; the latest is always sent when the window ends. No timer runs while nothing changes.
 */
export class DeltaBroadcaster {
  private pending = new Map<string, Reading>();
  private pendingAlerts = new Map<string, Alert>();
  private pendingSeq: number;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private immediate: ReturnType<typeof setImmediate> | null = null;

  constructor(private readonly options: DeltaBroadcasterOptions) {
    this.pendingSeq = options.log.head;
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
    this.options.emit(delta);
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
    const wait = Math.max(0, this.lastFlushAt + this.options.intervalMs - this.options.clock.now());
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
