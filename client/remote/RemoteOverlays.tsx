import { type Accessor, Show } from 'solid-js';
import { useI18n } from '../i18n';
import type { WallTile } from '../layout/fit';
import { useWall } from '../live/context';
import { BandIcon } from '../widgets/bands';
import type { Identify } from './createScreenRemote';
import './remote.css';

/** The screen's name, large, over each panel, while an operator asks which screen is which. */
export function IdentifyOverlay(props: { identify: Accessor<Identify | null>; tile: WallTile | null }) {
  const { t } = useI18n();
  return (
    <Show when={props.identify()}>
      {(who) => (
        <div class="identify" data-testid="identify">
          <span class="identify-label">{t('remote.identify.screen')}</span>
          <strong class="identify-name">{who().name}</strong>
          <span class="identify-id">{who().display}</span>
          <Show when={props.tile}>
            {(tile) => (
              <span class="identify-id">
                {t('remote.identify.tile', {
                  col: tile().col,
                  row: tile().row,
                  cols: tile().cols,
                  rows: tile().rows,
                })}
              </span>
            )}
          </Show>
        </div>
      )}
    </Show>
  );
}

/** Over the whole panel when the server refuses the screen's token (revoked, replaced) or a closed wall refuses it. */
export function NotAuthorised(props: { display: string | undefined }) {
  const wall = useWall();
  const { t } = useI18n();
  return (
    <Show when={wall.refused()?.code === 'NOT_AUTHORISED'}>
      <div class="not-authorised" data-testid="not-authorised" role="alert">
        <BandIcon band="critical" size={120} />
        <h1>{t('remote.refused.title')}</h1>
        <p>{t('remote.refused.body')}</p>
        <p class="not-authorised-name">
          {props.display ? t('remote.refused.display', { display: props.display }) : t('remote.refused.unnamed')}
        </p>
      </div>
    </Show>
  );
}
