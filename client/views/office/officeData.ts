import { bandOf, type IndicatorId, indicatorOf } from '../../../shared/catalog';
import type { Unit } from '../../../shared/regions';
import { useI18n } from '../../i18n';
import { useWall } from '../../live/context';
import { byRank, targetsOf, unitRows } from '../../live/selectors';
import type { Figure, RankRow } from './OfficeBoard';

/**
 * A short phrase of a figure's note, a name and its figure ("Chỉ tiêu 80 %", "Hạng 16/21"), kept on one line: read
 * from afar, a figure on the line below its name reads as another figure.
 */
export const phrase = (text: string) => text.replaceAll(' ', '\u00a0');

/** A note of several phrases: it breaks only between them, after their separator. */
export const phrases = (parts: readonly string[]) => parts.filter(Boolean).map(phrase).join('\u00a0· ');

/** Builders for the office slides' figures and rankings from the live figures, in the screen's language. */
export function useOfficeData() {
  const wall = useWall();
  const { t, fmt, label, unitName } = useI18n();
  const value = (region: string, id: IndicatorId) => wall.reading(region, id)?.value ?? null;
  const text = (region: string, id: IndicatorId) => fmt().value(indicatorOf(id), value(region, id));
  const band = (region: string, id: IndicatorId) => bandOf(indicatorOf(id), targetsOf(wall, id), value(region, id));
  const targetText = (id: IndicatorId) => {
    const target = targetsOf(wall, id).target;
    return target === null
      ? ''
      : phrase(t('office.targetNote', { target: fmt().value(indicatorOf(id), target, true) }));
  };

  /** A rate with its band and target: the figure a leader checks first. */
  const rate = (testId: string, region: string, id: IndicatorId, name?: () => string): Figure => ({
    testId,
    label: name ?? (() => label(indicatorOf(id), 'short')),
    value: () => text(region, id),
    band: () => band(region, id),
    note: () => targetText(id),
  });

  /** A count, with a line of context. */
  const count = (testId: string, name: () => string, shown: () => string, note?: () => string): Figure => ({
    testId,
    label: name,
    value: shown,
    ...(note && { note }),
  });

  /** Units ranked on an indicator, best first, units without a value last. */
  const ranks = (units: readonly Unit[], id: IndicatorId): RankRow[] =>
    byRank(unitRows(wall, units, id)).map((r) => ({
      code: r.unit.code,
      rank: r.rank,
      name: unitName(r.unit),
      value: fmt().value(indicatorOf(id), r.value),
      band: r.band,
    }));

  /** "19/21": the units on target. */
  const meeting = (units: readonly Unit[], id: IndicatorId) => {
    const rows = unitRows(wall, units, id);
    return `${rows.filter((r) => r.band === 'ok').length}/${rows.length}`;
  };

  return { wall, t, fmt, label, unitName, value, text, band, rate, count, ranks, meeting, targetText };
}
