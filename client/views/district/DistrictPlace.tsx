import { For, Show } from 'solid-js';
import { regionSet } from '../../../shared/regions';
import { boundaries } from '../../charts/drawing';
import { useI18n } from '../../i18n';
import { DistrictLocator } from './DistrictLocator';

/** How many sub-units the panel names before it says how many more there are. */
const SUBUNITS_SHOWN = 40;

/**
 * Where a unit lies: its shape among the others when the deployment has boundaries; otherwise its group, and the
 * units below it (a province's communes) to drill into.
 */
export function DistrictPlace(props: { code: string }) {
  const { t } = useI18n();
  const unit = () => regionSet.districts.find((d) => d.code === props.code);
  const subunits = () => regionSet.subunitsOf(props.code);
  return (
    <Show when={!boundaries()} fallback={<DistrictLocator code={props.code} />}>
      <section class="panel district-place" data-testid="district-place">
        <h2 class="panel-title">
          {t('district.where')}
          <Show when={unit()?.group}>{(group) => <small>{regionSet.groups.get(group()) ?? group()}</small>}</Show>
        </h2>
        <Show when={subunits().length > 0}>
          <p class="district-subunit-count" data-testid="subunit-count">
            {t('district.subunits', { n: subunits().length })}
          </p>
          <ul class="district-subunits" data-testid="subunits">
            <For each={subunits().slice(0, SUBUNITS_SHOWN)}>{(s) => <li data-code={s.code}>{s.name}</li>}</For>
          </ul>
          <Show when={subunits().length > SUBUNITS_SHOWN}>
            <p class="ranking-more">{t('panel.more', { n: subunits().length - SUBUNITS_SHOWN })}</p>
          </Show>
        </Show>
      </section>
    </Show>
  );
}
