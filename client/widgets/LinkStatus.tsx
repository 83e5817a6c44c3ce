import { createMemo } from 'solid-js';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { FixedFigure } from './FixedFigure';

type Translate = (key: MessageKey, p?: Record<string, number>) => string;

/** An age as it is worded: in whole seconds. */
const wholeSeconds = (ageMs: number) => Math.max(0, Math.round(ageMs / 1000));

/** An age of `s` whole seconds in words: "5 giây trước", "3 min ago". */
function secondsText(t: Translate, s: number): string {
  if (s < 60) return t('age.seconds', { n: s });
  if (s < 3600) return t('age.minutes', { n: Math.floor(s / 60) });
  return t('age.hours', { n: Math.floor(s / 3600) });
}

/** How old data is, in words: "5 giây trước", "3 min ago". */
export function ageText(t: Translate, ageMs: number): string {
  return secondsText(t, wholeSeconds(ageMs));
}

/**
 * The state of the link, always on screen: live, reconnecting or offline, with how old the data is. A screen
 * never shows old figures as if they were live.
 */
export function LinkStatus(props: { now: () => number }) {
  const wall = useWall();
  const { t, fmt } = useI18n();
  // The data's age in whole seconds: every delta sets the time of the last data, and while the link is live the
  // words are worked out again only when the age they show changes, not with each delta.
  const ageSeconds = createMemo(() => {
    const at = wall.lastDataAt();
    return at === null ? null : wholeSeconds(props.now() - at);
  });
  const detail = createMemo(() => {
    if (wall.link() === 'live') {
      const age = ageSeconds();
      return age === null ? t('link.noData') : secondsText(t, age);
    }
    const at = wall.lastDataAt();
    if (at === null) return t('link.noData');
    return t('link.dataAt', { time: fmt().time(at + wall.clockOffset(), wall.state.timeZone) });
  });
  return (
    <div class={`link-status link-${wall.link()}`} data-testid="link-status" data-state={wall.link()} role="status">
      <i class="link-dot" aria-hidden="true" />
      <span class="link-label">{t(`link.${wall.link()}`)}</span>
      <span class="link-detail">
        <FixedFigure>{detail()}</FixedFigure>
      </span>
    </div>
  );
}
