import { useSearchParams } from '@solidjs/router';
import { catalog, type IndicatorId, indicators, isIndicatorId } from '../../shared/catalog';
import { DistrictMap } from '../charts/DistrictMap';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { DistrictGauges } from '../widgets/DistrictGauges';
import { Header } from '../widgets/Header';
import { HeadlineCounter } from '../widgets/HeadlineCounter';
import { Ranking } from '../widgets/Ranking';
import { TargetNote } from '../widgets/TargetNote';
import './overview.css';

/** The indicator the overview shows when the URL names none: the Government's headline Project 06 target. */
export const DEFAULT_INDICATOR: IndicatorId = 'online-record-rate';

/** The province at a glance: headline counters, the map, a gauge per district and the ranking. */
export function Overview(props: { now: () => number }) {
  const wall = useWall();
  const { t, fmt, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const indicator = (): IndicatorId => {
    const id = params.indicator;
    return typeof id === 'string' && isIndicatorId(id) && catalog[id].listed ? id : DEFAULT_INDICATOR;
  };
  const province = (id: IndicatorId) => wall.reading('province', id)?.value ?? null;
  const count = (v: number | null) => (v === null ? '–' : fmt().number(v));
  const recordsToday = () => {
    const online = province('records-today-online');
    const offline = province('records-today-offline');
    return online === null && offline === null ? null : (online ?? 0) + (offline ?? 0);
  };

  return (
    <div class="overview" data-testid="view-overview" data-indicator={indicator()}>
      <Header now={props.now} />
      <div class="counters">
        <HeadlineCounter
          testId="counter-id-cards"
          indicators={['id-cards-issued', 'id-card-coverage']}
          label={t('counter.idCards')}
          value={province('id-cards-issued')}
          format={count}
          whole
          accent="#56b4e9"
        >
          <span>
            {label(catalog['id-card-coverage'])}{' '}
            <b>{fmt().value(catalog['id-card-coverage'], province('id-card-coverage'))}</b>
          </span>
        </HeadlineCounter>
        <HeadlineCounter
          testId="counter-eid-activated"
          indicators={['eid-activated', 'eid-activation-rate']}
          label={t('counter.eidActivated')}
          value={province('eid-activated')}
          format={count}
          whole
          accent="#009e73"
        >
          <span>
            {t('counter.eidActivatedOf', {
              rate: fmt().value(catalog['eid-activation-rate'], province('eid-activation-rate')),
              collected: count(province('eid-collected')),
            })}
          </span>
        </HeadlineCounter>
        <HeadlineCounter
          testId="counter-online-rate"
          indicators={['online-record-rate']}
          label={t('counter.onlineRate')}
          value={province('online-record-rate')}
          format={(v) => fmt().value(catalog['online-record-rate'], v)}
          accent="#e69f00"
        >
          <TargetNote indicator="online-record-rate" value={province('online-record-rate')} />
        </HeadlineCounter>
        <HeadlineCounter
          testId="counter-records-today"
          indicators={['records-today-online', 'records-today-offline']}
          label={t('counter.recordsToday')}
          value={recordsToday()}
          format={count}
          whole
          accent="#cc79a7"
        >
          <span>
            {t('counter.online')} <b>{count(province('records-today-online'))}</b>
          </span>
          <span>
            {t('counter.offline')} <b>{count(province('records-today-offline'))}</b>
          </span>
        </HeadlineCounter>
      </div>
      <div class="overview-main">
        <DistrictMap indicator={indicator()} />
        <div class="overview-centre">
          <div class="indicator-bar">
            <label class="indicator-picker">
              <span class="muted">{t('panel.indicator')}</span>
              <select
                data-testid="indicator-picker"
                value={indicator()}
                onChange={(e) => setParams({ indicator: e.currentTarget.value })}
              >
                {indicators
                  .filter((i) => i.listed)
                  .map((i) => (
                    <option value={i.id}>{label(i)}</option>
                  ))}
              </select>
            </label>
          </div>
          <DistrictGauges indicator={indicator()} />
        </div>
        <Ranking indicator={indicator()} />
      </div>
    </div>
  );
}
