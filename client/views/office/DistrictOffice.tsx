import { useParams } from '@solidjs/router';
import { type IndicatorId, indicatorOf, indicators } from '../../../shared/catalog';
import { regionSet } from '../../../shared/regions';
import { activeAlerts } from '../../live/alerts';
import { unitRows } from '../../live/selectors';
import { type Figure, OfficeBoard, OfficeFigures, type Slide } from './OfficeBoard';
import { phrases, useOfficeData } from './officeData';

const MEASURED = indicators.filter((i) => i.listed && i.appliesTo.includes('district'));
const RATES = MEASURED.filter((i) => i.target !== null).map((i) => i.id);
const COUNTS: IndicatorId[] = ['id-cards-issued', 'eid-collected', 'eid-activated'];
/** Figures a slide holds at the office size. */
const PER_SLIDE = 4;

/** One district on a screen read from afar: its rates four at a time with their rank, then its counts and alerts. */
export default function DistrictOffice(props: { now: () => number; textPx: () => number }) {
  const d = useOfficeData();
  const params = useParams<{ code: string }>();
  const district = () => regionSet.districts.find((u) => u.code === params.code || u.slug === params.code);
  const code = () => district()?.code ?? params.code;
  const total = regionSet.districts.length;
  const rank = (id: IndicatorId) => unitRows(d.wall, regionSet.districts, id).find((r) => r.unit.code === code())?.rank;
  const withRank = (f: Figure, id: IndicatorId): Figure => ({
    ...f,
    note: () => {
      const r = rank(id);
      return phrases([r == null ? '' : d.t('office.rank', { rank: r, total }), d.targetText(id)]);
    },
  });
  const rateSlides: Slide[] = [];
  for (let i = 0; i < RATES.length; i += PER_SLIDE) {
    const part = RATES.slice(i, i + PER_SLIDE);
    rateSlides.push({
      key: `rates-${i / PER_SLIDE + 1}`,
      title: () => d.t('office.rates', { part: `${i / PER_SLIDE + 1}/${Math.ceil(RATES.length / PER_SLIDE)}` }),
      body: () => <OfficeFigures figures={part.map((id) => withRank(d.rate(id, code(), id), id))} />,
    });
  }
  const count = (id: IndicatorId) => () => {
    const v = d.value(code(), id);
    return v === null ? '–' : d.fmt().number(v);
  };
  const alerts = () => activeAlerts(d.wall).filter((a) => a.region === code()).length;
  const slides: Slide[] = [
    ...rateSlides,
    {
      key: 'counts',
      title: () => d.t('office.counts'),
      body: () => (
        <OfficeFigures
          figures={[
            ...COUNTS.map((id) =>
              withRank(
                d.count(id, () => d.label(indicatorOf(id), 'short'), count(id)),
                id,
              ),
            ),
            {
              testId: 'alerts',
              label: () => d.t('office.alerts'),
              value: () => (alerts() === 0 ? d.t('office.none') : String(alerts())),
              band: () => (alerts() === 0 ? 'ok' : 'warning'),
            },
          ]}
        />
      ),
    },
  ];
  const title = () => {
    const u = district();
    return u ? d.unitName(u) : d.t('district.notFound', { code: params.code });
  };
  return <OfficeBoard view="district" title={title} textPx={props.textPx()} now={props.now} slides={slides} />;
}
