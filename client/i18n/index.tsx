import { type Accessor, createContext, createMemo, type ParentProps, useContext } from 'solid-js';
import type { Indicator } from '../../shared/catalog';
import { deploymentLabel } from '../../shared/deployment';
import type { Unit } from '../../shared/regions';
import { type Formatter, type Lang, makeFormatter } from './format';
import { en, type MessageKey, vi } from './messages';

export type { Lang, MessageKey };

const MESSAGES: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function isLang(value: unknown): value is Lang {
  return value === 'vi' || value === 'en';
}

/** Fills `{name}` placeholders in a message. */
export function fillPlaceholders(text: string, params?: Record<string, string | number>): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
}

/** A message in a language: the deployment's own wording for the key when it has one (see deployments/). */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return fillPlaceholders(deploymentLabel(lang, key) ?? MESSAGES[lang][key], params);
}

export interface I18n {
  lang: Accessor<Lang>;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  fmt: Accessor<Formatter>;
  /** An indicator's label in the active language, short or full. */
  label: (indicator: Indicator, size?: 'short' | 'full') => string;
  /** A unit's name: districts keep their Vietnamese proper names; departments have an English name. */
  unitName: (unit: Unit) => string;
}

const I18nContext = createContext<I18n>();

/** Every visible string goes through here; the active language is reactive, so switching relabels everything. */
export function I18nProvider(props: ParentProps<{ lang: Accessor<Lang> }>) {
  const fmt = createMemo(() => makeFormatter(props.lang()));
  const i18n: I18n = {
    lang: props.lang,
    t: (key, params) => translate(props.lang(), key, params),
    fmt,
    label: (indicator, size = 'full') => (size === 'short' ? indicator.short : indicator.label)[props.lang()],
    unitName: (unit) => (unit.kind === 'department' && props.lang() === 'en' ? unit.nameEn : unit.name),
  };
  return <I18nContext.Provider value={i18n}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() needs an <I18nProvider> above it');
  return i18n;
}
