import { createMemo } from 'solid-js';
import { figureWidthCh } from './figureWidth';

/**
 * A figure that changes often, in a box laid out on its own (`.fixed-figure` in global.css), as wide as `sizedFor`
 * is drawn (its own text by default): the box, and what is around it, changes size only when that width does.
 */
export function FixedFigure(props: { children: string; sizedFor?: string }) {
  // Memos: the text is worked out once per change, and the box's width is set only when it changes (setting a
  // style, even to the same value, makes the browser work out the box's style and lay it out again).
  const text = createMemo(() => props.children);
  const width = createMemo(() => figureWidthCh(props.sizedFor ?? text()));
  return (
    <span class="fixed-figure" style={{ '--figure-ch': width() }}>
      {text()}
    </span>
  );
}
