import { For, Show } from 'solid-js';
import baseline from '../../../shared/data/project06-baseline.json';
import { board, type PilotModel, summariseModels, summariseTasks, type Task } from '../../../shared/project06';
import { regionSet } from '../../../shared/regions';
import { useI18n } from '../../i18n';
import { useWall } from '../../live/context';
import { BandIcon } from '../../widgets/bands';
import { Header } from '../../widgets/Header';
import { SampleBadge, ViewTitle } from '../../widgets/ViewTitle';
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

const pct = (part: number, whole: number) => `${whole > 0 ? (part / whole) * 100 : 0}%`;

/**
 * The Project 06 board: the 25 tasks (completed, of which recurring, and in progress), the essential and
 * Decision-42 public services deployed, and the 38 pilot models with their progress, so that heads of units can
 * follow what is late.
 */
export default function TasksView(props: { now: () => number }) {
  const wall = useWall();
  const { t, fmt, lang, unitName } = useI18n();
  const unit = (code: string) => {
    const u = regionSet.unit(code);
    return u ? unitName(u) : code;
  };
  const day = (iso: string) => fmt().day(Date.parse(`${iso}T12:00:00Z`), wall.state.timeZone);
  const inProgress = board.tasks.filter(
    (task): task is Extract<Task, { status: 'in-progress' }> => task.status === 'in-progress',
  );

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
            <ul class="tasks-open">
              <For each={inProgress}>
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
        </div>
        <section class="panel tasks-list" data-testid="task-list">
          <h2 class="panel-title">{t('tasks.list')}</h2>
          <ol>
            <For each={board.tasks}>
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
        <section class="panel tasks-models" data-testid="pilot-models">
          <h2 class="panel-title">
            <span>
              <span data-testid="models-total">{MODELS.total}</span> {t('tasks.models')}
            </span>
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
            <For each={THEMES}>
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
