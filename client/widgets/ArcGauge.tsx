import { createMemo, Show } from 'solid-js';
import type { Band } from '../../shared/catalog';
import { BAND_COLOURS } from './bands';

/** The gauge's sweep: 240 degrees, open at the bottom. */
const SWEEP = 240;
const START = 90 + (360 - SWEEP) / 2;
const R = 44;
const C = 50;

/**
 * Steps of the value's arc: about one pixel each on the wall's dial (122 px wide for these 100 units, so the
 * 240-degree arc of radius 44 is 225 px long). A value that moves the arc less than a pixel leaves its dash as it
 * was, and the gauge is not painted again for it; its figure (text) still follows.
 */
const ARC_STEPS = 225;

const polar = (deg: number, r = R) => {
  const rad = (deg * Math.PI) / 180;
  return [C + r * Math.cos(rad), C + r * Math.sin(rad)] as const;
};

/**
 * The whole sweep as an SVG path. The value's arc is this same path, drawn as a dash as long as the value: its shape
 * (and so what the browser knows of its bounds) never changes, and a new value is a repaint of the dial alone. A
 * path that grew with the value changed the dial's painted bounds, and each such change made Chromium work out the
 * page's compositing layers again (about a millisecond a frame on the wall's page).
 */
const SWEEP_PATH = (() => {
  const [x1, y1] = polar(START);
  const [x2, y2] = polar(START + SWEEP);
  return `M ${x1.toFixed(1)} ${y1.toFixed(1)} A ${R} ${R} 0 ${SWEEP > 180 ? 1 : 0} 1 ${x2.toFixed(1)} ${y2.toFixed(1)}`;
})();

export interface ArcGaugeProps {
  value: number | null;
  max: number;
  target: number | null;
  band: Band | null;
  /** Colour for gauges without bands (counts). */
  colour?: string;
}

/**
 * A vector arc gauge: crisp at any canvas scale and cheap to update (a dash that changes length, and one line that
 * moves). The value itself is DOM text next to it, so the gauge is only the picture.
 */
export function ArcGauge(props: ArcGaugeProps) {
  const fraction = () => (props.value === null || props.max <= 0 ? 0 : props.value / props.max);
  // A memo on the step: the dash is set only when the arc moves by a pixel or more.
  const step = createMemo(() => Math.round(Math.max(0, Math.min(1, fraction())) * ARC_STEPS));
  const colour = () => (props.band ? BAND_COLOURS[props.band] : (props.colour ?? BAND_COLOURS.ok));
  const targetTick = () => {
    if (props.target === null || props.max <= 0) return null;
    const deg = START + SWEEP * Math.min(1, props.target / props.max);
    const [x1, y1] = polar(deg, R - 9);
    const [x2, y2] = polar(deg, R + 5);
    return { x1, y1, x2, y2 };
  };
  return (
    <svg class="arc-gauge" viewBox="0 0 100 86" aria-hidden="true">
      <path d={SWEEP_PATH} class="arc-track" />
      {/*
        The path measures ARC_STEPS long, so the dash is the step itself, and the gap leaves no second dash. No arc
        at all for nothing (a dash of no length would still draw its round cap as a dot).
      */}
      <Show when={step() > 0}>
        <path
          d={SWEEP_PATH}
          pathLength={ARC_STEPS}
          class="arc-value"
          style={{ stroke: colour(), 'stroke-dasharray': `${step()} ${ARC_STEPS}` }}
        />
      </Show>
      {targetTick() && (
        <line
          class="arc-target"
          x1={targetTick()?.x1}
          y1={targetTick()?.y1}
          x2={targetTick()?.x2}
          y2={targetTick()?.y2}
        />
      )}
    </svg>
  );
}
