import { Show } from 'solid-js';
import { useI18n } from '../i18n';
import { useWall } from '../live/context';
import { FixedFigure } from './FixedFigure';
import { LinkStatus } from './LinkStatus';
import './header.css';

/** Title, date and clock in the deployment's time zone, and the link state. */
export function Header(props: { now: () => number }) {
  const wall = useWall();
  const { t, fmt } = useI18n();
  const serverNow = () => props.now() + wall.clockOffset();
  return (
    <header class="wall-header">
      <div class="brand">
        <span class="brand-mark" aria-hidden="true">
          IOC
        </span>
        <div>
          <h1 class="title">{t('app.title')}</h1>
          <p class="subtitle">
            {t('app.subtitle')}
            <Show when={wall.state.simulated}>
              <span class="simulated" data-testid="simulated-badge">
                {t('app.simulated')}
              </span>
            </Show>
          </p>
        </div>
      </div>
      <div class="header-right">
        <div class="clock" data-testid="clock">
          <span class="clock-time">
            <FixedFigure>{fmt().time(serverNow(), wall.state.timeZone, true)}</FixedFigure>
          </span>
          <span class="clock-date">{fmt().date(serverNow(), wall.state.timeZone)}</span>
        </div>
        <LinkStatus now={props.now} />
      </div>
    </header>
  );
}
