/**
 * The page's rendering work by phase, from a Chromium trace (`devtools.timeline` and its `disabled-by-default` part, which has the commits): what a profile of the page's
 * script cannot see. Each phase is the thread time of its trace events on the page's main thread; `layouts` counts
 * the layouts, and `wholePage` those whose root was the document (a figure whose box is not laid out on its own
 * makes the browser lay out the page from the top).
 */
export interface TraceEvent {
  name: string;
  ph?: string;
  pid?: number;
  tid?: number;
  /** Start, in µs. */
  ts?: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; endData?: { layoutRoots?: { nodeName: string }[] } };
}

export interface RenderPhases {
  /** Milliseconds of main-thread time by phase, over the whole trace. */
  ms: Record<Phase, number>;
  frames: number;
  layouts: number;
  wholePage: number;
  /**
   * The main thread's tasks by kind, in ms of thread time: those that draw a frame (any rendering phase in them),
   * those that run script (a message from the socket, a timer), and the rest (the browser's own messages). Together
   * they are all the page's main-thread time, which the phases alone are not.
   */
  tasks: { frame: number; script: number; other: number };
}

/** The trace events of each phase (Chromium's names in `devtools.timeline`). */
const PHASES = {
  style: ['UpdateLayoutTree'],
  layout: ['Layout'],
  'pre-paint': ['PrePaint'],
  paint: ['Paint'],
  layerize: ['Layerize'],
  commit: ['Commit'],
} as const;
export type Phase = keyof typeof PHASES;

/** The renderer main thread with the most events: the page's (the trace also holds the browser's threads). */
function pageThread(events: readonly TraceEvent[]): string | undefined {
  const mains = new Set(
    events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const counts = new Map<string, number>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (mains.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Each trace event's phase, by its name. */
const PHASE_OF = new Map<string, Phase>(
  Object.entries(PHASES).flatMap(([phase, names]) => names.map((n) => [n, phase as Phase])),
);

/** A top-level task of the main thread: one the scheduler ran, not one inside another. */
const TASK = 'RunTask';

/** Thread time of the page's tasks by kind (`RenderPhases.tasks`), from the events of its main thread. */
function tasksByKind(onThread: readonly TraceEvent[]): RenderPhases['tasks'] {
  const sorted = onThread
    .filter((e) => e.ts !== undefined)
    .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0) || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = { frame: 0, script: 0, other: 0 };
  let task: TraceEvent | undefined;
  let kind: keyof typeof tasks = 'other';
  const close = () => {
    if (task) tasks[kind] += (task.tdur ?? task.dur ?? 0) / 1000;
  };
  for (const e of sorted) {
    const inside = task && (e.ts ?? 0) < (task.ts ?? 0) + (task.dur ?? 0);
    if (!inside) {
      if (e.name !== TASK) continue;
      close();
      task = e;
      kind = 'other';
      continue;
    }
    if (PHASE_OF.has(e.name)) kind = 'frame';
    else if (e.name === 'FunctionCall' && kind === 'other') kind = 'script';
  }
  close();
  return tasks;
}

export function renderPhases(events: readonly TraceEvent[]): RenderPhases {
  const thread = pageThread(events);
  const ms = Object.fromEntries(Object.keys(PHASES).map((p) => [p, 0])) as Record<Phase, number>;
  let frames = 0;
  let layouts = 0;
  let wholePage = 0;
  const onThread = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread);
  for (const e of onThread) {
    const phase = PHASE_OF.get(e.name);
    if (phase) ms[phase] += (e.tdur ?? e.dur ?? 0) / 1000;
    if (e.name === 'Commit') frames += 1;
    if (e.name === 'Layout') {
      layouts += 1;
      if (e.args?.endData?.layoutRoots?.some((r) => r.nodeName === '#document')) wholePage += 1;
    }
  }
  return { ms, frames, layouts, wholePage, tasks: tasksByKind(onThread) };
}
