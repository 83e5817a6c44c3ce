import { Show } from 'solid-js';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { isLinkDown } from '../live/freshness';

/** When the last data is older than this, the banner gives its date too, not just the time. */
const SHOW_DATE_AFTER_MS = 12 * 3_600_000;

/**
 * Across the top of each screen (each tile of a wall), a few seconds after its link goes down: the link is lost,
 * and when the figures on screen date from. It goes away by itself when the link is back.
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
    const time = fmt().time(serverAt, tz);
    const when = props.now() - at > SHOW_DATE_AFTER_MS ? `${time} ${fmt().date(serverAt, tz)}` : time;
    return t('kiosk.banner.dataAt', { time: when });
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
