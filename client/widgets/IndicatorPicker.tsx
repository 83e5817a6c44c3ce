import { type IndicatorId, indicators } from '../../shared/catalog';
import { useI18n } from '../i18n';

/** Chooses the indicator a view shows, among the listed ones (for operators; the URL does the same). */
export function IndicatorPicker(props: { value: IndicatorId; onChange: (id: string) => void; testId?: string }) {
  const { t, label } = useI18n();
  return (
    <label class="indicator-picker">
      <span class="muted">{t('panel.indicator')}</span>
      <select data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {indicators
          .filter((i) => i.listed)
          .map((i) => (
            <option value={i.id}>{label(i)}</option>
          ))}
      </select>
    </label>
  );
}
