import { createEffect, createResource, createSignal, Match, Switch } from 'solid-js';
import { isLang, type Lang } from '../i18n';
import { operatorMessages } from '../i18n/messages/operator';
import { operatorApi } from './api';
import { ConsoleMain } from './ConsoleMain';
import { ConsoleI18nProvider } from './consoleI18n';
import { LoginPage } from './LoginPage';
import './console.css';

const LANG_KEY = 'ioc-wall:console-lang';

/** Vietnamese unless the address (`?lang=en`) or the operator's last choice says otherwise. */
function initialLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (isLang(asked)) return asked;
  try {
    const kept = localStorage.getItem(LANG_KEY);
    if (isLang(kept)) return kept;
  } catch {
    // No storage: Vietnamese.
  }
  return 'vi';
}

/**
 * The operator console at `/operator`: a desktop page for a person at a desk, loaded only when asked for, so a
 * wall screen never downloads it. Signed out, it asks for a name and password; signed in, it steers the screens.
 */
export default function OperatorConsole() {
  const [lang, setLangSignal] = createSignal<Lang>(initialLang());
  const setLang = (next: Lang) => {
    setLangSignal(next);
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      // The choice lasts this page only.
    }
  };
  document.documentElement.classList.add('operator');
  createEffect(() => {
    document.documentElement.lang = lang();
    document.title = operatorMessages[lang()]['op.title'];
  });
  const [session, { mutate }] = createResource(() => operatorApi.session().catch(() => null));

  return (
    <ConsoleI18nProvider lang={lang} setLang={setLang}>
      <Switch>
        <Match when={session.loading}>
          <p class="op-empty">…</p>
        </Match>
        <Match when={session()}>{(s) => <ConsoleMain session={s()} onSignedOut={() => mutate(null)} />}</Match>
        <Match when={true}>
          <LoginPage onSignedIn={(s) => mutate(s)} />
        </Match>
      </Switch>
    </ConsoleI18nProvider>
  );
}
