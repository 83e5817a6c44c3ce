import type { Announcement, AnnouncementSeverity } from '../../shared/control';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { BandIcon } from './bands';
import './alertLine.css';

const BAND: Record<AnnouncementSeverity, 'ok' | 'warning' | 'critical'> = {
  info: 'ok',
  warning: 'warning',
  critical: 'critical',
};

/**
 * An operator's announcement as the ticker's first line: its severity in words, colour and shape, the text as the
 * operator wrote it, and until when it stays. `copy` is the second, unannounced copy of a scrolling ticker.
 */
export function AnnouncementLine(props: { announcement: Announcement; copy?: boolean }) {
  const wall = useWall();
  const { t, fmt } = useI18n();
  const a = () => props.announcement;
  return (
    <li
      class="alert-line announcement-line"
      data-testid={props.copy ? undefined : 'announcement'}
      data-severity={a().severity}
      data-event="announcement"
    >
      <BandIcon band={BAND[a().severity]} size={22} />
      <b class="announcement-kind">{t(`remote.announce.${a().severity}`)}</b>
      <span class="announcement-text" lang="">
        {a().text}
      </span>
      <span class="muted">{t('remote.announce.until', { time: fmt().time(a().until, wall.state.timeZone) })}</span>
    </li>
  );
}
