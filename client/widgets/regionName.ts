import { regionSet } from '../../shared/regions';
import { useI18n } from '../i18n';

/** A region's name in the active language: a unit's name, or the roll-up's ("Toàn tỉnh", "Localities"). */
export function useRegionName(): (code: string) => string {
  const { t, unitName } = useI18n();
  return (code) => {
    const unit = regionSet.unit(code);
    if (unit) return unitName(unit);
    if (code === 'province' || code === 'localities' || code === 'departments') return t(`region.${code}`);
    return code;
  };
}
