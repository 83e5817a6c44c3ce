import { catalog } from '../../shared/catalog';
import type { Alert } from '../../shared/protocol';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { useRegionName } from '../widgets/regionName';
import { ageParts } from './alertRows';
import { useConsoleText } from './consoleI18n';

/**
 * One alert: where, which figure, its value now against what it is measured by (the target; the value the day
 * started with, for a drop; the silence allowed, for a silent source), since when and for how long.
 */
export function AlertRow(props: {
  alert: Alert;
  now: () => number;
  selected: boolean;
  busy: boolean;
  onSelect: (on: boolean) => void;
  onAcknowledge: () => void;
}) {
  const wall = useWall();
  const { t } = useConsoleText();
  const { label, fmt } = useI18n();
  const regionName = useRegionName();
  const a = () => props.alert;
  const indicator = () => {
    const id = a().indicator;
    // An alert may outlive its indicator in the catalogue: shown without the indicator's name.
    return id ? (catalog[id] ?? null) : null;
  };
  const indicatorName = () => {
    const ind = indicator();
    return ind ? label(ind, 'short') : '';
  };
  const where = () => {
    const region = a().region;
    if (region !== null) return regionName(region);
    return a().source === 'simulator' ? t('op.alerts.simulator') : (a().source ?? '');
  };
  const formatted = (v: number | null) => {
    const ind = indicator();
    return ind && v !== null ? fmt().value(ind, v, true) : '–';
  };
  const value = () => {
    const { region, indicator: id } = a();
    const live = region && id ? wall.reading(region, id)?.value : undefined;
    return formatted(live ?? a().value);
  };
  const measure = () => {
    const threshold = a().threshold;
    if (threshold === null) return '–';
    if (a().rule === 'daily-drop') return t('op.alerts.dropFrom', { value: formatted(threshold) });
    if (a().rule === 'source-silent') return t('op.alerts.silentFor', { n: Math.round(threshold / 60) });
    return formatted(threshold);
  };
  const age = () => {
    const { days, hours, minutes } = ageParts(props.now() - a().startedAt);
    if (days > 0) return t('op.age.days', { d: days, h: hours });
    if (hours > 0) return t('op.age.hours', { h: hours, m: minutes });
    return t('op.age.minutes', { m: minutes });
  };
  const severity = () => (a().severity === 'critical' ? 'critical' : 'warning');
  const description = () => `${where()} · ${indicatorName()}`;

  return (
    <tr class={`op-alert op-alert-${severity()}`} data-testid="alert-row" data-alert-id={a().id}>
      <td class="op-check">
        <input
          type="checkbox"
          checked={props.selected}
          onChange={(e) => props.onSelect(e.currentTarget.checked)}
          aria-label={t('op.alerts.select', { alert: description() })}
        />
      </td>
      <td class="op-severity">{t(`op.severity.${severity()}`)}</td>
      <td>
        <strong>{where()}</strong>
      </td>
      <td>{indicatorName()}</td>
      <td class="op-num" data-testid="alert-value">
        {value()}
      </td>
      <td class="op-num" data-testid="alert-target">
        {measure()}
      </td>
      <td class="op-nowrap" data-testid="alert-age">
        {age()} <span class="op-muted">· {fmt().time(a().startedAt, wall.state.timeZone)}</span>
      </td>
      <td>
        <button type="button" class="op-chip" disabled={props.busy} onClick={() => props.onAcknowledge()}>
          {t('op.alerts.acknowledge')}
        </button>
      </td>
    </tr>
  );
}
