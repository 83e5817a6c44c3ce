import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { bandOf, indicatorOf, indicators } from '../../../shared/catalog';
import { deployment } from '../../../shared/deployment';
import { regionSet } from '../../../shared/regions';
import { boundaries } from '../../charts/drawing';
import { useI18n } from '../../i18n';
import { useWall } from '../../live/context';
import { rankOrder, targetsOf } from '../../live/selectors';
import { createSubunitFigures } from '../../live/subunits';
import { DistrictLocator } from './DistrictLocator';

/** How many sub-units the panel names at most, before it has measured how many fit. */
const SUBUNITS_SHOWN = 40;

/** How many lines fit in a list's columns, measured as the screen's size changes. */
function createCapacity(list: () => HTMLElement | undefined, fallback: number) {
  const [capacity, setCapacity] = createSignal(fallback);
  onMount(() => {
    const el = list();
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const line = el.firstElementChild?.getBoundingClientRect().height ?? 0;
      if (line <= 0) return;
      const columns = Number.parseInt(getComputedStyle(el).columnCount, 10) || 1;
      // Both measured on screen, so a wall scaled to its display's size divides out.
      setCapacity(Math.max(1, Math.floor(el.getBoundingClientRect().height / line) * columns));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    onCleanup(() => observer.disconnect());
  });
  return capacity;
}

/**
 * Where a unit lies: its shape among the others when the deployment has boundaries; otherwise its group, and the
 * units below it (a province's communes) with their live figures, those furthest below target first.
 */
export function DistrictPlace(props: { code: string }) {
  const { t } = useI18n();
  const unit = () => regionSet.districts.find((d) => d.code === props.code);
  const count = () => deployment().subunitCounts[props.code] ?? 0;
  return (
    <Show when={!boundaries()} fallback={<DistrictLocator code={props.code} />}>
      <section class="panel district-place" data-testid="district-place">
        <h2 class="panel-title">
          {t('district.where')}
          <Show when={unit()?.group}>{(group) => <small>{regionSet.groups.get(group()) ?? group()}</small>}</Show>
        </h2>
        <Show when={count() > 0}>
          <SubunitFigures code={props.code} count={count()} />
        </Show>
      </section>
    </Show>
  );
}

function SubunitFigures(props: { code: string; count: number }) {
  const wall = useWall();
  const { t, fmt, label } = useI18n();
  // The first rate with a target a local unit is measured on: the overview's headline figure.
  const indicator = indicators.find((i) => i.listed && i.target !== null && i.appliesTo.includes('district'));
  const { list, live } = createSubunitFigures(wall, () => props.code, indicator ? [indicator.id] : []);
  let listEl: HTMLUListElement | undefined;
  const capacity = createCapacity(() => listEl, SUBUNITS_SHOWN);
  // Every line shown fits: the count below names all the others.
  const shown = () => Math.min(props.count, capacity());
  const rows = createMemo(() => {
    const values = new Map<string, number | null>();
    for (const r of live()?.values ?? []) if (r.indicator === indicator?.id) values.set(r.region, r.value);
    const subunits = list()?.subunits ?? [];
    const named = subunits.map((s) => ({ ...s, value: values.get(s.code) ?? null }));
    if (!indicator) return named;
    // Worst first: the communes an operator would look at; those without a figure last.
    const order = rankOrder(named, indicator).reverse();
    const at = new Map(order.map((c, i) => [c, i]));
    return [...named].sort((a, b) => (at.get(a.code) ?? order.length) - (at.get(b.code) ?? order.length));
  });
  const band = (value: number | null) =>
    indicator ? (bandOf(indicatorOf(indicator.id), targetsOf(wall, indicator.id), value) ?? 'none') : 'none';
  return (
    <>
      <p class="district-subunit-count" data-testid="subunit-count" data-live={live() ? 'true' : 'false'}>
        {t('district.subunits', { n: props.count })}
        <Show when={indicator}>{(i) => <span class="muted"> · {label(i(), 'short')}</span>}</Show>
      </p>
      <ul class="district-subunits" data-testid="subunits" ref={listEl}>
        <For each={rows().slice(0, shown())}>
          {(s) => (
            <li data-code={s.code} data-value={s.value ?? ''}>
              <span class="subunit-name">{s.name}</span>
              <b class={`subunit-value band-${band(s.value)}`}>{indicator ? fmt().value(indicator, s.value) : ''}</b>
            </li>
          )}
        </For>
      </ul>
      <Show when={props.count > shown()}>
        <p class="ranking-more" data-testid="subunits-more">
          {t('panel.more', { n: props.count - shown() })}
        </p>
      </Show>
    </>
  );
}
