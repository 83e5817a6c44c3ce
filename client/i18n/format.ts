import type { Indicator } from '../../shared/catalog';

export type Lang = 'vi' | 'en';

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
/** Vietnamese typography puts a space before the percent sign (45,03 %); English does not (45.03%). */
const PERCENT_SUFFIX: Record<Lang, string> = { vi: '\u00a0%', en: '%' };

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, decimals: number, trim = false): Intl.NumberFormat {
  const key = `${lang}:${decimals}:${trim}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], {
      minimumFractionDigits: trim ? 0 : decimals,
      maximumFractionDigits: decimals,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** Numbers, percentages, dates and times for one language, all through Intl. */
export interface Formatter {
  lang: Lang;
  locale: string;
  number(value: number, decimals?: number, trim?: boolean): string;
  percent(value: number, decimals?: number, trim?: boolean): string;
  /**
   * A reading's value as the indicator is shown: counts whole, rates in percent, scores in points. `trim` drops
   * trailing zeros, for round figures such as targets (40 %, not 40,00 %).
   */
  value(indicator: Pick<Indicator, 'unit' | 'decimals'>, value: number | null | undefined, trim?: boolean): string;
  date(ms: number, timeZone: string): string;
  /** A calendar day without the weekday: 19/01/2024, 19/01/2024 in English too (en-GB). */
  day(ms: number, timeZone: string): string;
  time(ms: number, timeZone: string, seconds?: boolean): string;
}

export function makeFormatter(lang: Lang): Formatter {
  const locale = LOCALES[lang];
  const dateFormats = new Map<string, Intl.DateTimeFormat>();
  const dateFormat = (key: string, options: Intl.DateTimeFormatOptions) => {
    let format = dateFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, options);
      dateFormats.set(key, format);
    }
    return format;
  };
  const number = (value: number, decimals = 0, trim = false) => numberFormat(lang, decimals, trim).format(value);
  const percent = (value: number, decimals = 2, trim = false) =>
    `${number(value, decimals, trim)}${PERCENT_SUFFIX[lang]}`;
  return {
    lang,
    locale,
    number,
    percent,
    value(indicator, value, trim = false) {
      if (value === null || value === undefined || !Number.isFinite(value)) return '–';
      return indicator.unit === 'percent'
        ? percent(value, indicator.decimals, trim)
        : number(value, indicator.decimals, trim);
    },
    date: (ms, timeZone) =>
      dateFormat(`d:${timeZone}`, {
        timeZone,
        weekday: 'long',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      }).format(ms),
    day: (ms, timeZone) =>
      dateFormat(`day:${timeZone}`, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }).format(ms),
    time: (ms, timeZone, seconds = false) =>
      dateFormat(`t:${timeZone}:${seconds}`, {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
        ...(seconds && { second: '2-digit' }),
        hourCycle: 'h23',
      }).format(ms),
  };
}
