import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, For, type JSX, onCleanup, Show } from 'solid-js';
import type { Band } from '../../../shared/catalog';
import { useI18n } from '../../i18n';
import { useWall } from '../../live/context';
import { pageAt } from '../../live/paging';
import { BandIcon } from '../../widgets/bands';
import { LinkStatus } from '../../widgets/LinkStatus';
import { SampleBadge } from '../../widgets/ViewTitle';
import './office.css';

/** How long a slide stays: long enough to read its few figures from the back of the room. */
export const SLIDE_MS = 15_000;

/** One screenful of an office layout: a title and a few large figures, a short ranking or the map. */
export interface Slide {
  key: string;
  title: () => string;
  body: () => JSX.Element;
  /** Its figures are sample data, until the province's register is connected: the slide says so. */
  sample?: boolean;
}

/**
 * A view as an office TV read from across the room shows it: a title, the clock, and one slide at a time in text of
 * `textPx` or larger. Slides follow the server's clock (as the grid's pages do), so every screen shows the same
 * slide at the same moment and a reloaded screen comes back on it; `?slide=` (1-based) holds one.
 */
export function OfficeBoard(props: {
  view: string;
  title: () => string;
  textPx: number;
  now: () => number;
  slides: readonly Slide[];
}) {
  const wall = useWall();
  const { fmt, t } = useI18n();
  const [params] = useSearchParams();
  const serverNow = () => props.now() + wall.clockOffset();
  const slot = createMemo(() => Math.floor(serverNow() / SLIDE_MS));
  const pinned = () => (typeof params.slide === 'string' ? Number(params.slide) : undefined);
  const index = createMemo(() => pageAt(slot() * SLIDE_MS, props.slides.length, pinned(), SLIDE_MS));
  const slide = createMemo(() => props.slides[index()]);
  // The alert ticker sits beside the view, in the wall's frame: it takes the same text size from there.
  let el: HTMLDivElement | undefined;
  createEffect(() => el?.closest<HTMLElement>('.wall-frame')?.style.setProperty('--office-px', `${props.textPx}px`));
  onCleanup(() => el?.closest<HTMLElement>('.wall-frame')?.style.removeProperty('--office-px'));
  return (
    <div
      ref={el}
      class="office-board"
      data-testid="office-board"
      data-view={props.view}
      data-slot={slot()}
      data-slide={index()}
      data-slides={props.slides.length}
      style={{ '--office-px': `${props.textPx}px` }}
    >
      <header class="office-head">
        <h1 class="office-title">{props.title()}</h1>
        <span class="office-step" data-testid="office-step">
          {index() + 1}/{props.slides.length}
        </span>
        <span class="office-clock" data-testid="clock">
          {fmt().time(serverNow(), wall.state.timeZone)}
        </span>
        <LinkStatus now={props.now} />
      </header>
      <Show when={slide()} keyed>
        {(s) => (
          <section class="office-slide" data-testid="office-slide" data-key={s.key}>
            <div class="office-slide-head">
              <h2 class="office-slide-title">
                {s.title()}
                <Show when={s.sample}>
                  <SampleBadge />
                </Show>
              </h2>
              {/*
               * Simulated figures say so on every layout, as the dense views' header does: here under the clock, so
               * that the head keeps the view's title on one line.
               */}
              <Show when={wall.state.simulated}>
                <span class="office-simulated" data-testid="simulated-badge">
                  {t('app.simulated')}
                </span>
              </Show>
            </div>
            <div class="office-slide-body">{s.body()}</div>
          </section>
        )}
      </Show>
    </div>
  );
}

/** A large figure: what it is, its value, and one line of context. */
export interface Figure {
  testId: string;
  label: () => string;
  value: () => string;
  note?: () => string;
  band?: () => Band | null;
}

/** Two to four figures, each as large as the slide allows. */
export function OfficeFigures(props: { figures: readonly Figure[] }) {
  return (
    <ul class="office-figures" data-count={props.figures.length}>
      <For each={props.figures}>
        {(f) => (
          <li class="office-figure" data-testid={`office-figure-${f.testId}`} data-band={f.band?.() ?? undefined}>
            <span class="office-figure-label">{f.label()}</span>
            <span class="office-figure-value" data-testid="office-value">
              <Show when={f.band}>{(band) => <BandIcon band={band()()} size={64} />}</Show>
              {f.value()}
            </span>
            <Show when={f.note}>{(note) => <span class="office-figure-note">{note()()}</span>}</Show>
          </li>
        )}
      </For>
    </ul>
  );
}

/** A ranked unit on one line. */
export interface RankRow {
  code: string;
  rank: number | null;
  name: string;
  value: string;
  band: Band | null;
}

/** The best `keep` and the worst `keep` side by side (all of them when they fit), and how many lie between. */
export function OfficeRanks(props: {
  rows: () => readonly RankRow[];
  keep: number;
  testId: string;
  /** Long names (departments): the best above the worst, each row the slide's full width, so names do not wrap. */
  stacked?: boolean;
}) {
  const { t } = useI18n();
  // All of them when they fit, in two columns by rank; else the best and the worst.
  const split = createMemo(() => {
    const rows = props.rows();
    const all = rows.length <= 2 * props.keep;
    const half = all ? Math.ceil(rows.length / 2) : props.keep;
    return {
      all,
      top: rows.slice(0, half),
      bottom: rows.slice(all ? half : -props.keep),
      hidden: all ? 0 : rows.length - 2 * props.keep,
    };
  });
  const head = (rows: readonly RankRow[], key: 'office.top' | 'office.bottom') =>
    split().all
      ? t('office.ranks', { from: rows[0]?.rank ?? '–', to: rows.at(-1)?.rank ?? '–' })
      : t(key, { n: rows.length });
  const Rows = (p: { rows: readonly RankRow[]; testId: string }) => (
    <ol class="office-ranks" data-testid={p.testId}>
      <For each={p.rows}>
        {(row) => (
          <li class="office-rank" data-code={row.code} data-band={row.band ?? 'none'}>
            <span class="office-rank-no">{row.rank ?? '–'}</span>
            <span class="office-rank-name">{row.name}</span>
            <BandIcon band={row.band} size={40} />
            <b class="office-rank-value">{row.value}</b>
          </li>
        )}
      </For>
    </ol>
  );
  return (
    <div class="office-ranking" data-testid={props.testId} data-stacked={props.stacked ? '' : undefined}>
      <div class="office-ranking-col">
        <h3 class="office-ranking-head">{head(split().top, 'office.top')}</h3>
        <Rows rows={split().top} testId={`${props.testId}-top`} />
      </div>
      <Show when={split().bottom.length > 0}>
        <div class="office-ranking-col">
          <h3 class="office-ranking-head">{head(split().bottom, 'office.bottom')}</h3>
          <Rows rows={split().bottom} testId={`${props.testId}-bottom`} />
        </div>
      </Show>
      <Show when={split().hidden > 0}>
        <p class="office-ranking-more">{t('office.between', { n: split().hidden })}</p>
      </Show>
    </div>
  );
}
