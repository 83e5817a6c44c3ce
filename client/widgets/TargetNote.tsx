import { createMemo, Show } from 'solid-js';
import { bandOf, type IndicatorId, indicatorOf } from '../../shared/catalog';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { targetsOf } from '../live/selectors';
import { BandIcon } from './bands';
import { FigureInSentence } from './FixedFigure';

/** "Target 40 % · 5.03 points above target", with the band's shape and colour. */
export function TargetNote(props: { indicator: IndicatorId; value: number | null }) {
  const wall = useWall();
  const { t, fmt } = useI18n();
  const indicator = () => indicatorOf(props.indicator);
  const targets = () => targetsOf(wall, props.indicator);
  // A memo: the band's class and shape change when the band does, not with every figure.
  const band = createMemo(() => bandOf(indicator(), targets(), props.value));
  const diff = () => (props.value ?? 0) - (targets().target ?? 0);
  const above = () => (indicator().direction === 'up' ? diff() >= 0 : diff() <= 0);
  return (
    <Show when={targets().target !== null}>
      <span class={`target-note band-${band() ?? 'none'}`} data-testid="target-note" data-band={band() ?? 'none'}>
        <BandIcon band={band()} size={18} title={t(`band.${band() ?? 'none'}`)} />
        <span>{t('target.label', { value: fmt().value(indicator(), targets().target, true) })}</span>
        <Show when={props.value !== null}>
          <b class={`band-${band() ?? 'none'}`}>
            <FigureInSentence
              sentence={(mark) => t(above() ? 'target.above' : 'target.below', { diff: mark })}
              figure={fmt().number(Math.abs(diff()), 2)}
            />
          </b>
        </Show>
      </span>
    </Show>
  );
}
