import { indicatorOf } from '../../../shared/catalog';
import { serviceIndexPeriods } from '../../../shared/project06';
import { regionSet } from '../../../shared/regions';
import { OfficeBoard, OfficeFigures, OfficeRanks, type Slide } from './OfficeBoard';
import { DEPARTMENTS_KEEP, OFFICE_KEEP } from './OverviewOffice';
import { useOfficeData } from './officeData';

/** The service index on a screen read from afar: the province's score, the best and worst localities and departments. */
export default function RankingOffice(props: { now: () => number; textPx: () => number }) {
  const d = useOfficeData();
  const slides: Slide[] = [
    {
      key: 'province',
      sample: serviceIndexPeriods.sample,
      title: () => d.t('office.province'),
      body: () => (
        <OfficeFigures
          figures={[
            d.rate('index', 'province', 'service-index', () => d.label(indicatorOf('service-index'), 'short')),
            d.count(
              'meeting',
              () => d.t('office.meeting'),
              () => d.meeting(regionSet.districts, 'service-index'),
            ),
          ]}
        />
      ),
    },
    {
      key: 'localities',
      sample: serviceIndexPeriods.sample,
      title: () => d.t('office.localities'),
      body: () => (
        <OfficeRanks
          rows={() => d.ranks(regionSet.districts, 'service-index')}
          keep={OFFICE_KEEP}
          testId="office-ranks"
        />
      ),
    },
    {
      key: 'departments',
      sample: serviceIndexPeriods.sample,
      title: () => d.t('office.departments'),
      body: () => (
        <OfficeRanks
          rows={() => d.ranks(regionSet.departments, 'service-index')}
          keep={DEPARTMENTS_KEEP}
          stacked
          testId="office-ranks-departments"
        />
      ),
    },
  ];
  return (
    <OfficeBoard
      view="ranking"
      title={() => d.t('serviceIndex.title')}
      textPx={props.textPx()}
      now={props.now}
      slides={slides}
    />
  );
}
