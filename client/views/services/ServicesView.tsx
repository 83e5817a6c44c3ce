import { createMemo, For, type JSX } from 'solid-js';
import { type IndicatorId, indicatorOf } from '../../../shared/catalog';
import { regionSet } from '../../../shared/regions';
import { useI18n } from '../../i18n';
import { useWall } from '../../live/context';
import { byRank, unitRows } from '../../live/selectors';
import { BarCell } from '../../widgets/BarCell';
import { Header } from '../../widgets/Header';
import { StatGauge } from '../../widgets/StatGauge';
import { SampleBadge, ViewTitle } from '../../widgets/ViewTitle';
import '../wallTable.css';
import './services.css';
import './servicesWall.css';

/** The online record rate split as the article reports it: the province, its localities, its departments. */
const SPLIT = [
  { region: 'province', label: 'region.province' },
  { region: 'localities', label: 'services.localities' },
  { region: 'departments', label: 'services.departments' },
] as const;

/** The rates shown for every department, in the table's column order. */
const RATES: IndicatorId[] = [
  'online-record-rate',
  'essential-online-rate',
  'online-payment-rate',
  'digitised-results-rate',
];

/**
 * Online public services: the online record rate of the province, of the localities and of the departments (the
 * article's 45.03 %, 57.12 % and 27.96 %), the essential services, online payment and digitisation, and the
 * departments ranked, since they are units next to the districts.
 */
export default function ServicesView(props: { now: () => number }) {
  const wall = useWall();
  const { t, fmt, label, unitName } = useI18n();
  const value = (region: string, id: IndicatorId) => wall.reading(region, id)?.value ?? null;
  const split = (id: IndicatorId): JSX.Element => (
    <>
      <span>
        {t('region.localities')} <b>{fmt().value(indicatorOf(id), value('localities', id))}</b>
      </span>
      <span>
        {t('region.departments')} <b>{fmt().value(indicatorOf(id), value('departments', id))}</b>
      </span>
    </>
  );
  const rows = createMemo(() => {
    const byId = Object.fromEntries(
      RATES.map((id) => [id, new Map(unitRows(wall, regionSet.departments, id).map((r) => [r.unit.code, r]))]),
    );
    return byRank(unitRows(wall, regionSet.departments, 'online-record-rate')).map((row) => ({
      row,
      cells: RATES.map((id) => ({ id, cell: byId[id]?.get(row.unit.code) })),
    }));
  });
  const today = (code: string) => {
    const online = value(code, 'records-today-online');
    const offline = value(code, 'records-today-offline');
    return online === null && offline === null ? '–' : fmt().number((online ?? 0) + (offline ?? 0));
  };

  return (
    <div class="view services-view" data-testid="view-services">
      <Header now={props.now} />
      <ViewTitle title={t('services.title')} subtitle={t('services.subtitle')} />
      <div class="services-top">
        <section class="panel services-group">
          <h2 class="panel-title">{label(indicatorOf('online-record-rate'))}</h2>
          <div class="services-gauges">
            <For each={SPLIT}>
              {(group) => (
                <StatGauge
                  plain
                  indicator="online-record-rate"
                  value={value(group.region, 'online-record-rate')}
                  label={t(group.label)}
                  testId={`services-${group.region}`}
                />
              )}
            </For>
          </div>
        </section>
        <section class="panel services-group">
          <h2 class="panel-title">{t('services.wholeProvince')}</h2>
          <div class="services-gauges">
            <For each={RATES.slice(1)}>
              {(id) => (
                <StatGauge
                  plain
                  indicator={id}
                  value={value('province', id)}
                  label={label(indicatorOf(id), id === 'essential-online-rate' ? 'full' : 'short')}
                  testId={`services-${id}`}
                >
                  {split(id)}
                </StatGauge>
              )}
            </For>
          </div>
        </section>
      </div>
      <section class="panel services-table" data-testid="departments-table">
        <h2 class="panel-title">
          {t('services.ranking')}
          <small>{t('services.rankedOn', { indicator: label(indicatorOf('online-record-rate'), 'short') })}</small>
          <SampleBadge />
        </h2>
        <table class="wall-table">
          <colgroup>
            <col class="rank" />
            <col class="name" />
            <For each={RATES}>{() => <col />}</For>
            <col class="count" />
          </colgroup>
          <thead>
            <tr>
              <th class="num">#</th>
              <th>{t('region.departments')}</th>
              <For each={RATES}>{(id) => <th>{label(indicatorOf(id), 'short')}</th>}</For>
              <th class="num">{t('services.today')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {({ row, cells }) => (
                <tr data-code={row.unit.code} data-band={row.band ?? 'none'}>
                  <td class="num rank">{row.rank ?? '–'}</td>
                  <td class="name">{unitName(row.unit)}</td>
                  <For each={cells}>
                    {({ id, cell }) => (
                      <td>
                        <BarCell indicator={id} value={cell?.value ?? null} band={cell?.band ?? null} />
                      </td>
                    )}
                  </For>
                  <td class="num">{today(row.unit.code)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
    </div>
  );
}
