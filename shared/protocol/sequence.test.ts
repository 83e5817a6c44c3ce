import { describe, expect, it } from 'vitest';
import { type Cursor, classifyDelta } from './sequence';

const cursor: Cursor = { epoch: 'e1', seq: 10 };
const delta = (fromSeq: number, seq: number, epoch = 'e1') => ({ epoch, fromSeq, seq });

describe('classifyDelta', () => {
  it('applies the delta that starts where the cursor stands', () => {
    expect(classifyDelta(cursor, delta(10, 11))).toBe('apply');
    expect(classifyDelta(cursor, delta(10, 15))).toBe('apply');
  });

  it('applies a delta that overlaps the cursor (fromSeq < cursor.seq < seq)', () => {
    // The client holds a snapshot at 10 taken while the server had sent deltas only up to 7.
    expect(classifyDelta(cursor, delta(7, 12))).toBe('apply');
    expect(classifyDelta(cursor, delta(0, 11))).toBe('apply');
  });

  it('calls a delta the cursor already covers a duplicate', () => {
    expect(classifyDelta(cursor, delta(9, 10))).toBe('duplicate');
    expect(classifyDelta(cursor, delta(3, 7))).toBe('duplicate');
  });

  it('calls a delta that starts after the cursor a gap', () => {
    expect(classifyDelta(cursor, delta(11, 12))).toBe('gap');
    expect(classifyDelta(cursor, delta(20, 25))).toBe('gap');
  });

  it('calls a delta from another epoch new-epoch, whatever its seq', () => {
    expect(classifyDelta(cursor, delta(10, 11, 'e2'))).toBe('new-epoch');
    expect(classifyDelta(cursor, delta(0, 1, 'e2'))).toBe('new-epoch');
    expect(classifyDelta(cursor, delta(3, 7, 'e2'))).toBe('new-epoch');
  });

  it('calls any delta a gap when the client has no cursor yet', () => {
    expect(classifyDelta(null, delta(0, 1))).toBe('gap');
  });
});
