import type { JSX } from 'solid-js';
import { bandOf, type IndicatorId, indicatorOf } from '../../shared/catalog';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { targetsOf } from '../live/selectors';
import { ArcGauge } from './ArcGauge';
import { sequentialColour } from './bands';
import { TargetNote } from './TargetNote';
import './statGauge.css';

export interface StatGaugeProps {
  indicator: IndicatorId;
  value: number | null;
  /** The indicator's full label unless given. */
  label?: string;
  testId?: string;
  /** Lines under the target: rank, comparison, split. */
  children?: JSX.Element;
  /** Without a panel of its own, inside a panel that groups several gauges. */
  plain?: boolean;
}

/**
 * One rate or score as a large gauge card: the label, the value in big figures inside the arc, the target tick,
 * and how far it is from the target. A card below its target is outlined and, in the critical band, hatched.
 */
export function StatGauge(props: StatGaugeProps) {
  const wall = useWall();
  const { fmt, label } = useI18n();
  const indicator = () => indicatorOf(props.indicator);
  const targets = () => targetsOf(wall, props.indicator);
  const band = () => bandOf(indicator(), targets(), props.value);
  return (
    <section
      class="stat-gauge flag-band"
      classList={{ panel: !props.plain }}
      data-testid={props.testId}
      data-indicator={props.indicator}
      data-band={band() ?? 'none'}
      data-value={props.value ?? ''}
    >
      <h3 class="stat-label">{props.label ?? label(indicator())}</h3>
      <div class="stat-dial">
        <ArcGauge
          value={props.value}
          max={100}
          target={targets().target}
          band={band()}
          colour={sequentialColour(0.75)}
        />
        <span class="stat-value" data-testid="stat-value">
          {fmt().value(indicator(), props.value)}
        </span>
      </div>
      <TargetNote indicator={props.indicator} value={props.value} />
      <div class="stat-extra">{props.children}</div>
    </section>
  );
}
