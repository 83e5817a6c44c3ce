import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import type { CpuProfile } from './cpuProfile';

const DIST = path.resolve(import.meta.dirname, '../../dist/client');

/** The source maps of the built client's scripts, by file name, read once. */
const maps = new Map<string, SourceMap | null>();
function mapOf(url: string): SourceMap | null {
  const file = url.split('?')[0]?.split('/').pop() ?? '';
  if (!maps.has(file)) {
    const where = path.join(DIST, 'assets', `${file}.map`);
    maps.set(
      file,
      file.endsWith('.js') && existsSync(where) ? new SourceMap(JSON.parse(readFileSync(where, 'utf8'))) : null,
    );
  }
  return maps.get(file) ?? null;
}

type Frame = { functionName: string; url: string; lineNumber: number; columnNumber?: number };

/**
 * Where a frame's code comes from, by the build's source maps: a file of the client (`widgets/ArcGauge.tsx`), a
 * library (`solid-js`, `echarts`), or what V8 names itself (`(garbage collector)`, `(program)`: the renderer's own
 * work outside script).
 */
function sourceOf(frame: Frame): { own: boolean; name: string } {
  if (!frame.url) return { own: false, name: frame.functionName.startsWith('(') ? frame.functionName : '(native)' };
  const entry = mapOf(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber ?? 0);
  const source = entry && 'originalSource' in entry ? entry.originalSource : '';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (pkg) return { own: false, name: pkg[1] as string };
  const own = /\/(client|shared)\/(.+)$/.exec(source);
  if (own) return { own: true, name: own[1] === 'shared' ? `shared/${own[2]}` : (own[2] as string) };
  return { own: false, name: source || (frame.url.split('/').pop() ?? frame.url) };
}

/**
 * The page's CPU profile by part: each sample counts for the nearest file of the client on its stack (a widget,
 * a chart, the live store), so that the library code a widget calls (Solid's updates, ECharts' drawing) counts
 * for that widget; samples with no client file on the stack count for the library that ran. Idle time is left
 * out. Returns ms per part, heaviest first.
 */
export function pageParts(profile: CpuProfile): { part: string; ms: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const partOf = new Map<number, string>();
  const part = (id: number): string => {
    const known = partOf.get(id);
    if (known !== undefined) return known;
    let leaf: string | null = null;
    let found: string | null = null;
    for (let n = byId.get(id); n && !found; n = byId.get(parent.get(n.id) ?? -1)) {
      const source = sourceOf(n.callFrame as Frame);
      leaf ??= source.name;
      if (source.own) found = source.name;
    }
    const name = found ?? leaf ?? '(unknown)';
    partOf.set(id, name);
    return name;
  };
  const times = new Map<string, number>();
  for (const [i, id] of (profile.samples ?? []).entries()) {
    const name = part(id);
    if (name === '(idle)' || name === '(root)') continue;
    times.set(name, (times.get(name) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  }
  return [...times.entries()].sort((a, b) => b[1] - a[1]).map(([name, ms]) => ({ part: name, ms }));
}
