import { Show } from 'solid-js';
import type { Band } from '../../shared/catalog';
import { BAND_COLOURS, BandIcon } from './bands';
import './barCell.css';

/** A value as a bar against `max`, with the target as a tick and the band as a shape, for tables and rankings. */
export function BarCell(props: {
  text: string;
  value: number | null;
  max: number;
  target: number | null;
  band: Band | null;
}) {
  const pct = (v: number) => `${Math.max(0, Math.min(100, (v / (props.max || 1)) * 100))}%`;
  return (
    <span class="bar-cell" data-band={props.band ?? 'none'}>
      <BandIcon band={props.band} size={18} />
      <span class="bar-track" aria-hidden="true">
        <i style={{ width: pct(props.value ?? 0), background: BAND_COLOURS[props.band ?? 'ok'] }} />
        <Show when={props.target !== null}>
          <b style={{ left: pct(props.target ?? 0) }} />
        </Show>
      </span>
      <span class="bar-text">{props.text}</span>
    </span>
  );
}
