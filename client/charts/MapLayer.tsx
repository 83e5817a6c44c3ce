import { type Accessor, For, Show } from 'solid-js';
import type { LabelCandidate } from './mapLabels';
import type { Shape } from './projection';

/** How one unit looks on the map: each a memo, so a new figure touches only the attribute whose value changed. */
export interface RegionLook {
  colour: Accessor<string>;
  critical: Accessor<boolean>;
  alert: Accessor<boolean>;
}

/**
 * One map's units as SVG paths, their hatching, alert outlines and names. The shapes are projected once per size;
 * a unit changing band sets its own path's fill and nothing else is redrawn.
 */
export function MapLayer(props: {
  shapes: Shape[];
  lookOf: (code: string) => RegionLook | undefined;
  /** The names this map draws (chooseNames), each centred on its line box, moved off its centre by offsetY. */
  names: LabelCandidate[];
  nameOf: (code: string) => string;
  hatch: string;
  isHovered: (code: string) => boolean;
  onPoint: (code: string, event: MouseEvent) => void;
  onLeave: () => void;
  onSelect: (code: string) => void;
}) {
  const events = (code: string) => ({
    onMouseMove: (e: MouseEvent) => props.onPoint(code, e),
    onMouseLeave: () => props.onLeave(),
    onClick: (e: MouseEvent) => {
      props.onPoint(code, e);
      props.onSelect(code);
    },
  });

  return (
    <g class="map-layer">
      <For each={props.shapes}>
        {(s) => (
          <path
            d={s.d}
            class="map-region"
            classList={{ hovered: props.isHovered(s.code) }}
            data-code={s.code}
            fill={props.lookOf(s.code)?.colour() ?? 'none'}
            {...events(s.code)}
          />
        )}
      </For>
      {/* Hatching marks the critical band without relying on colour. */}
      <For each={props.shapes}>
        {(s) => (
          <Show when={props.lookOf(s.code)?.critical()}>
            <path d={s.d} class="map-hatch" fill={`url(#${props.hatch})`} />
          </Show>
        )}
      </For>
      <For each={props.shapes}>
        {(s) => (
          <Show when={props.lookOf(s.code)?.alert()}>
            <path d={s.d} class="map-alert-outline" />
          </Show>
        )}
      </For>
      <For each={props.names}>
        {(n) => {
          const alert = () => props.lookOf(n.code)?.alert() ?? false;
          const y = n.y + (n.offsetY ?? 0);
          return (
            <g class="map-label" classList={{ alert: alert(), hovered: props.isHovered(n.code) }}>
              <Show when={alert()}>
                <rect
                  class="map-label-box"
                  x={n.x - n.width / 2}
                  y={y - n.height / 2}
                  width={n.width}
                  height={n.height}
                  rx={4}
                />
              </Show>
              <text x={n.x} y={y} {...events(n.code)}>
                {props.nameOf(n.code)}
              </text>
            </g>
          );
        }}
      </For>
    </g>
  );
}
