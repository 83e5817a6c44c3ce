import { useLocation, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { regionSet } from '../../shared/regions';
import { useI18n } from '../i18n';
import './orderSwitch.css';

/** Each unit, or the units rolled up by group (the former districts of 2025 communes, a country's regions). */
export type UnitLevel = 'units' | 'groups';

/** The level `?level=` asks for: groups only where the region set has them. */
export function useUnitLevel(): () => UnitLevel {
  const [params] = useSearchParams();
  return () => (params.level === 'groups' && regionSet.groups.size > 0 ? 'groups' : 'units');
}

/** The link to the same view at another level, from its first page. */
export function useHrefWith(): (key: string, value: string) => string {
  const location = useLocation();
  return (key, value) => {
    const query = new URLSearchParams(location.search);
    query.set(key, value);
    query.delete('page');
    return `${location.pathname}?${query}`;
  };
}

/** The switch between the units and their groups, shown only where the region set has groups. */
export function LevelSwitch(props: { level: UnitLevel }) {
  const { t } = useI18n();
  const hrefWith = useHrefWith();
  return (
    <Show when={regionSet.groups.size > 0}>
      <nav class="order-switch" aria-label={t('grid.level')} data-chrome>
        <For each={['units', 'groups'] as const}>
          {(l) => (
            <a
              href={hrefWith('level', l)}
              aria-current={props.level === l ? 'true' : undefined}
              data-testid={`level-${l}`}
            >
              {t(`grid.level.${l}`)}
            </a>
          )}
        </For>
      </nav>
    </Show>
  );
}
