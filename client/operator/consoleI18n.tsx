import { type Accessor, createContext, type ParentProps, useContext } from 'solid-js';
import { deploymentLabel } from '../../shared/deployment';
import { fillPlaceholders, I18nProvider, type Lang } from '../i18n';
import { operatorMessages } from '../i18n/messages/operator';

export type ConsoleKey = keyof typeof operatorMessages.vi;

export interface ConsoleText {
  t: (key: ConsoleKey, params?: Record<string, string | number>) => string;
  lang: Accessor<Lang>;
  setLang: (lang: Lang) => void;
}

const ConsoleTextContext = createContext<ConsoleText>();

/**
 * The console's wording, in its own file and its own chunk: a wall screen never loads it. Inside it, the wall's
 * i18n (indicator labels, unit names, numbers and dates) follows the same language.
 */
export function ConsoleI18nProvider(props: ParentProps<{ lang: Accessor<Lang>; setLang: (lang: Lang) => void }>) {
  const text: ConsoleText = {
    t: (key, params) =>
      fillPlaceholders(deploymentLabel(props.lang(), key) ?? operatorMessages[props.lang()][key], params),
    lang: props.lang,
    setLang: props.setLang,
  };
  return (
    <I18nProvider lang={props.lang}>
      <ConsoleTextContext.Provider value={text}>{props.children}</ConsoleTextContext.Provider>
    </I18nProvider>
  );
}

export function useConsoleText(): ConsoleText {
  const text = useContext(ConsoleTextContext);
  if (!text) throw new Error('useConsoleText() needs a <ConsoleI18nProvider> above it');
  return text;
}
