/** Where a client stands: the epoch and the last seq it applied. */
export interface Cursor {
  epoch: string;
  seq: number;
}

export type DeltaVerdict = 'apply' | 'duplicate' | 'gap' | 'new-epoch';

/**
 * Decides what a client does with a delta. A delta covers (fromSeq, seq]; it applies when it starts at or before
 * the cursor and ends after it (readings are absolute, so an overlap is harmless). Anything that starts after the
 * cursor leaves a gap, and another epoch means the server's history restarted: both call for a resync.
 */
export function classifyDelta(
  cursor: Cursor | null,
  delta: { epoch: string; fromSeq: number; seq: number },
): DeltaVerdict {
  if (cursor === null) return 'gap';
  if (delta.epoch !== cursor.epoch) return 'new-epoch';
  if (delta.seq <= cursor.seq) return 'duplicate';
  if (delta.fromSeq > cursor.seq) return 'gap';
  return 'apply';
}
