import { catalog } from '../../shared/catalog';
import type { ViewSpec } from '../../shared/control';
import { regionSet } from '../../shared/regions';
import type { I18n } from '../i18n';
import type { ConsoleText } from './consoleI18n';

/** A district as the console names it: `Kỳ Sơn (417)`. */
export function districtText(code: string): string {
  const district = regionSet.districts.find((d) => d.code === code);
  return district ? `${district.name} (${code})` : code;
}

/** What a view shows, in a few words: `Huyện · Kỳ Sơn (417)`, `Tổng quan · Tỷ lệ kích hoạt`. */
export function viewText(spec: ViewSpec | null, t: ConsoleText['t'], label: I18n['label']): string {
  if (!spec) return t('op.view.unknown');
  const parts = [t(`op.view.${spec.view}`)];
  if (spec.view === 'district' && spec.district) parts.push(districtText(spec.district));
  if (spec.indicator && (spec.view === 'overview' || spec.view === 'grid')) {
    parts.push(label(catalog[spec.indicator], 'short'));
  }
  if (spec.view === 'overview' && spec.district) parts.push(districtText(spec.district));
  if (spec.view === 'grid' && spec.order === 'rank') parts.push(t('op.view.byRank'));
  return parts.join(' · ');
}
