import { Show } from 'solid-js';
import { useConsole } from './consoleContext';
import { useConsoleText } from './consoleI18n';
import { useTargetText } from './TargetBar';
import './commands.css';

/** The switch for presenter mode, beside the previous and next buttons: it says whether it is on. */
export function PresenterToggle() {
  const { presenter } = useConsole();
  const { t } = useConsoleText();
  return (
    <button
      type="button"
      class="op-presenter-toggle"
      aria-pressed={presenter.on()}
      onClick={() => presenter.toggle()}
      data-testid="presenter-toggle"
    >
      <span class="op-switch" aria-hidden="true" />
      {t('op.presenter.toggle')}: <strong>{presenter.on() ? t('op.presenter.on') : t('op.presenter.off')}</strong>
    </button>
  );
}

/**
 * Across the top of the console while presenter mode is on: which keys steer which screens, and how to stop. A
 * polite status region, so that a screen reader hears presenter mode start and end (it ends by itself too).
 */
export function PresenterBanner() {
  const { presenter } = useConsole();
  const { t } = useConsoleText();
  const target = useTargetText();
  return (
    <div role="status" class="op-presenter-status">
      <Show when={presenter.on()}>
        <div class="op-presenter-banner" data-testid="presenter-banner">
          <strong>{t('op.presenter.banner')}</strong>
          <span>{t('op.presenter.keys', { target: target() })}</span>
          <button type="button" onClick={() => presenter.toggle()} data-testid="presenter-stop">
            {t('op.presenter.stop')}
          </button>
        </div>
      </Show>
    </div>
  );
}
