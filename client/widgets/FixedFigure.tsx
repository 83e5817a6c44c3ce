/**
 * A figure that changes often, in a box laid out on its own (`.fixed-figure` in global.css): `chars` characters
 * wide, its own text's length by default, so that the box, and what is around it, changes size only when the
 * figure's length does.
 */
export function FixedFigure(props: { children: string; chars?: number }) {
  return (
    <span class="fixed-figure" style={{ '--figure-chars': props.chars ?? props.children.length }}>
      {props.children}
    </span>
  );
}
