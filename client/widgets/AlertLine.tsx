import { Show } from 'solid-js';
import { catalog } from '../../shared/catalog';
import type { Alert } from '../../shared/protocol';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { BandIcon } from './bands';
import { useRegionName } from './regionName';
import './alertLine.css';

/** One alert in words: who, which figure, what is wrong. */
export function AlertLine(props: { alert: Alert; showRegion?: boolean }) {
  const wall = useWall();
  const { t, fmt, label } = useI18n();
  const regionName = useRegionName();
  const a = () => props.alert;
  const indicator = () => {
    const id = a().indicator;
    // An alert may outlive its indicator in the catalogue: shown without the indicator's name.
    return id ? (catalog[id] ?? null) : null;
  };
  const live = () => {
    const { region, indicator: id } = a();
    return region && id ? wall.reading(region, id) : undefined;
  };
  const value = (v: number | null | undefined) => {
    const ind = indicator();
    return ind ? fmt().value(ind, v ?? null, true) : '';
  };
  const detail = () => {
    const current = live()?.value ?? a().value;
    switch (a().rule) {
      case 'below-target':
        return t(a().severity === 'critical' ? 'alert.farBelowTarget' : 'alert.belowTarget', {
          value: value(current),
          target: value(a().threshold),
        });
      case 'daily-drop': {
        const from = a().threshold ?? 0;
        return t('alert.dailyDrop', {
          share: fmt().percent(from > 0 ? (Math.abs(from - (current ?? 0)) / from) * 100 : 0, 0),
          from: value(from),
          to: value(current),
        });
      }
      case 'source-silent':
        return t('alert.sourceSilent', {
          source: a().source === 'simulator' ? t('alert.simulator') : (a().source ?? ''),
          time: fmt().time(a().startedAt - (a().threshold ?? 0) * 1000, wall.state.timeZone),
        });
    }
  };
  return (
    <li class="alert-line" data-alert-id={a().id} data-severity={a().severity}>
      <BandIcon
        band={a().severity === 'critical' ? 'critical' : 'warning'}
        size={22}
        title={t(a().severity === 'critical' ? 'alert.severityCritical' : 'alert.severityWarning')}
      />
      <Show when={a().region && props.showRegion !== false}>
        <b>{regionName(a().region ?? '')}</b>
      </Show>
      <Show when={indicator()}>{(ind) => <span class="alert-indicator">{label(ind(), 'short')}</span>}</Show>
      <span>{detail()}</span>
      <Show when={a().rule !== 'source-silent'}>
        <span class="muted">{t('alert.since', { time: fmt().time(a().startedAt, wall.state.timeZone) })}</span>
      </Show>
    </li>
  );
}
