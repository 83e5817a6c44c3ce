import { createMemo } from 'solid-js';

/** How long a page of units stays before the next: long enough to read a page from across the room. */
export const PAGE_MS = 15_000;

/**
 * The page shown at a time: pages follow the server's clock, so every screen of a wall shows the same page at the
 * same moment, and a reloaded screen comes back on it. `pinned` (a 1-based `?page=`) holds one page.
 */
export function pageAt(serverNow: number, pages: number, pinned?: number, periodMs = PAGE_MS): number {
  if (pages <= 1) return 0;
  if (pinned !== undefined && Number.isInteger(pinned) && pinned >= 1) return Math.min(pinned, pages) - 1;
  return Math.floor(serverNow / periodMs) % pages;
}

export interface Paging<T> {
  /** 0-based. */
  page: () => number;
  pages: () => number;
  items: () => readonly T[];
}

/** Splits a list of units into pages of `perPage`, turning on the server's clock. One page when all fit. */
export function createPaging<T>(options: {
  all: () => readonly T[];
  perPage: number;
  serverNow: () => number;
  pinned?: () => number | undefined;
}): Paging<T> {
  const pages = createMemo(() => Math.max(1, Math.ceil(options.all().length / options.perPage)));
  const page = createMemo(() => pageAt(options.serverNow(), pages(), options.pinned?.()));
  const items = createMemo(() => options.all().slice(page() * options.perPage, (page() + 1) * options.perPage));
  return { page, pages, items };
}

/**
 * The rows a ranking shows when all do not fit: the top and the bottom `keep`, and how many lie between them.
 * With rows enough to fit, all of them and none left out.
 */
export function topAndBottom<T>(
  ranked: readonly T[],
  fits: number,
  keep: number,
): { top: T[]; bottom: T[]; hidden: number } {
  if (ranked.length <= fits) return { top: [...ranked], bottom: [], hidden: 0 };
  return { top: ranked.slice(0, keep), bottom: ranked.slice(-keep), hidden: ranked.length - 2 * keep };
}
