import boardData from './board.json';
import { BoardSchema, type PilotModel, ServiceIndexPeriodsSchema, type Task } from './schema';
import serviceIndexData from './service-index-periods.json';

export * from './schema';

/** The Project 06 board of the deployment (sample entries until the province's register is connected). */
export const board = BoardSchema.parse(boardData);
/** The service index's periods: the previous period's published scores. */
export const serviceIndexPeriods = ServiceIndexPeriodsSchema.parse(serviceIndexData);

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
