import { Show } from 'solid-js';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { isLinkDown } from '../live/freshness';

/**
 * Along the foot of each screen (each tile of a wall), over the alert ticker, a few seconds after its link goes
 * down: the link is lost, and when the figures on screen date from. At the foot it hides neither the header nor the
 * tiles' age badges, which say how old each tile's figures are. It goes away by itself when the link is back.
 */
export function LinkBanner(props: { now: () => number }) {
  const wall = useWall();
  const { t, fmt } = useI18n();
  const down = () => isLinkDown(wall.link(), wall.linkSince(), props.now());
  const dataAt = () => {
    const at = wall.lastDataAt();
    if (at === null) return t('kiosk.banner.noData');
    const serverAt = at + wall.clockOffset();
    const tz = wall.state.timeZone;
    // Always with its date: a screen found offline in the morning may show the evening before's figures.
    return t('kiosk.banner.dataAt', { time: `${fmt().time(serverAt, tz)} ${fmt().day(serverAt, tz)}` });
  };
  return (
    <Show when={down()}>
      <div class="link-banner" data-testid="link-banner" data-state={wall.link()} role="alert">
        <svg class="link-banner-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 2 1 21h22L12 2Zm0 6 1 7h-2l1-7Zm0 9.5a1.25 1.25 0 1 1 0 2.5 1.25 1.25 0 0 1 0-2.5Z" />
        </svg>
        <div class="link-banner-text">
          <strong>
            {t('kiosk.banner.lost')} · {dataAt()}
          </strong>
          <span>{wall.refused() ? t('kiosk.banner.refused') : t('kiosk.banner.retrying')}</span>
        </div>
      </div>
    </Show>
  );
}
