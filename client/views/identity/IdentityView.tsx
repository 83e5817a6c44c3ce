import { createMemo, For } from 'solid-js';
import { type IndicatorId, indicatorOf } from '../../../shared/catalog';
import { regionSet } from '../../../shared/regions';
import { useI18n } from '../../i18n';
import { useWall } from '../../live/context';
import { byRank, type UnitRow, unitRows } from '../../live/selectors';
import { BarCell } from '../../widgets/BarCell';
import { Header } from '../../widgets/Header';
import { HeadlineCounter } from '../../widgets/HeadlineCounter';
import { PageMark } from '../../widgets/PageMark';
import { RowLink } from '../../widgets/RowLink';
import { StatGauge } from '../../widgets/StatGauge';
import { ViewTitle } from '../../widgets/ViewTitle';
import { useViewNavigation } from '../links';
import { createWallParts, type WallParts } from '../wallParts';
import '../wallTable.css';
import './identity.css';
import './identityWall.css';

/** The e-ID funnel: applications collected, then accounts activated. */
const FUNNEL = [
  { id: 'eid-collected', label: 'identity.collected' },
  { id: 'eid-activated', label: 'identity.activated' },
] as const;

/**
 * The units' table where a panel below the seam holds seven rows: a page of seven on a 2x2 wall; on a 3x2 wall all
 * 21, seven on each of the three lower panels.
 */
const TABLE_PARTS: Readonly<Record<string, WallParts>> = {
  '2x2': { parts: 1, perPart: 7 },
  '3x2': { parts: 3, perPart: 7 },
};

/**
 * Chip ID cards and electronic identification: cards issued and coverage, the e-ID funnel from applications
 * collected to accounts activated, and the 21 districts side by side, ranked on activation.
 */
export default function IdentityView(props: { now: () => number }) {
  const wall = useWall();
  const { t, fmt, label } = useI18n();
  const province = (id: IndicatorId) => wall.reading('province', id)?.value ?? null;
  const count = (v: number | null | undefined) => (v == null ? '–' : fmt().number(v));
  const rows = createMemo(() => byRank(unitRows(wall, regionSet.districts, 'eid-activation-rate')));
  // One map for every part of the table: a wall shows it in up to three parts.
  const coverage = createMemo(
    () => new Map(unitRows(wall, regionSet.districts, 'id-card-coverage').map((r) => [r.unit.code, r])),
  );
  const table = createWallParts({
    all: rows,
    split: (shape) => TABLE_PARTS[shape],
    serverNow: () => props.now() + wall.clockOffset(),
  });
  const collected = () => province('eid-collected');
  const activated = () => province('eid-activated');
  const funnelShare = (v: number | null) =>
    v === null || !collected() ? '0%' : `${Math.min(100, (v / (collected() ?? 1)) * 100)}%`;

  return (
    <div class="view identity-view" data-testid="view-identity">
      <Header now={props.now} />
      <ViewTitle title={t('identity.title')} subtitle={t('identity.subtitle')} />
      <div class="identity-main">
        <div class="identity-left">
          <HeadlineCounter
            testId="identity-cards"
            label={label(indicatorOf('id-cards-issued'))}
            value={province('id-cards-issued')}
            format={count}
            whole
            accent="#56b4e9"
          >
            <span>
              {t('identity.eligible')} <b>{count(province('eligible-citizens'))}</b>
            </span>
          </HeadlineCounter>
          <div class="identity-gauges">
            <StatGauge indicator="id-card-coverage" value={province('id-card-coverage')} testId="identity-coverage" />
            <StatGauge
              indicator="eid-activation-rate"
              value={province('eid-activation-rate')}
              testId="identity-activation"
            />
          </div>
          <section class="panel identity-funnel" data-testid="eid-funnel">
            <h2 class="panel-title">{t('identity.funnel')}</h2>
            <For each={FUNNEL}>
              {(step) => (
                <div class="funnel-step">
                  <span class="funnel-label">{t(step.label)}</span>
                  <span class={`funnel-bar ${step.id}`}>
                    <i style={{ width: funnelShare(province(step.id)) }} />
                  </span>
                  <b class="funnel-value" data-testid={step.id} data-value={province(step.id) ?? ''}>
                    {count(province(step.id))}
                  </b>
                </div>
              )}
            </For>
            <p class="funnel-note">
              {t('identity.notActivated', {
                n: count(collected() !== null && activated() !== null ? (collected() ?? 0) - (activated() ?? 0) : null),
                rate: fmt().value(indicatorOf('eid-activation-rate'), province('eid-activation-rate')),
              })}
            </p>
          </section>
        </div>
        <For each={table.parts()}>
          {(part, i) => <UnitsTable rows={part} coverage={coverage} part={i()} page={table.page} pages={table.pages} />}
        </For>
      </div>
    </div>
  );
}

/**
 * The units' table, or a part of it: on a wall whose panels hold fewer rows than there are units, the table runs
 * on in parts side by side, one to a panel, each with its own head, and pages when even these do not hold them.
 */
function UnitsTable(props: {
  rows: readonly UnitRow[];
  /** Each unit's ID card coverage, by its code. */
  coverage: () => Map<string, UnitRow>;
  part: number;
  page: () => number;
  pages: () => number;
}) {
  const wall = useWall();
  const { t, fmt, label } = useI18n();
  const { districtHref } = useViewNavigation();
  const count = (v: number | null | undefined) => (v == null ? '–' : fmt().number(v));
  return (
    <section class="panel identity-table" data-testid="identity-table" data-part={props.part}>
      <h2 class="panel-title">
        {t('identity.byDistrict', { count: regionSet.districts.length })}
        <small>{t('identity.rankedOn', { indicator: label(indicatorOf('eid-activation-rate'), 'short') })}</small>
        <PageMark page={props.page} pages={props.pages} testId="identity-page" />
      </h2>
      <table class="wall-table">
        <colgroup>
          <col class="rank" />
          <col class="name" />
          <col />
          <col class="count" />
          <col class="count" />
          <col class="count" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th class="num">#</th>
            <th>{t('identity.unit')}</th>
            <th class="bar">{label(indicatorOf('id-card-coverage'), 'short')}</th>
            <th class="num">{label(indicatorOf('id-cards-issued'), 'short')}</th>
            <th class="num">{label(indicatorOf('eid-collected'), 'short')}</th>
            <th class="num">{label(indicatorOf('eid-activated'), 'short')}</th>
            <th class="bar">{label(indicatorOf('eid-activation-rate'), 'short')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => {
              const code = row.unit.code;
              const cov = () => props.coverage().get(code);
              return (
                <tr data-code={code} data-band={row.band ?? 'none'}>
                  <td class="num rank">
                    {row.rank ?? '–'}
                    <RowLink href={districtHref(code)} label={row.unit.name} />
                  </td>
                  <td class="name">{row.unit.name}</td>
                  <td class="bar">
                    <BarCell indicator="id-card-coverage" value={cov()?.value ?? null} band={cov()?.band ?? null} />
                  </td>
                  <td class="num">{count(wall.reading(code, 'id-cards-issued')?.value)}</td>
                  <td class="num">{count(wall.reading(code, 'eid-collected')?.value)}</td>
                  <td class="num">{count(wall.reading(code, 'eid-activated')?.value)}</td>
                  <td class="bar">
                    <BarCell indicator="eid-activation-rate" value={row.value} band={row.band} />
                  </td>
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
    </section>
  );
}
