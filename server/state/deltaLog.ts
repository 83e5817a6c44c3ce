import type { Delta } from '../../shared/protocol';

/**
 * The most recent deltas, in a fixed-size ring, so that a client that missed a few can catch up without a full
 * snapshot. Deltas are contiguous: each starts where the previous one ended.
 */
export class DeltaLog {
  private readonly ring: (Delta | undefined)[];
  private next = 0;
  private size = 0;
  private headSeq: number;

  constructor(
    readonly capacity: number,
    initialSeq: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.ring = new Array(capacity);
    this.headSeq = initialSeq;
  }

  /** The seq of the latest delta pushed (or the seq the log started from). */
  get head(): number {
    return this.headSeq;
  }

  get length(): number {
    return this.size;
  }

  push(delta: Delta): void {
    if (delta.fromSeq !== this.headSeq) {
      throw new Error(`delta ${delta.fromSeq}..${delta.seq} does not continue the log at ${this.headSeq}`);
    }
    this.ring[this.next] = delta;
    this.next = (this.next + 1) % this.capacity;
    this.size = Math.min(this.size + 1, this.capacity);
    this.headSeq = delta.seq;
  }

  /**
   * The deltas after `seq`, oldest first; an empty list when `seq` is the head; null when the log no longer
   * reaches back that far, or `seq` is beyond the head.
   */
  since(seq: number): Delta[] | null {
    if (seq > this.headSeq) return null;
    if (seq === this.headSeq) return [];
    const out: Delta[] = [];
    for (let i = 0; i < this.size; i++) {
      const delta = this.ring[(this.next - this.size + i + this.capacity) % this.capacity];
      if (!delta) continue;
      if (out.length === 0 && delta.fromSeq > seq) return null;
      if (delta.seq > seq) out.push(delta);
    }
    return out.length ? out : null;
  }
}
