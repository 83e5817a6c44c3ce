import { useSearchParams } from '@solidjs/router';
import { type IndicatorId, indicatorOf } from '../../../shared/catalog';
import { deployment } from '../../../shared/deployment';
import { regionSet } from '../../../shared/regions';
import { DistrictMap } from '../../charts/DistrictMap';
import { TileMap } from '../../charts/TileMap';
import { listedIndicator } from '../indicatorParam';
import { OfficeBoard, OfficeFigures, OfficeRanks, type Slide } from './OfficeBoard';
import { useOfficeData } from './officeData';

/** How many of the best and of the worst units a ranking slide names. */
export const OFFICE_KEEP = 5;
/** Departments have long names, one row each across the slide: the best and worst three fit. */
export const DEPARTMENTS_KEEP = 3;

/**
 * The overview on a screen read from afar: the four headline figures, the map coloured by band beside the
 * province's figure and how many units are on target, and the best and worst units.
 */
export default function OverviewOffice(props: { now: () => number; textPx: () => number }) {
  const d = useOfficeData();
  const [params] = useSearchParams();
  const indicator = (): IndicatorId => listedIndicator(params.indicator);
  const count = (id: IndicatorId) => {
    const v = d.value('province', id);
    return v === null ? '–' : d.fmt().number(v);
  };
  const recordsToday = () => {
    const online = d.value('province', 'records-today-online');
    const offline = d.value('province', 'records-today-offline');
    return online === null && offline === null ? '–' : d.fmt().number((online ?? 0) + (offline ?? 0));
  };
  const name = () => d.label(indicatorOf(indicator()), 'short');
  const slides: Slide[] = [
    {
      key: 'province',
      title: () => d.t('office.province'),
      body: () => (
        <OfficeFigures
          figures={[
            d.count(
              'id-cards',
              () => d.t('counter.idCards'),
              () => count('id-cards-issued'),
            ),
            d.count(
              'eid-activated',
              () => d.t('counter.eidActivated'),
              () => count('eid-activated'),
              () =>
                d.t('counter.eidActivatedOf', {
                  rate: d.text('province', 'eid-activation-rate'),
                  collected: count('eid-collected'),
                }),
            ),
            d.rate('online-rate', 'province', 'online-record-rate', () => d.t('counter.onlineRate')),
            d.count('records-today', () => d.t('counter.recordsToday'), recordsToday),
          ]}
        />
      ),
    },
    {
      key: 'map',
      title: () => d.t('office.map', { indicator: name() }),
      body: () => (
        <div class="office-map">
          <div class="office-map-drawing" data-testid="office-map">
            {deployment().drawing.kind === 'tiles' ? (
              <TileMap indicator={indicator()} onSelect={() => undefined} />
            ) : (
              <DistrictMap indicator={indicator()} onSelect={() => undefined} />
            )}
          </div>
          <OfficeFigures
            figures={[
              d.rate('map-province', 'province', indicator(), () => d.t('office.province')),
              d.count(
                'map-meeting',
                () => d.t('office.meeting'),
                () => d.meeting(regionSet.districts, indicator()),
              ),
            ]}
          />
        </div>
      ),
    },
    {
      key: 'ranking',
      title: () => d.t('office.ranked', { indicator: name() }),
      body: () => (
        <OfficeRanks rows={() => d.ranks(regionSet.districts, indicator())} keep={OFFICE_KEEP} testId="office-ranks" />
      ),
    },
  ];
  return (
    <OfficeBoard
      view="overview"
      title={() => d.t('app.title')}
      textPx={props.textPx()}
      now={props.now}
      slides={slides}
    />
  );
}
