import { createMemo } from 'solid-js';
import type { Band } from '../../shared/catalog';
import { BAND_COLOURS } from './bands';

/** The gauge's sweep: 240 degrees, open at the bottom. */
const SWEEP = 240;
const START = 90 + (360 - SWEEP) / 2;
const R = 44;
const C = 50;

/**
 * Steps of the value's arc: about one pixel each on the wall's dial (122 px wide for these 100 units, so the
 * 240-degree arc of radius 44 is 225 px long). A value that moves the arc less than a pixel leaves the path's string
 * as it was, and the gauge is neither laid out nor painted again for it; its figure (text) still follows.
 */
const ARC_STEPS = 225;

const polar = (deg: number, r = R) => {
  const rad = (deg * Math.PI) / 180;
  return [C + r * Math.cos(rad), C + r * Math.sin(rad)] as const;
};

/** The arc as an SVG path between two fractions of the sweep. */
function arc(fromFrac: number, toFrac: number): string {
  const a = START + SWEEP * Math.max(0, Math.min(1, fromFrac));
  const b = START + SWEEP * Math.max(0, Math.min(1, toFrac));
  const [x1, y1] = polar(a);
  const [x2, y2] = polar(b);
  return `M ${x1.toFixed(1)} ${y1.toFixed(1)} A ${R} ${R} 0 ${b - a > 180 ? 1 : 0} 1 ${x2.toFixed(1)} ${y2.toFixed(1)}`;
}

export interface ArcGaugeProps {
  value: number | null;
  max: number;
  target: number | null;
  band: Band | null;
  /** Colour for gauges without bands (counts). */
  colour?: string;
}

/**
 * A vector arc gauge: crisp at any canvas scale and cheap to update (one path and one line move). The value
 * itself is DOM text next to it, so the gauge is only the picture.
 */
export function ArcGauge(props: ArcGaugeProps) {
  const fraction = () => (props.value === null || props.max <= 0 ? 0 : props.value / props.max);
  // A memo on the step: the path is computed and set only when the arc moves by a pixel or more.
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
      <path d={arc(0, 1)} class="arc-track" />
      <path d={arc(0, step() / ARC_STEPS)} class="arc-value" style={{ stroke: colour() }} />
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
