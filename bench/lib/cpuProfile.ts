/** A V8 CPU profile, as Chromium's DevTools protocol and `node --cpu-prof` write it. */
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  /** Microseconds between samples. */
  timeDeltas?: number[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  children?: number[];
}

/** A sample's stack, leaf first, with the time it stands for (ms). */
interface Sample {
  stack: ProfileNode[];
  ms: number;
  /** Microseconds since the profile started. */
  at: number;
}

function samplesOf(profile: CpuProfile): Sample[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const out: Sample[] = [];
  let at = 0;
  for (const [i, id] of (profile.samples ?? []).entries()) {
    const delta = profile.timeDeltas?.[i] ?? 0;
    at += delta;
    const stack: ProfileNode[] = [];
    for (let n = byId.get(id); n; n = byId.get(parent.get(n.id) ?? -1)) stack.push(n);
    out.push({ stack, ms: delta / 1000, at });
  }
  return out;
}

const IDLE = /^\((idle|root|program)\)$/;

const frameName = (node: ProfileNode) => {
  const { functionName, url, lineNumber } = node.callFrame;
  return `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber + 1}`;
};

/**
 * Time per function, the heaviest first: `self` counts the samples in the function itself, `total` also those in
 * what it called (each function once per sample, however deep the recursion). Idle time is left out.
 */
export function heaviest(profile: CpuProfile, top = 30): { self: string[]; total: string[] } {
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  for (const { stack, ms } of samplesOf(profile)) {
    all += ms;
    const leaf = stack[0];
    if (!leaf) continue;
    self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + ms);
    for (const name of new Set(stack.map(frameName))) total.set(name, (total.get(name) ?? 0) + ms);
  }
  const list = (times: Map<string, number>) =>
    [...times.entries()]
      .filter(([name]) => !IDLE.test(name.split(' ')[0] ?? ''))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((ms / all) * 100).toFixed(1).padStart(5)} %  ${name}`);
  return { self: list(self), total: list(total) };
}

/**
 * What the server's time goes to: a sample counts for the first part, in this order, that any frame of its stack
 * belongs to (HTTP last, since every request's stack starts there).
 */
const SERVER_PARTS: [part: string, test: (frame: ProfileNode['callFrame']) => boolean][] = [
  ['SQLite commit (wall time, with the wait for the disk)', (f) => /better-sqlite3|server\/store\//.test(f.url)],
  ['checks: schema (zod) and observation rules', (f) => /zod\/|domain\/observation|ingest\/schema/.test(f.url)],
  [
    'ingest: drafts, roll-ups, live state, alerts',
    (f) => /state\/|domain\/|shared\/rollup|shared\/alerts|server\/alerts|sources\/ingest/.test(f.url),
  ],
  // NOTE: not engine.io's server, whose request listener sits under every HTTP request.
  [
    'deltas to screens (socket.io)',
    (f) => /realtime\/|socket\.io\/dist|socket\.io-parser|socket\.io-adapter|\/ws\/lib/.test(f.url),
  ],
  ['metrics (prom-client)', (f) => /prom-client|http\/metrics/.test(f.url)],
  [
    'HTTP and Express: parsing, routing, middleware, body, answer',
    (f) =>
      /express|router|body-parser|raw-body|helmet|rate-limit|http\/|node:_http|node:net|node:internal\/streams|node:events/.test(
        f.url,
      ) || f.functionName === 'writev',
  ],
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
];

/**
 * The server's CPU profile by part (see SERVER_PARTS), for samples taken `fromMs`..`toMs` after the profile
 * started: ms per part and per update.
 */
export function serverParts(
  profile: CpuProfile,
  window: { fromMs: number; toMs: number },
  updates: number,
): { part: string; ms: number; usPerUpdate: number }[] {
  const parts = new Map<string, number>();
  for (const { stack, ms, at } of samplesOf(profile)) {
    if (at < window.fromMs * 1000 || at > window.toMs * 1000) continue;
    const leaf = stack[0]?.callFrame.functionName ?? '';
    if (IDLE.test(leaf)) continue;
    const part = SERVER_PARTS.find(([, test]) => stack.some((n) => test(n.callFrame)))?.[0] ?? 'other';
    parts.set(part, (parts.get(part) ?? 0) + ms);
  }
  return [...parts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([part, ms]) => ({ part, ms, usPerUpdate: (ms / updates) * 1000 }));
}

/** Where a frame's code lives: an npm package, a Node built-in module, or a file of the project. */
export function moduleOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').split('/')[0] as string;
  const own = /\/(server|shared|bench)\/(.+)$/.exec(url);
  return own ? `${own[1]}/${own[2]}` : (url.split('/').pop() ?? url);
}

/** Self time per module (see `moduleOf`) for samples taken `fromMs`..`toMs` after the profile started, heaviest first. */
export function selfByModule(
  profile: CpuProfile,
  window: { fromMs: number; toMs: number },
  updates: number,
  top = 25,
): string[] {
  const times = new Map<string, number>();
  for (const { stack, ms, at } of samplesOf(profile)) {
    if (at < window.fromMs * 1000 || at > window.toMs * 1000) continue;
    const leaf = stack[0];
    if (!leaf || IDLE.test(leaf.callFrame.functionName)) continue;
    const name = moduleOf(leaf.callFrame);
    times.set(name, (times.get(name) ?? 0) + ms);
  }
  return [...times.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([name, ms]) =>
        `${ms.toFixed(0).padStart(7)} ms ${((ms / updates) * 1000).toFixed(0).padStart(6)} µs/update  ${name}`,
    );
}
