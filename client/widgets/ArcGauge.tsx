import type { Band } from '../../shared/catalog';
import { BAND_COLOURS } from './bands';

/** The gauge's sweep: 240 degrees, open at the bottom. */
const SWEEP = 240;
const START = 90 + (360 - SWEEP) / 2;
const R = 44;
const C = 50;

const polar = (deg: number, r = R) => {
  const rad = (deg * Math.PI) / 180;
  return [C + r * Math.cos(rad), C + r * Math.sin(rad)] as const;
};

/**
 * The arc as an SVG path, to a tenth of a unit (a tenth of a pixel or so on screen): a change of value too small to
 * see leaves the path as it was, so the gauge is not laid out and painted again for it.
 */
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
      <path d={arc(0, fraction())} class="arc-value" style={{ stroke: colour() }} />
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
