import { createSignal, For } from 'solid-js';
import { ANNOUNCEMENT_SEVERITIES, type AnnouncementSeverity, AnnouncementTextSchema } from '../../shared/control';
import { useConsole } from './consoleContext';
import { useConsoleText } from './consoleI18n';

/** How long an announcement stays, in minutes, unless the operator says otherwise. */
const DEFAULT_MINUTES = 10;

/** An announcement banner on the selected screens (text as written, severity, how long), and clearing it. */
export function AnnounceControls() {
  const { send, busy } = useConsole();
  const { t } = useConsoleText();
  const [text, setText] = createSignal('');
  const [severity, setSeverity] = createSignal<AnnouncementSeverity>('info');
  const [minutes, setMinutes] = createSignal(DEFAULT_MINUTES);
  const textOk = () => AnnouncementTextSchema.safeParse(text()).success;
  const seconds = () => Math.round(minutes() * 60);
  const durationOk = () => Number.isFinite(minutes()) && seconds() >= 5 && seconds() <= 86_400;
  const announce = () => void send({ type: 'announce', text: text(), severity: severity(), durationSec: seconds() });

  return (
    <fieldset class="op-fieldset" data-testid="announce-controls">
      <legend>{t('op.announce.title')}</legend>
      <textarea
        rows={2}
        maxLength={280}
        value={text()}
        onInput={(e) => setText(e.currentTarget.value.replace(/[\r\n]+/g, ' '))}
        placeholder={t('op.announce.placeholder')}
        aria-label={t('op.announce.text')}
        data-testid="announce-text"
      />
      <div class="op-actions">
        <label>
          {t('op.announce.severity')}
          <select value={severity()} onChange={(e) => setSeverity(e.currentTarget.value as AnnouncementSeverity)}>
            <For each={ANNOUNCEMENT_SEVERITIES}>{(s) => <option value={s}>{t(`op.severity.${s}`)}</option>}</For>
          </select>
        </label>
        <label>
          {t('op.announce.minutes')}
          <input
            type="number"
            min={0.1}
            max={1440}
            step="any"
            value={minutes()}
            onInput={(e) => setMinutes(e.currentTarget.valueAsNumber)}
            class="op-narrow"
            data-testid="announce-minutes"
          />
        </label>
        <button
          type="button"
          class="op-primary"
          disabled={busy() || !textOk() || !durationOk()}
          onClick={announce}
          data-testid="announce-send"
        >
          {t('op.announce.send')}
        </button>
        <button type="button" disabled={busy()} onClick={() => void send({ type: 'announce-clear' })}>
          {t('op.announce.clear')}
        </button>
      </div>
    </fieldset>
  );
}

/** Which screen is which (it flashes its name), and a reload that keeps the view. */
export function ScreenActions() {
  const { send, busy } = useConsole();
  const { t } = useConsoleText();
  return (
    <div class="op-actions op-screen-actions">
      <button type="button" disabled={busy()} onClick={() => void send({ type: 'identify' })} data-testid="identify">
        {t('op.actions.identify')}
      </button>
      <button type="button" disabled={busy()} onClick={() => void send({ type: 'reload' })} data-testid="reload">
        {t('op.actions.reload')}
      </button>
    </div>
  );
}
