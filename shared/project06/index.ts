import type { Board, PilotModel, ServiceIndexPeriods, Task } from './schema';

export * from './schema';

/** The Project 06 board of the deployment in force (sample entries until the province's register is connected). */
export let board: Board = {
  sample: true,
  provenance: 'none installed',
  asOf: '1970-01-01',
  tasks: [],
  pilotModels: [],
};
/** The service index's periods of the deployment in force: the previous period's published scores. */
export let serviceIndexPeriods: ServiceIndexPeriods = {
  sample: true,
  provenance: 'none installed',
  current: { id: '-', label: { vi: '-', en: '-' } },
  previous: { id: '-', label: { vi: '-', en: '-' }, publishedAt: '1970-01-01', scores: {} },
};

export function installProgramme(next: { board: Board; serviceIndexPeriods: ServiceIndexPeriods }): void {
  board = next.board;
  serviceIndexPeriods = next.serviceIndexPeriods;
}

export interface TaskSummary {
  total: number;
  completed: number;
  /** Completed tasks carried on continuously. */
  recurring: number;
  inProgress: number;
}

/** The task counts the province reports: completed (of which recurring) and in progress. */
export function summariseTasks(tasks: readonly Task[]): TaskSummary {
  const completed = tasks.filter((t) => t.status === 'completed');
  return {
    total: tasks.length,
    completed: completed.length,
    recurring: completed.filter((t) => t.recurring).length,
    inProgress: tasks.length - completed.length,
  };
}

export type ModelSummary = Record<PilotModel['status'], number> & { total: number };

export function summariseModels(models: readonly PilotModel[]): ModelSummary {
  const out: ModelSummary = { total: models.length, done: 0, 'in-progress': 0, 'not-started': 0 };
  for (const m of models) out[m.status] += 1;
  return out;
}
