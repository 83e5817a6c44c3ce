import baseline from '../../../shared/data/project06-baseline.json';
import { board, summariseModels, summariseTasks } from '../../../shared/project06';
import { OfficeBoard, OfficeFigures, type Slide } from './OfficeBoard';
import { useOfficeData } from './officeData';

const TASKS = summariseTasks(board.tasks);
const MODELS = summariseModels(board.pilotModels);
const ESSENTIAL = baseline.figures.essentialPublicServicesDeployed;
const DECISION42 = baseline.figures.decision42PublicServicesDeployed;

/** Project 06 on a screen read from afar: the tasks, the public services deployed, the pilot models. */
export default function TasksOffice(props: { now: () => number; textPx: () => number }) {
  const d = useOfficeData();
  const whole = (n: number) => () => String(n);
  const slides: Slide[] = [
    {
      key: 'tasks',
      sample: board.sample,
      title: () => d.t('tasks.tasks'),
      body: () => (
        <OfficeFigures
          figures={[
            d.count(
              'completed',
              () => d.t('office.completed'),
              () => `${TASKS.completed}/${TASKS.total}`,
            ),
            d.count('recurring', () => d.t('tasks.recurring'), whole(TASKS.recurring)),
            d.count('in-progress', () => d.t('tasks.inProgress'), whole(TASKS.inProgress)),
          ]}
        />
      ),
    },
    {
      key: 'services',
      sample: board.sample,
      title: () => d.t('office.services'),
      body: () => (
        <OfficeFigures
          figures={[
            d.count(
              'essential',
              () => d.t('tasks.essential'),
              () => `${ESSENTIAL.deployed}/${ESSENTIAL.total}`,
            ),
            d.count(
              'decision42',
              () => d.t('tasks.decision42'),
              () => `${DECISION42.deployed}/${DECISION42.total}`,
            ),
          ]}
        />
      ),
    },
    {
      key: 'models',
      sample: board.sample,
      title: () => `${MODELS.total} ${d.t('tasks.models')}`,
      body: () => (
        <OfficeFigures
          figures={[
            { ...d.count('done', () => d.t('tasks.model.done'), whole(MODELS.done)), band: () => 'ok' },
            {
              ...d.count('model-progress', () => d.t('tasks.model.in-progress'), whole(MODELS['in-progress'])),
              band: () => 'warning',
            },
            {
              ...d.count('not-started', () => d.t('tasks.model.not-started'), whole(MODELS['not-started'])),
              band: () => 'critical',
            },
          ]}
        />
      ),
    },
  ];
  return (
    <OfficeBoard
      view="tasks"
      title={() => d.t('tasks.title')}
      textPx={props.textPx()}
      now={props.now}
      slides={slides}
    />
  );
}
