import { createMemo, Show } from 'solid-js';
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

/** Stands for the figure in a message while it is split around it; no message contains it. */
const FIGURE_MARK = '\u0000';

/**
 * A sentence with a figure in it ("5,03 points above target"), the figure in a `FixedFigure`: a new figure lays out
 * its own box, not the line, the panel or the page the sentence wraps in. `sentence` gives the message with its
 * figure's placeholder filled by the mark it is given; the words are worked out again only when they change.
 */
export function FigureInSentence(props: { sentence: (figure: string) => string; figure: string }) {
  const parts = createMemo(() => props.sentence(FIGURE_MARK).split(FIGURE_MARK));
  return (
    <>
      {parts()[0]}
      {/* A deployment's own wording may leave the figure out. */}
      <Show when={parts().length > 1}>
        <FixedFigure>{props.figure}</FixedFigure>
        {parts().slice(1).join('')}
      </Show>
    </>
  );
}
