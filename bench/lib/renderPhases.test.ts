import { describe, expect, it } from 'vitest';
import { renderPhases, type TraceEvent } from './renderPhases';

const page = { pid: 1, tid: 10 };
const other = { pid: 2, tid: 20 };
const names: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', ...page, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', ...other, args: { name: 'CrRendererMain' } },
];
const layout = (root: string, tdur: number, at = page): TraceEvent => ({
  name: 'Layout',
  ph: 'X',
  ...at,
  dur: tdur * 2,
  tdur,
  args: { endData: { layoutRoots: [{ nodeName: root }] } },
});

describe('renderPhases', () => {
  it("sums each phase's thread time on the page's main thread, and counts frames and whole-page layouts", () => {
    const events: TraceEvent[] = [
      ...names,
      layout('#document', 2000),
      layout("SPAN class='gauge-value'", 500),
      layout("SPAN class='fixed-figure'", 300),
      { name: 'Paint', ph: 'X', ...page, tdur: 400 },
      { name: 'Layerize', ph: 'X', ...page, tdur: 900 },
      { name: 'Commit', ph: 'X', ...page, tdur: 100 },
      { name: 'Commit', ph: 'X', ...page, tdur: 100 },
      { name: 'UpdateLayoutTree', ph: 'X', ...page, dur: 250 },
      { name: 'FunctionCall', ph: 'X', ...page, tdur: 5000 },
    ];
    const phases = renderPhases(events);
    expect(phases.ms).toEqual({
      style: 0.25,
      layout: 2.8,
      'pre-paint': 0,
      paint: 0.4,
      layerize: 0.9,
      commit: 0.2,
    });
    expect(phases).toMatchObject({ frames: 2, layouts: 3, wholePage: 1 });
  });

  it('takes the busiest renderer main thread as the page, leaving the other out', () => {
    const events: TraceEvent[] = [
      ...names,
      layout('#document', 1000, other),
      layout("SPAN class='gauge-value'", 100),
      layout("SPAN class='gauge-value'", 100),
    ];
    expect(renderPhases(events)).toMatchObject({ layouts: 2, wholePage: 0 });
    expect(renderPhases(events).ms.layout).toBeCloseTo(0.2);
  });

  it("splits the page's main-thread time by task: those that draw a frame, those that run script, the rest", () => {
    const task = (ts: number, dur: number, tdur: number): TraceEvent => ({
      name: 'RunTask',
      ph: 'X',
      ...page,
      ts,
      dur,
      tdur,
    });
    const inside = (name: string, ts: number): TraceEvent => ({ name, ph: 'X', ...page, ts, dur: 1, tdur: 1 });
    const events: TraceEvent[] = [
      ...names,
      // A socket message: script only.
      task(0, 100, 1500),
      inside('FunctionCall', 10),
      // A frame, whose callbacks run script too.
      task(200, 100, 3000),
      inside('FunctionCall', 205),
      inside('Layout', 220),
      inside('Paint', 250),
      // The browser's own message, and a task on another renderer that is not the page's.
      task(400, 10, 200),
      { name: 'RunTask', ph: 'X', ...other, ts: 0, dur: 1000, tdur: 9000 },
    ];
    expect(renderPhases(events).tasks).toEqual({ frame: 3, script: 1.5, other: 0.2 });
  });
});
