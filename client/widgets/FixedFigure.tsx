import { figureWidthCh } from './figureWidth';

/**
 * A figure that changes often, in a box laid out on its own (`.fixed-figure` in global.css), as wide as `sizedFor`
 * is drawn (its own text by default): the box, and what is around it, changes size only when that width does.
 */
export function FixedFigure(props: { children: string; sizedFor?: string }) {
  return (
    <span class="fixed-figure" style={{ '--figure-ch': figureWidthCh(props.sizedFor ?? props.children) }}>
      {props.children}
    </span>
  );
}
