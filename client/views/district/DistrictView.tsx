import { useParams } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import { type IndicatorId, indicatorOf, indicators } from '../../../shared/catalog';
import { deployment } from '../../../shared/deployment';
import { type District, regionSet } from '../../../shared/regions';
import { useI18n } from '../../i18n';
import { activeAlerts } from '../../live/alerts';
import { useWall } from '../../live/context';
import { unitRows } from '../../live/selectors';
import { AlertLine } from '../../widgets/AlertLine';
import { Change } from '../../widgets/Change';
import { Header } from '../../widgets/Header';
import { StatGauge } from '../../widgets/StatGauge';
import { ViewTitle } from '../../widgets/ViewTitle';
import { useViewNavigation } from '../links';
import { DistrictPlace } from './DistrictPlace';
import './district.css';
import './districtWall.css';

/** What a district is measured on: the listed indicators that apply to districts, gauges first. */
const DISTRICT_INDICATORS = indicators.filter((i) => i.listed && i.appliesTo.includes('district'));
const GAUGES = DISTRICT_INDICATORS.filter((i) => i.target !== null).map((i) => i.id);
const COUNTS: IndicatorId[] = ['id-cards-issued', 'eid-collected', 'eid-activated'];

/** A district by its code (`417`) or its slug (`ky-son`). */
function findDistrict(key: string): District | undefined {
  return regionSet.districts.find((d) => d.code === key || d.slug === key);
}

/**
 * One district on every indicator: a gauge per rate with its target, its rank among the 21 and the comparison
 * with the province; its counts with their rank and share; and its active alerts.
 */
export default function DistrictView(props: { now: () => number }) {
  const params = useParams<{ code: string }>();
  const { t } = useI18n();
  const { href } = useViewNavigation();
  const district = () => findDistrict(params.code);
  return (
    <div class="view district-view" data-testid="view-district" data-code={district()?.code ?? ''}>
      <Header now={props.now} />
      <Show
        when={district()}
        fallback={<ViewTitle title={t('district.notFound', { code: params.code })} back={href('/')} />}
      >
        {(d) => <DistrictBody district={d()} back={href('/')} />}
      </Show>
    </div>
  );
}

function DistrictBody(props: { district: District; back: string }) {
  const wall = useWall();
  const { t, fmt, lang, label } = useI18n();
  const code = () => props.district.code;
  const total = regionSet.districts.length;
  const rowOf = (id: IndicatorId) => unitRows(wall, regionSet.districts, id).find((r) => r.unit.code === code());
  const rows = createMemo(() => Object.fromEntries([...GAUGES, ...COUNTS].map((id) => [id, rowOf(id)])));
  const meeting = () => GAUGES.filter((id) => rows()[id]?.band === 'ok').length;
  const alerts = createMemo(() => activeAlerts(wall).filter((a) => a.region === code()));
  const province = (id: IndicatorId) => wall.reading('province', id)?.value ?? null;
  const value = (id: IndicatorId) => rows()[id]?.value ?? null;
  const count = (v: number | null) => (v === null ? '–' : fmt().number(v));
  const share = (id: IndicatorId) => {
    const p = province(id);
    const v = value(id);
    return p && v !== null ? fmt().percent((v / p) * 100, 1) : '–';
  };
  const today = (region: string) => {
    const online = wall.reading(region, 'records-today-online')?.value;
    const offline = wall.reading(region, 'records-today-offline')?.value;
    return online == null && offline == null ? null : (online ?? 0) + (offline ?? 0);
  };
  const kind = () => t(`kind.${props.district.kind}`);
  const facts = () => {
    const communes = props.district.communeLevelUnits;
    return communes === undefined
      ? t('district.code', { code: code() })
      : t('district.facts', { code: code(), communes });
  };

  return (
    <>
      <ViewTitle
        title={lang() === 'vi' ? props.district.fullName : props.district.name}
        subtitle={`${lang() === 'vi' ? '' : `${kind()} · `}${facts()}`}
        back={props.back}
      >
        <span class="district-meeting" data-testid="district-meeting">
          {t('view.meetingTargets', { n: meeting(), total: GAUGES.length })}
        </span>
      </ViewTitle>
      <div class="district-gauges">
        <For each={GAUGES}>
          {(id) => (
            <StatGauge
              indicator={id}
              value={value(id)}
              label={label(indicatorOf(id), 'short')}
              testId={`district-gauge-${id}`}
            >
              <b class="district-rank" data-testid="rank">
                {rows()[id]?.rank ? t('view.rank', { rank: rows()[id]?.rank ?? '', total }) : '–'}
              </b>
              <span>{t('view.province', { value: fmt().value(indicatorOf(id), province(id)) })}</span>
              <Change
                value={value(id) !== null && province(id) !== null ? (value(id) ?? 0) - (province(id) ?? 0) : null}
                decimals={indicatorOf(id).decimals > 1 ? 2 : 1}
                suffix={t('view.points')}
              />
            </StatGauge>
          )}
        </For>
      </div>
      <div class="district-lower" classList={{ 'has-subunits': (deployment().subunitCounts[code()] ?? 0) > 0 }}>
        <section class="panel district-figures">
          <h2 class="panel-title">{t('district.figures')}</h2>
          <div class="figure-tiles">
            <For each={COUNTS}>
              {(id) => (
                <div class="figure-tile" data-testid={`district-count-${id}`}>
                  <span class="figure-label">{label(indicatorOf(id), 'short')}</span>
                  <span class="figure-value" data-value={value(id) ?? ''}>
                    {count(value(id))}
                  </span>
                  <span class="figure-sub">
                    <b>{rows()[id]?.rank ? t('view.rank', { rank: rows()[id]?.rank ?? '', total }) : '–'}</b>
                    <span>{t('district.shareOfProvince', { share: share(id) })}</span>
                  </span>
                </div>
              )}
            </For>
            <div class="figure-tile" data-testid="district-records-today">
              <span class="figure-label">{t('counter.recordsToday')}</span>
              <span class="figure-value">{count(today(code()))}</span>
              <span class="figure-sub">
                <span>
                  {t('counter.online')} <b>{count(wall.reading(code(), 'records-today-online')?.value ?? null)}</b>
                </span>
                <span>
                  {t('counter.offline')} <b>{count(wall.reading(code(), 'records-today-offline')?.value ?? null)}</b>
                </span>
              </span>
            </div>
          </div>
        </section>
        <DistrictPlace code={code()} />
        <section class="panel district-alerts" data-testid="district-alerts" data-count={alerts().length}>
          <h2 class="panel-title">
            {t('district.alerts')}
            <small>{alerts().length}</small>
          </h2>
          <Show when={alerts().length > 0} fallback={<p class="muted district-calm">{t('alert.none')}</p>}>
            <ul class="district-alert-list">
              <For each={alerts().slice(0, 6)}>{(a) => <AlertLine alert={a} showRegion={false} />}</For>
            </ul>
          </Show>
        </section>
      </div>
    </>
  );
}
