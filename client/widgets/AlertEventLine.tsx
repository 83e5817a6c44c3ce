import { Show } from 'solid-js';
import { catalog } from '../../shared/catalog';
import { regionSet, unitLevel } from '../../shared/regions';
import { useI18n } from '../i18n';
import type { AlertEvent } from '../live/alertEvents';
import { useWall } from '../live/context';
import { BandIcon } from './bands';
import { useRegionName } from './regionName';
import './alertLine.css';

/** Up to this many units are named; more are counted ("3 huyện"), so a line reads in one glance. */
const NAMED = 2;

/** One line of the ticker: what changed, for whom, on which figure, and when. */
export function AlertEventLine(props: { event: AlertEvent }) {
  const wall = useWall();
  const { t, fmt, label } = useI18n();
  const regionName = useRegionName();
  const e = () => props.event;
  const indicator = () => (e().indicator ? (catalog[e().indicator as keyof typeof catalog] ?? null) : null);
  const who = () => {
    const regions = [...new Set(e().alerts.map((a) => a.region ?? ''))];
    if (regions.length > NAMED) {
      const districts = regions.every((r) => {
        const unit = regionSet.unit(r);
        return unit !== undefined && unitLevel(unit) === 'district';
      });
      return t(districts ? 'alert.event.districts' : 'alert.event.units', { n: regions.length });
    }
    const [a, b] = regions.map(regionName);
    return b === undefined ? (a ?? '') : t('alert.event.and', { a: a ?? '', b });
  };
  /** The figure against its target, when the line tells of one unit's fall below its target. */
  const figure = () => {
    const [only] = e().alerts;
    const ind = indicator();
    if (e().alerts.length !== 1 || !only || !ind || e().kind !== 'below') return null;
    const live = only.region ? wall.reading(only.region, ind.id)?.value : undefined;
    return t('alert.event.figure', {
      value: fmt().value(ind, live ?? only.value, true),
      target: fmt().value(ind, only.threshold, true),
    });
  };
  const text = () => {
    const name = indicator() ? label(indicator() as NonNullable<ReturnType<typeof indicator>>, 'short') : '';
    switch (e().kind) {
      case 'below':
        return t(e().severity === 'critical' ? 'alert.event.belowCritical' : 'alert.event.below', {
          who: who(),
          indicator: name,
        });
      case 'back':
        return t('alert.event.back', { who: who(), indicator: name });
      case 'drop':
        return t('alert.event.drop', { who: who(), indicator: name });
      case 'silent': {
        const [a] = e().alerts;
        return t('alert.sourceSilent', {
          source: a?.source === 'simulator' ? t('alert.simulator') : (a?.source ?? ''),
          time: fmt().time((a?.startedAt ?? 0) - (a?.threshold ?? 0) * 1000, wall.state.timeZone),
        });
      }
    }
  };
  return (
    <li class="alert-line" data-event={e().kind} data-severity={e().severity} data-count={e().alerts.length}>
      <BandIcon
        band={e().severity}
        size={22}
        title={t(
          { critical: 'alert.severityCritical', warning: 'alert.severityWarning', ok: 'band.ok' }[e().severity] as
            | 'alert.severityCritical'
            | 'alert.severityWarning'
            | 'band.ok',
        )}
      />
      <span>{text()}</span>
      <Show when={figure()}>{(f) => <span class="alert-indicator">{f()}</span>}</Show>
      <Show when={e().kind !== 'silent'}>
        <span class="muted">{fmt().time(e().at, wall.state.timeZone)}</span>
      </Show>
    </li>
  );
}
