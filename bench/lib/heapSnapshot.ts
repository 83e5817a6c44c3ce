import type { CDPSession } from '@playwright/test';

export interface HeapBreakdown {
  /** JavaScript objects, arrays, strings, closures: what the application keeps. */
  objectsBytes: number;
  /** Compiled code and its metadata, which the engine grows and trims as functions get hot or cold. */
  codeBytes: number;
  /** Objects of the browser itself (DOM, layout, performance entries), as the snapshot sees them. */
  nativeBytes: number;
}

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

/**
 * Takes a heap snapshot of the page (after a collection) and sums it by kind, so that growth of the application's
 * own objects can be told apart from the engine's compiled code.
 */
export async function heapBreakdown(cdp: CDPSession): Promise<HeapBreakdown> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snapshot = JSON.parse(chunks.join('')) as Snapshot;
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const stride = fields.length;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const out: HeapBreakdown = { objectsBytes: 0, codeBytes: 0, nativeBytes: 0 };
  for (let i = 0; i < snapshot.nodes.length; i += stride) {
    const type = types[snapshot.nodes[i + typeAt] ?? 0];
    const size = snapshot.nodes[i + sizeAt] ?? 0;
    if (type === 'code') out.codeBytes += size;
    else if (type === 'native') out.nativeBytes += size;
    else out.objectsBytes += size;
  }
  return out;
}
