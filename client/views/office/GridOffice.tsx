import { useSearchParams } from '@solidjs/router';
import { type IndicatorId, indicatorOf } from '../../../shared/catalog';
import { regionSet } from '../../../shared/regions';
import { listedIndicator } from '../indicatorParam';
import { OfficeBoard, OfficeFigures, OfficeRanks, type Slide } from './OfficeBoard';
import { OFFICE_KEEP } from './OverviewOffice';
import { useOfficeData } from './officeData';

/** The grid on a screen read from afar: the province's figure and the units on target, then the best and worst. */
export default function GridOffice(props: { now: () => number; textPx: () => number }) {
  const d = useOfficeData();
  const [params] = useSearchParams();
  const indicator = (): IndicatorId => listedIndicator(params.indicator);
  const name = () => d.label(indicatorOf(indicator()), 'short');
  const slides: Slide[] = [
    {
      key: 'province',
      title: () => d.t('office.province'),
      body: () => (
        <OfficeFigures
          figures={[
            d.rate('province', 'province', indicator(), name),
            d.count(
              'meeting',
              () => d.t('office.meeting'),
              () => d.meeting(regionSet.districts, indicator()),
            ),
          ]}
        />
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
  return <OfficeBoard view="grid" title={name} textPx={props.textPx()} now={props.now} slides={slides} />;
}
