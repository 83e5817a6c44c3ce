import type { JSX } from 'solid-js';
import type { IndicatorId } from '../../shared/catalog';
import { createTweened } from './createTweened';
import './headlineCounter.css';

export interface HeadlineCounterProps {
  testId: string;
  label: string;
  value: number | null;
  format: (value: number | null) => string;
  /** Whole numbers roll through whole numbers. */
  whole?: boolean;
  children?: JSX.Element;
  accent?: string;
  /** The indicators the tile shows, so the screen can tell when their figures are stale. */
  indicators?: readonly IndicatorId[];
  /** A small chart of the figure's recent course (a sparkline), under the figure. */
  trend?: JSX.Element;
}

/**
 * A big headline figure that rolls to each new value. The exact current value is always in `data-value`, and
 * the text settles on it, so tests and outside monitors read the truth rather than a frame of the animation.
 */
export function HeadlineCounter(props: HeadlineCounterProps) {
  const shown = createTweened(() => props.value);
  const text = () => {
    const v = shown();
    return props.format(v === null ? null : props.whole ? Math.round(v) : v);
  };
  return (
    <section
      class="panel headline-counter"
      data-testid={props.testId}
      data-indicators={props.indicators?.join(' ')}
      style={{ '--accent': props.accent }}
    >
      <h2 class="counter-label">{props.label}</h2>
      <p class="counter-value" data-testid={`${props.testId}-value`} data-value={props.value ?? ''}>
        <span class="counter-figure">{text()}</span>
      </p>
      <div class="counter-sub">
        <div class="counter-sub-line">{props.children}</div>
      </div>
      {props.trend}
    </section>
  );
}
