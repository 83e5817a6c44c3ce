import { useConsoleText } from './consoleI18n';

/** The console's name and mark, on the sign-in page and atop the console. */
export function ConsoleBrand() {
  const { t } = useConsoleText();
  return (
    <div class="op-brand">
      <span class="op-logo" aria-hidden="true">
        IOC
      </span>
      <h1>{t('op.title')}</h1>
    </div>
  );
}

/** Switches the console between Vietnamese and English; it names the language it switches to, in that language. */
export function LangToggle(props: { class: string; testId?: string }) {
  const { t, lang, setLang } = useConsoleText();
  return (
    <button
      type="button"
      class={props.class}
      onClick={() => setLang(lang() === 'vi' ? 'en' : 'vi')}
      data-testid={props.testId}
    >
      {lang() === 'vi' ? t('op.lang.en') : t('op.lang.vi')}
    </button>
  );
}
