import { describe, expect, it } from 'vitest';
import baseline from '../data/project06-baseline.json';
import { regionSet } from '../regions';
import { board, serviceIndexPeriods, summariseModels, summariseTasks } from '.';

const f = baseline.figures;

describe('the Project 06 board data', () => {
  it("counts the article's tasks: 25, 23 completed of which 14 recurring, 2 in progress", () => {
    expect(summariseTasks(board.tasks)).toEqual({
      total: f.project06Tasks.total,
      completed: f.project06Tasks.completed,
      recurring: f.project06Tasks.recurring,
      inProgress: f.project06Tasks.inProgress,
    });
  });

  it("has the article's 38 pilot models, and says the entries are a sample", () => {
    expect(summariseModels(board.pilotModels).total).toBe(f.pilotModels.total);
    expect(board.sample).toBe(true);
    expect(board.provenance).toMatch(/SAMPLE/);
  });

  it('names only units of the region set, and unique codes', () => {
    for (const t of board.tasks) expect(regionSet.isUnit(t.lead), t.code).toBe(true);
    for (const m of board.pilotModels) expect(regionSet.isUnit(m.unit), m.code).toBe(true);
    const codes = [...board.tasks, ...board.pilotModels].map((x) => x.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('gives done models full progress and models not started none', () => {
    for (const m of board.pilotModels) {
      if (m.status === 'done') expect(m.progress, m.code).toBe(100);
      if (m.status === 'not-started') expect(m.progress, m.code).toBe(0);
    }
  });
});

describe('summariseModels', () => {
  it('counts models by status', () => {
    const model = { code: 'x', theme: { vi: 'a', en: 'a' }, unit: '412', progress: 0 };
    expect(
      summariseModels([
        { ...model, status: 'done' },
        { ...model, status: 'done' },
        { ...model, status: 'not-started' },
      ]),
    ).toEqual({ total: 3, done: 2, 'in-progress': 0, 'not-started': 1 });
  });
});

describe('the service index periods', () => {
  it('has a previous score for every unit, and says it is a sample', () => {
    expect(Object.keys(serviceIndexPeriods.previous.scores).sort()).toEqual(regionSet.units.map((u) => u.code).sort());
    expect(serviceIndexPeriods.sample).toBe(true);
  });
});
