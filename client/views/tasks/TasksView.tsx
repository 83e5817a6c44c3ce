import { For, Show } from 'solid-js';
import baseline from '../../../shared/data/project06-baseline.json';
import { board, type PilotModel, summariseModels, summariseTasks, type Task } from '../../../shared/project06';
import { regionSet } from '../../../shared/regions';
import { useI18n } from '../../i18n';
import { useWall } from '../../live/context';
import { BandIcon } from '../../widgets/bands';
import { Header } from '../../widgets/Header';
import { PageMark } from '../../widgets/PageMark';
import { SampleBadge, ViewTitle } from '../../widgets/ViewTitle';
import { createWallParts, useWallShape, type WallParts } from '../wallParts';
import './tasks.css';
import './tasksWall.css';

const TASKS = summariseTasks(board.tasks);
const MODELS = summariseModels(board.pilotModels);
const SERVICES = [
  { key: 'tasks.essential', ...baseline.figures.essentialPublicServicesDeployed },
  { key: 'tasks.decision42', ...baseline.figures.decision42PublicServicesDeployed },
] as const;

/** A status as a shape and a colour: done (circle), under way (diamond), not started (triangle). */
const MODEL_BAND = { done: 'ok', 'in-progress': 'warning', 'not-started': 'critical' } as const;

/** The pilot models grouped by theme, in the data file's order. */
const THEMES = (() => {
  const groups = new Map<string, PilotModel[]>();
  for (const m of board.pilotModels) groups.set(m.theme.en, [...(groups.get(m.theme.en) ?? []), m]);
  return [...groups.values()];
})();

type OpenTask = Extract<Task, { status: 'in-progress' }>;

const IN_PROGRESS = board.tasks.filter((task): task is OpenTask => task.status === 'in-progress');

/*
 * Two panels high, each list within the panel it has (see tasksWall.css): an open task at a time in the tasks' panel
 * on 2x2 (on 3x2 they have a panel of their own), the 25 tasks 13 to a panel (a page at a time on 2x2, in two
 * panels on 3x2), the pilot models four themes at a time.
 */
const OPEN_PARTS: Readonly<Record<string, WallParts>> = { '2x2': { parts: 1, perPart: 1 } };
const LIST_PARTS: Readonly<Record<string, WallParts>> = {
  '2x2': { parts: 1, perPart: 13 },
  '3x2': { parts: 2, perPart: 13 },
};
const THEME_PARTS: Readonly<Record<string, WallParts>> = {
  '2x2': { parts: 1, perPart: 4 },
  '3x2': { parts: 1, perPart: 4 },
};

const pct = (part: number, whole: number) => `${whole > 0 ? (part / whole) * 100 : 0}%`;

/**
 * The Project 06 board: the 25 tasks (completed, of which recurring, and in progress), the essential and
 * Decision-42 public services deployed, and the 38 pilot models with their progress, so that heads of units can
 * follow what is late.
 */
