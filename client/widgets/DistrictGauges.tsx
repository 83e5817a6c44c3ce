import { For, type JSX, Show } from 'solid-js';
import { bandOf, type IndicatorId, indicatorOf } from '../../shared/catalog';
import { regionSet } from '../../shared/regions';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { createUnitRows, type SharedRowsProps } from '../live/createUnitRows';
import { createPaging } from '../live/paging';
import { targetsOf } from '../live/selectors';
import { ArcGauge } from './ArcGauge';
import { BandIcon, sequentialColour } from './bands';
import { RowLink } from './RowLink';
import { TargetNote } from './TargetNote';
import './districtGauges.css';

/** Three rows of seven (see overview.css): Nghe An's 21 districts on one page. */
const GAUGES_PER_PAGE = 21;

/**
 * A gauge per district for the selected indicator, in the region set's order, each with its value as text. Rates
 * and scores fill up to 100; counts to the largest district, so districts compare at a glance.
 */
export function DistrictGauges(
  props: {
    indicator: IndicatorId;
    href?: (code: string) => string;
    serverNow: () => number;
    /** Controls for a desk (the indicator picker), in the panel's top corner: a kiosk hides them. */
    tools?: JSX.Element;
  } & SharedRowsProps,
) {
  const wall = useWall();
  const { t, fmt } = useI18n();
  const indicator = () => indicatorOf(props.indicator);
  const { rows, max: largest } = props.rows ?? createUnitRows(wall, regionSet.districts, () => props.indicator);
  // Only counts read the largest district: a rate fills to 100 whatever the others show.
  const max = () => (indicator().unit === 'count' ? Math.max(1, largest()) : 100);
  const target = () => targetsOf(wall, props.indicator).target;
  const hasBands = () => targetsOf(wall, props.indicator).bands !== null;
  const province = () => wall.reading('province', props.indicator)?.value ?? null;
  const meeting = () => rows.filter((r) => r.band() === 'ok').length;
  // More units than gauges: the gauges page through them, in step on every screen.
  const paging = createPaging({ all: () => rows, perPage: GAUGES_PER_PAGE, serverNow: props.serverNow });
  return (
    <section class="panel district-gauges" data-indicators={props.indicator}>
      <h2 class="panel-title">
        {t('panel.gauges', { count: regionSet.districts.length })}
        <Show when={paging.pages() > 1}>
          <small data-testid="gauges-page">{t('panel.page', { page: paging.page() + 1, pages: paging.pages() })}</small>
        </Show>
      </h2>
      {props.tools}
      <ol class="gauge-grid">
        <For each={paging.items()}>
          {(row) => (
            <li class="gauge" data-testid={`gauge-${row.unit.code}`} data-band={row.band() ?? 'none'}>
              <RowLink href={props.href?.(row.unit.code)} label={row.unit.name} />
              <div class="gauge-dial">
                <ArcGauge
                  value={row.value()}
                  max={max()}
                  target={target()}
                  band={row.band()}
                  colour={sequentialColour(0.75)}
                />
                <span class="gauge-value" data-testid="gauge-value" data-value={row.value() ?? ''}>
                  {fmt().value(indicator(), row.value())}
                </span>
              </div>
              <span class="gauge-name">
                <Show when={hasBands()}>
                  <BandIcon band={row.band()} size={16} title={t(`band.${row.band() ?? 'none'}`)} />
                </Show>
                {row.unit.name}
              </span>
            </li>
          )}
        </For>
        <li class="gauge-summary" data-testid="gauge-province">
          <div class="gauge-dial">
            <ArcGauge
              value={province()}
              max={indicator().unit === 'count' ? Math.max(1, province() ?? 0) : 100}
              target={target()}
              band={bandOf(indicator(), targetsOf(wall, props.indicator), province())}
              colour={sequentialColour(0.75)}
            />
            <span class="gauge-value" data-value={province() ?? ''}>
              {fmt().value(indicator(), province())}
            </span>
          </div>
          <div class="summary-text">
            <span class="gauge-name">{t('region.province')}</span>
            <TargetNote indicator={props.indicator} value={province()} />
            <Show when={target() !== null}>
              <span class="summary-count" data-testid="units-meeting-target">
                {t('gauges.meeting', { n: meeting(), total: rows.length })}
              </span>
            </Show>
          </div>
        </li>
      </ol>
    </section>
  );
}
