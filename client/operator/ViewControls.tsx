import { type Accessor, For, Show } from 'solid-js';
import { type IndicatorId, indicators } from '../../shared/catalog';
import { VIEW_NAMES, type ViewName, type ViewSpec } from '../../shared/control';
import { regionSet } from '../../shared/regions';
import { type Lang, useI18n } from '../i18n';
import { useConsole } from './consoleContext';
import { useConsoleText } from './consoleI18n';
import { PresenterToggle } from './PresenterMode';

const LISTED = indicators.filter((i) => i.listed);
/** The district the console offers first (the first of the region set). */
export const DEFAULT_DISTRICT = regionSet.districts[0]?.code ?? '';

export interface ViewForm {
  view: ViewName;
  indicator: IndicatorId | '';
  district: string;
  order: 'region' | 'rank';
  lang: Lang | '';
}

/** The form as a view spec, with only the parameters the view takes. */
export function specOf(form: ViewForm): ViewSpec {
  return {
    view: form.view,
    ...(form.indicator && { indicator: form.indicator }),
    ...(form.view === 'district' && { district: form.district }),
    ...(form.view === 'grid' && { order: form.order }),
  };
}

/**
 * Shows a view on the selected screens: which view, on which indicator, which district, in which language. The
 * previous and next buttons step through the views from what the screen shows now; so do a presenter remote's
 * keys, in presenter mode only.
 */
export function ViewControls(props: { form: Accessor<ViewForm>; setForm: (form: ViewForm) => void }) {
  const { send, step, busy } = useConsole();
  const { t } = useConsoleText();
  const { label } = useI18n();
  const form = props.form;
  const set = <K extends keyof ViewForm>(key: K, value: ViewForm[K]) => props.setForm({ ...form(), [key]: value });
  const show = () => {
    const f = form();
    void send({ type: 'show', view: specOf(f), ...(f.lang && { lang: f.lang }) });
  };

  return (
    <fieldset class="op-fieldset" data-testid="view-controls">
      <legend>{t('op.show.title')}</legend>
      <div class="op-grid">
        <label>
          {t('op.show.view')}
          <select
            value={form().view}
            onChange={(e) => set('view', e.currentTarget.value as ViewName)}
            data-testid="show-view"
          >
            <For each={VIEW_NAMES}>
              {(v) => <option value={v}>{t(`op.view.${v}`, { count: regionSet.districts.length })}</option>}
            </For>
          </select>
        </label>
        <label>
          {t('op.show.district')}
          <select
            value={form().district}
            onChange={(e) => set('district', e.currentTarget.value)}
            data-testid="show-district"
          >
            <For each={regionSet.districts}>{(d) => <option value={d.code}>{`${d.name} (${d.code})`}</option>}</For>
          </select>
        </label>
        <label>
          {t('op.show.indicator')}
          <select
            value={form().indicator}
            onChange={(e) => set('indicator', e.currentTarget.value as IndicatorId | '')}
            data-testid="show-indicator"
          >
            <option value="">{t('op.show.indicatorDefault')}</option>
            <For each={LISTED}>{(i) => <option value={i.id}>{label(i)}</option>}</For>
          </select>
        </label>
        <Show when={form().view === 'grid'}>
          <label>
            {t('op.show.order')}
            <select value={form().order} onChange={(e) => set('order', e.currentTarget.value as 'region' | 'rank')}>
              <option value="region">{t('op.show.orderRegion')}</option>
              <option value="rank">{t('op.show.orderRank')}</option>
            </select>
          </label>
        </Show>
        <label>
          {t('op.show.lang')}
          <select
            value={form().lang}
            onChange={(e) => set('lang', e.currentTarget.value as Lang | '')}
            data-testid="show-lang"
          >
            <option value="">{t('op.show.langKeep')}</option>
            <option value="vi">{t('op.lang.vi')}</option>
            <option value="en">{t('op.lang.en')}</option>
          </select>
        </label>
      </div>
      <div class="op-actions">
        <button type="button" onClick={() => step(-1)} data-testid="step-previous">
          {t('op.show.previous')}
        </button>
        <button type="button" class="op-primary" onClick={show} disabled={busy()} data-testid="show-send">
          {t('op.show.send')}
        </button>
        <button type="button" onClick={() => step(1)} data-testid="step-next">
          {t('op.show.next')}
        </button>
        <PresenterToggle />
      </div>
      <p class="op-hint">{t('op.show.keys')}</p>
    </fieldset>
  );
}