export default function TasksView(props: { now: () => number }) {
  const wall = useWall();
  const { t, fmt, lang } = useI18n();
  const { unit, day } = useBoardText();
  const serverNow = () => props.now() + wall.clockOffset();
  const wallShape = useWallShape();
  const openTasks = createWallParts({ all: () => IN_PROGRESS, split: (shape) => OPEN_PARTS[shape], serverNow });
  const taskList = createWallParts({ all: () => board.tasks, split: (shape) => LIST_PARTS[shape], serverNow });
  const themes = createWallParts({ all: () => THEMES, split: (shape) => THEME_PARTS[shape], serverNow });

  return (
    <div class="view tasks-view" data-testid="view-tasks">
      <Header now={props.now} />
      <ViewTitle title={t('tasks.title')} subtitle={t('tasks.asOf', { date: day(board.asOf) })}>
        <Show when={board.sample}>
          <SampleBadge />
        </Show>
      </ViewTitle>
      <div class="tasks-main">
        <div class="tasks-left">
          <section class="panel tasks-summary" data-testid="tasks-summary">
            <h2 class="panel-title">{t('tasks.tasks')}</h2>
            <p class="tasks-big">
              <b data-testid="tasks-completed">
                {TASKS.completed}/{TASKS.total}
              </b>
              <span>{t('tasks.completedOf')}</span>
            </p>
            <div class="tasks-stack" aria-hidden="true">
              <i class="seg-once" style={{ width: pct(TASKS.completed - TASKS.recurring, TASKS.total) }} />
              <i class="seg-recurring" style={{ width: pct(TASKS.recurring, TASKS.total) }} />
              <i class="seg-progress" style={{ width: pct(TASKS.inProgress, TASKS.total) }} />
            </div>
            <ul class="tasks-legend">
              <li data-testid="tasks-once">
                <BandIcon band="ok" size={18} /> {t('tasks.once')} <b>{TASKS.completed - TASKS.recurring}</b>
              </li>
              <li data-testid="tasks-recurring">
                <i class="swatch seg-recurring" /> {t('tasks.recurring')} <b>{TASKS.recurring}</b>
              </li>
              <li data-testid="tasks-in-progress">
                <BandIcon band="warning" size={18} /> {t('tasks.inProgress')} <b>{TASKS.inProgress}</b>
              </li>
            </ul>
            <Show when={wallShape() !== '3x2'}>
              <OpenTasks tasks={openTasks} />
            </Show>
          </section>
          <section class="panel tasks-services" data-testid="services-deployed">
            <h2 class="panel-title">{t('tasks.services')}</h2>
            <For each={SERVICES}>
              {(s) => (
                <div
                  class="service-line"
                  data-testid={`deployed-${s.key === 'tasks.essential' ? 'essential' : 'decision42'}`}
                >
                  <span class="service-name">{t(s.key)}</span>
                  <b class="service-count">
                    {s.deployed}/{s.total}
                  </b>
                  <span class="service-bar" aria-hidden="true">
                    <i classList={{ complete: s.deployed >= s.total }} style={{ width: pct(s.deployed, s.total) }} />
                  </span>
                </div>
              )}
            </For>
          </section>
          <Show when={wallShape() === '3x2'}>
            <section class="panel tasks-open-panel" data-testid="open-tasks">
              <h2 class="panel-title">{t('tasks.inProgress')}</h2>
              <OpenTasks tasks={openTasks} />
            </section>
          </Show>
        </div>
        <For each={taskList.parts()}>
          {(part, i) => (
            <section class="panel tasks-list" data-testid="task-list" data-part={i()}>
              <h2 class="panel-title">
                {t('tasks.list')}
                <PageMark page={taskList.page} pages={taskList.pages} testId="task-list-page" />
              </h2>
              <ol>
                <For each={part}>
                  {(task) => (
                    <li data-status={task.status}>
                      <BandIcon
                        band={task.status === 'completed' ? 'ok' : 'warning'}
                        size={18}
                        title={t(task.status === 'completed' ? 'tasks.once' : 'tasks.inProgress')}
                      />
                      <span class="task-name">{task.name[lang()]}</span>
                      <Show when={task.status === 'completed' && task.recurring}>
                        <span class="task-tag">{t('tasks.recurring')}</span>
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </section>
          )}
        </For>
        <section class="panel tasks-models" data-testid="pilot-models">
          <h2 class="panel-title">
            <span>
              <span data-testid="models-total">{MODELS.total}</span> {t('tasks.models')}
            </span>
            <PageMark page={themes.page} pages={themes.pages} testId="models-page" />
          </h2>
          <ul class="models-legend">
            <For each={['done', 'in-progress', 'not-started'] as const}>
              {(status) => (
                <li data-testid={`models-${status}`}>
                  <BandIcon band={MODEL_BAND[status]} size={18} /> {t(`tasks.model.${status}`)} <b>{MODELS[status]}</b>
                </li>
              )}
            </For>
          </ul>
          <ul class="model-themes">
            <For each={themes.parts()[0]}>
              {(models) => (
                <li>
                  <span class="theme-name">{models[0]?.theme[lang()]}</span>
                  <span class="theme-units">
                    <For each={models}>
                      {(m) => (
                        <span class={`model-chip status-${m.status}`} data-status={m.status}>
                          <BandIcon band={MODEL_BAND[m.status]} size={16} title={t(`tasks.model.${m.status}`)} />
                          {unit(m.unit)}
                          <Show when={m.status === 'in-progress'}>
                            <b>{fmt().percent(m.progress, 0)}</b>
                          </Show>
                        </span>
                      )}
                    </For>
                  </span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </div>
    </div>
  );
}

/** A unit's name from its code, and a date of the board, in the screen's language and the deployment's zone. */
function useBoardText() {
  const wall = useWall();
  const { fmt, unitName } = useI18n();
  const unit = (code: string) => {
    const u = regionSet.unit(code);
    return u ? unitName(u) : code;
  };
  const day = (iso: string) => fmt().day(Date.parse(`${iso}T12:00:00Z`), wall.state.timeZone);
  return { unit, day };
}

/** The tasks in progress, each with its progress, its lead unit and its due date; a page of them where so marked. */
function OpenTasks(props: {
  tasks: { parts: () => (readonly OpenTask[])[]; page: () => number; pages: () => number };
}) {
  const { t, fmt, lang } = useI18n();
  const { unit, day } = useBoardText();
  return (
    <>
      <ul class="tasks-open" data-testid="open-task-list">
        <For each={props.tasks.parts()[0]}>
          {(task) => (
            <li>
              <span class="open-name">{task.name[lang()]}</span>
              <span class="open-bar" aria-hidden="true">
                <i style={{ width: `${task.progress}%` }} />
              </span>
              <span class="open-facts">
                <b>{fmt().percent(task.progress, 0)}</b>
                <span>{t('tasks.lead', { unit: unit(task.lead) })}</span>
                <span>{t('tasks.due', { date: day(task.due) })}</span>
              </span>
            </li>
          )}
        </For>
      </ul>
      <PageMark page={props.tasks.page} pages={props.tasks.pages} testId="open-tasks-page" class="open-page" />
    </>
  );
}
