import { describe, expect, it } from 'vitest';
import type { Delta } from '../../shared/protocol';
import { DeltaLog } from './deltaLog';

const delta = (fromSeq: number, seq: number): Delta => ({ epoch: 'e', fromSeq, seq, at: seq, changes: [] });

/** A log holding the deltas (0,1], (1,2] ... (n-1,n]. */
function filled(capacity: number, n: number): DeltaLog {
  const log = new DeltaLog(capacity, 0);
  for (let s = 1; s <= n; s++) log.push(delta(s - 1, s));
  return log;
}

const seqs = (deltas: Delta[] | null) => deltas?.map((d) => d.seq) ?? null;

describe('DeltaLog', () => {
  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new DeltaLog(0, 0)).toThrow(RangeError);
    expect(() => new DeltaLog(2.5, 0)).toThrow(RangeError);
  });

  it('starts empty at the seq it is given', () => {
    const log = new DeltaLog(4, 17);
    expect(log.head).toBe(17);
    expect(log.length).toBe(0);
    expect(log.since(17)).toEqual([]);
    expect(log.since(16)).toBeNull();
  });

  it('moves the head with every delta', () => {
    const log = new DeltaLog(4, 0);
    log.push(delta(0, 3));
    expect(log.head).toBe(3);
    log.push(delta(3, 4));
    expect(log.head).toBe(4);
  });

  it('holds at most its capacity', () => {
    const log = filled(3, 10);
    expect(log.length).toBe(3);
    expect(log.head).toBe(10);
    expect(seqs(log.since(7))).toEqual([8, 9, 10]);
  });

  it('returns the deltas after seq, oldest first', () => {
    const log = filled(5, 4);
    expect(seqs(log.since(0))).toEqual([1, 2, 3, 4]);
    expect(seqs(log.since(2))).toEqual([3, 4]);
    expect(seqs(log.since(3))).toEqual([4]);
  });

  it('returns [] when seq is the head', () => {
    expect(filled(5, 4).since(4)).toEqual([]);
  });

  it('returns null once the log no longer reaches back to seq', () => {
    const log = filled(3, 10);
    // Kept: (7,8], (8,9], (9,10]. A client at 7 can catch up; one at 6 missed (6,7].
    expect(log.since(7)).not.toBeNull();
    expect(log.since(6)).toBeNull();
    expect(log.since(0)).toBeNull();
  });

  it('returns null for a seq beyond the head', () => {
    expect(filled(5, 4).since(5)).toBeNull();
  });

  it('includes a coalesced delta that covers seq (an overlap is harmless)', () => {
    const log = new DeltaLog(4, 0);
    log.push(delta(0, 5));
    log.push(delta(5, 8));
    expect(seqs(log.since(3))).toEqual([5, 8]);
    expect(seqs(log.since(5))).toEqual([8]);
    expect(seqs(log.since(6))).toEqual([8]);
  });

  it('refuses a delta that does not continue the head', () => {
    const log = filled(4, 2);
    expect(() => log.push(delta(3, 4))).toThrow(/does not continue/);
    expect(() => log.push(delta(1, 3))).toThrow(/does not continue/);
    // Nothing changed.
    expect(log.head).toBe(2);
    expect(seqs(log.since(0))).toEqual([1, 2]);
  });

  it('keeps working across many wraps of the ring', () => {
    const log = filled(7, 1000);
    expect(seqs(log.since(993))).toEqual([994, 995, 996, 997, 998, 999, 1000]);
    expect(log.since(992)).toBeNull();
  });
});
