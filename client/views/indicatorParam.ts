import { type IndicatorId, indicatorOf, isIndicatorId } from '../../shared/catalog';

/** The indicator a view shows when its address names none (or one the catalogue does not list). */
export const DEFAULT_INDICATOR: IndicatorId = 'online-record-rate';

/** The indicator an address's `?indicator=` names, when it is a listed one; the default otherwise. */
export function listedIndicator(id: unknown): IndicatorId {
  return typeof id === 'string' && isIndicatorId(id) && indicatorOf(id).listed ? id : DEFAULT_INDICATOR;
}
