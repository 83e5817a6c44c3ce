import { Show } from 'solid-js';
import { type Band, type IndicatorId, indicatorOf } from '../../shared/catalog';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { targetsOf } from '../live/selectors';
import { BAND_COLOURS, BandIcon } from './bands';
import './barCell.css';

/**
 * A rate or score as a bar from 0 to 100 with its value, the target as a tick and the band as a shape, for tables
 * and rankings.
 */
export function BarCell(props: { indicator: IndicatorId; value: number | null; band: Band | null }) {
  const wall = useWall();
  const { fmt } = useI18n();
  const target = () => targetsOf(wall, props.indicator).target;
  const pct = (v: number) => `${Math.max(0, Math.min(100, v))}%`;
  return (
    <span class="bar-cell" data-band={props.band ?? 'none'}>
      <BandIcon band={props.band} size={18} />
      <span class="bar-track" aria-hidden="true">
        <i style={{ width: pct(props.value ?? 0), background: BAND_COLOURS[props.band ?? 'ok'] }} />
        <Show when={target() !== null}>
          <b style={{ left: pct(target() ?? 0) }} />
        </Show>
      </span>
      <span class="bar-text">{fmt().value(indicatorOf(props.indicator), props.value)}</span>
    </span>
  );
}
