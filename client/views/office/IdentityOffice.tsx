import { type IndicatorId, indicatorOf } from '../../../shared/catalog';
import { regionSet } from '../../../shared/regions';
import { OfficeBoard, OfficeFigures, OfficeRanks, type Slide } from './OfficeBoard';
import { OFFICE_KEEP } from './OverviewOffice';
import { useOfficeData } from './officeData';

/** ID cards and e-ID on a screen read from afar: cards and coverage, the e-ID funnel, the best and worst units. */
export default function IdentityOffice(props: { now: () => number; textPx: () => number }) {
  const d = useOfficeData();
  const count = (id: IndicatorId) => () => {
    const v = d.value('province', id);
    return v === null ? '–' : d.fmt().number(v);
  };
  const slides: Slide[] = [
    {
      key: 'cards',
      title: () => d.t('office.province'),
      body: () => (
        <OfficeFigures
          figures={[
            d.count('cards', () => d.t('counter.idCards'), count('id-cards-issued')),
            d.rate('coverage', 'province', 'id-card-coverage'),
          ]}
        />
      ),
    },
    {
      key: 'eid',
      title: () => d.t('identity.funnel'),
      body: () => (
        <OfficeFigures
          figures={[
            d.count('collected', () => d.t('identity.collected'), count('eid-collected')),
            d.count('activated', () => d.t('identity.activated'), count('eid-activated')),
            d.rate('activation', 'province', 'eid-activation-rate'),
          ]}
        />
      ),
    },
    {
      key: 'ranking',
      title: () => d.t('office.ranked', { indicator: d.label(indicatorOf('eid-activation-rate'), 'short') }),
      body: () => (
        <OfficeRanks
          rows={() => d.ranks(regionSet.districts, 'eid-activation-rate')}
          keep={OFFICE_KEEP}
          testId="office-ranks"
        />
      ),
    },
  ];
  return (
    <OfficeBoard
      view="identity"
      title={() => d.t('identity.title')}
      textPx={props.textPx()}
      now={props.now}
      slides={slides}
    />
  );
}
