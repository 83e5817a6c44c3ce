import { indicatorOf } from '../../../shared/catalog';
import { regionSet } from '../../../shared/regions';
import { OfficeBoard, OfficeFigures, OfficeRanks, type Slide } from './OfficeBoard';
import { DEPARTMENTS_KEEP } from './OverviewOffice';
import { useOfficeData } from './officeData';

/**
 * Online public services on a screen read from afar: the online record rate of the province, its localities and
 * its departments; the other rates; the best and worst departments.
 */
export default function ServicesOffice(props: { now: () => number; textPx: () => number }) {
  const d = useOfficeData();
  const slides: Slide[] = [
    {
      key: 'online',
      title: () => d.label(indicatorOf('online-record-rate')),
      body: () => (
        <OfficeFigures
          figures={[
            d.rate('province', 'province', 'online-record-rate', () => d.t('office.province')),
            d.rate('localities', 'localities', 'online-record-rate', () => d.t('office.localities')),
            d.rate('departments', 'departments', 'online-record-rate', () => d.t('office.departments')),
          ]}
        />
      ),
    },
    {
      key: 'rates',
      title: () => d.t('office.province'),
      body: () => (
        <OfficeFigures
          figures={[
            d.rate('essential', 'province', 'essential-online-rate'),
            d.rate('payment', 'province', 'online-payment-rate'),
            d.rate('digitised', 'province', 'digitised-results-rate'),
          ]}
        />
      ),
    },
    {
      key: 'departments',
      // The departments' figures are sample data, as the dense view's table says.
      sample: true,
      title: () => d.t('office.ranked', { indicator: d.label(indicatorOf('online-record-rate'), 'short') }),
      body: () => (
        <OfficeRanks
          rows={() => d.ranks(regionSet.departments, 'online-record-rate')}
          keep={DEPARTMENTS_KEEP}
          stacked
          testId="office-ranks"
        />
      ),
    },
  ];
  return (
    <OfficeBoard
      view="services"
      title={() => d.t('services.title')}
      textPx={props.textPx()}
      now={props.now}
      slides={slides}
    />
  );
}
