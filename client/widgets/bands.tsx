import { Show } from 'solid-js';
import type { Band } from '../../shared/catalog';

export const BAND_COLOURS: Record<Band | 'none', string> = {
  ok: '#56b4e9',
  warning: '#e69f00',
  critical: '#e8553b',
  none: '#5b6b85',
};

/** Five steps from dim to bright blue, for counts, which have no target to colour against. */
const SEQUENTIAL = ['#1d3557', '#24527a', '#2f7bb0', '#4aa3d8', '#8fd0f5'];

export function sequentialColour(fraction: number): string {
  const i = Math.min(SEQUENTIAL.length - 1, Math.max(0, Math.floor(fraction * SEQUENTIAL.length)));
  return SEQUENTIAL[i] ?? '#2f7bb0';
}

/**
 * A shape for each band so that colour is never the only cue: a circle for ok, a diamond for a warning and a
 * triangle for critical, as on road signs.
 */
export function BandIcon(props: { band: Band | null; size?: number; title?: string }) {
  const size = () => props.size ?? 20;
  return (
    <svg
      class={`band-icon band-${props.band ?? 'none'}`}
      width={size()}
      height={size()}
      viewBox="0 0 20 20"
      role="img"
      aria-label={props.title ?? props.band ?? 'none'}
      data-band={props.band ?? 'none'}
    >
      <Show when={props.band === 'ok'}>
        <circle cx="10" cy="10" r="8" fill="currentColor" />
      </Show>
      <Show when={props.band === 'warning'}>
        <path d="M10 1 L19 10 L10 19 L1 10 Z" fill="currentColor" />
      </Show>
      <Show when={props.band === 'critical'}>
        <path d="M10 1 L19.5 18.5 L0.5 18.5 Z" fill="currentColor" />
        <rect x="9" y="7" width="2" height="6" fill="#0a1020" />
        <rect x="9" y="14.5" width="2" height="2" fill="#0a1020" />
      </Show>
      <Show when={props.band === null}>
        <rect x="3" y="9" width="14" height="2" fill="currentColor" />
      </Show>
    </svg>
  );
}
