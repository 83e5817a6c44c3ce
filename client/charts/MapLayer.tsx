import { type Accessor, createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { MIN_FONT_PX } from '../layout/fit';
import type { Shape } from './projection';

/** How one unit looks on the map: each a memo, so a new figure touches only the attribute whose value changed. */
export interface RegionLook {
  colour: Accessor<string>;
  critical: Accessor<boolean>;
  alert: Accessor<boolean>;
}

interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A name's box as a line of text: its width, and the font's size in height. The glyphs' box (getBBox) adds the
 * font's ascent and descent, and would leave out names that do not touch.
 */
const lineBox = (glyphs: DOMRect): LabelBox => ({
  x: glyphs.x,
  y: glyphs.y + (glyphs.height - MIN_FONT_PX) / 2,
  width: glyphs.width,
  height: MIN_FONT_PX,
});

const overlaps = (a: LabelBox, b: LabelBox) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * One map's units as SVG paths, their hatching, alert outlines and names. The shapes are projected once per size;
 * a unit changing band sets its own path's fill and nothing else is redrawn.
 */
export function MapLayer(props: {
  shapes: Shape[];
  lookOf: (code: string) => RegionLook | undefined;
  /** The unit's name on this map, or '' when another map names it (the inset). */
  nameOf: (code: string) => string;
  hatch: string;
  isHovered: (code: string) => boolean;
  onPoint: (code: string, event: MouseEvent) => void;
  onLeave: () => void;
  onSelect: (code: string) => void;
}) {
  const labelled = () => props.shapes.filter((s) => props.nameOf(s.code) !== '');
  const texts = new Map<string, SVGTextElement>();
  // Names that would overlap a larger unit's (or an alerted unit's) are left out, measured once per size and per
  // change of alerts, never per figure.
  const [boxes, setBoxes] = createSignal(new Map<string, LabelBox>());
  const [hidden, setHidden] = createSignal(new Set<string>());
  // Measured again once the web font has loaded: names set in the fallback font have other widths.
  const [fontsLoaded, setFontsLoaded] = createSignal(false);
  void document.fonts?.ready.then(() => setFontsLoaded(true));
  createEffect(
    on(
      () => [props.shapes, labelled().map((s) => props.lookOf(s.code)?.alert() ?? false), fontsLoaded()] as const,
      ([, alerts]) => {
        const frame = requestAnimationFrame(() => {
          const measured = new Map<string, LabelBox>();
          for (const [code, text] of texts) if (text.isConnected) measured.set(code, lineBox(text.getBBox()));
          const order = labelled()
            .map((s, i) => ({ s, alert: alerts[i] ?? false }))
            .sort((a, b) => Number(b.alert) - Number(a.alert) || b.s.area - a.s.area);
          const kept: LabelBox[] = [];
          const left = new Set<string>();
          for (const { s } of order) {
            const box = measured.get(s.code);
            if (!box) continue;
            if (kept.some((k) => overlaps(k, box))) left.add(s.code);
            else kept.push(box);
          }
          setBoxes(measured);
          setHidden(left);
        });
        onCleanup(() => cancelAnimationFrame(frame));
      },
    ),
  );

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
      <For each={labelled()}>
        {(s) => {
          const alert = () => props.lookOf(s.code)?.alert() ?? false;
          const box = () => boxes().get(s.code);
          return (
            <g class="map-label" classList={{ alert: alert(), hovered: props.isHovered(s.code) }}>
              <Show when={alert() && box()}>
                {(b) => (
                  <rect
                    class="map-label-box"
                    x={b().x - 8}
                    y={b().y - 3}
                    width={b().width + 16}
                    height={b().height + 6}
                    rx={4}
                  />
                )}
              </Show>
              <text
                ref={(el) => {
                  texts.set(s.code, el);
                  onCleanup(() => texts.delete(s.code));
                }}
                x={s.labelX}
                y={s.labelY}
                visibility={hidden().has(s.code) ? 'hidden' : undefined}
                {...events(s.code)}
              >
                {props.nameOf(s.code)}
              </text>
            </g>
          );
        }}
      </For>
    </g>
  );
}
