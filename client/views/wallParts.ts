import { useSearchParams } from '@solidjs/router';
import { createMemo } from 'solid-js';
import { useCanvas } from '../layout/Canvas';
import { createPaging } from '../live/paging';

/**
 * How a list longer than its panel is shown on a wall: in `parts` side by side, each whole inside its own panel, of
 * at most `perPart` items each; when the parts do not hold the whole list, it pages through it on the server's
 * clock (every screen of the wall on the same page), or holds the page `?page=` names.
 */
export interface WallParts {
  parts: number;
  perPart: number;
}

/** The wall's panels as `CxR` (`1x1` on one screen): the views decide from it how much a panel holds. */
export function useWallShape(): () => string {
  const canvas = useCanvas();
  return () => `${canvas.panels().cols}x${canvas.panels().rows}`;
}

/** Splits `all` into the parts and pages `split` gives for this wall (one part of all the items where none). */
export function createWallParts<T>(options: {
  all: () => readonly T[];
  split: (wall: string) => WallParts | undefined;
  serverNow: () => number;
}) {
  const [params] = useSearchParams();
  const wallShape = useWallShape();
  const split = createMemo(() => options.split(wallShape()));
  const paging = createPaging({
    all: options.all,
    get perPage() {
      const s = split();
      return s ? s.parts * s.perPart : Math.max(1, options.all().length);
    },
    serverNow: options.serverNow,
    pinned: () => (typeof params.page === 'string' ? Number(params.page) : undefined),
  });
  const parts = createMemo(() => {
    const items = paging.items();
    const s = split();
    if (!s) return [items];
    const out: (readonly T[])[] = [];
    for (let i = 0; i < s.parts; i++) out.push(items.slice(i * s.perPart, (i + 1) * s.perPart));
    return out.filter((part) => part.length > 0);
  });
  return { parts, page: paging.page, pages: paging.pages };
}
