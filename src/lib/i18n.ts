import { createContext, use } from 'react';
import en from '../locales/en.json';
import { directionOf } from './direction.ts';
import { numberingSystemFor } from './locales.ts';
import { hasDateData, type DateLocale } from './format.ts';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
type Params = Record<string, string | number>;

/** Plural-aware keys: `results` resolves to `results.one`, `results.other`, … through Intl.PluralRules. */
type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

export interface TranslatorOptions {
  /** `native`: the script's own digits (Lao ໐-໙, Thai ๐-๙); `latin`: 0-9; unset: the locale's default. */
  numerals?: 'native' | 'latin';
}

export interface Translator {
  /** The UI language tag, e.g. `lo`: compare article languages with this. */
  locale: string;
  /** The Intl numbering system asked for (`laoo`, `thai`, `latn`), if any. */
  numberingSystem?: string;
  /** How to write dates in this UI language (for lib/format.ts). */
  dates: DateLocale;
  /** Writing direction of the UI language. */
  dir: 'ltr' | 'rtl';
  (key: MessageKey, params?: Params): string;
  plural(key: PluralBase, count: number, params?: Params): string;
}

/** Build a translator for a locale's messages; missing keys fall back to English. */
export function createTranslator(
  locale: string,
  messages: Partial<Messages> = en,
  options: TranslatorOptions = {},
): Translator {
  const numberingSystem = numberingSystemFor(locale, options.numerals);
  const rules = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale, { numberingSystem });
  const format = (template: string, params?: Params) =>
    params
      ? template.replace(/\{(\w+)\}/g, (m, name: string) => {
          const value = params[name];
          if (value === undefined) return m;
          return typeof value === 'number' ? number.format(value) : value;
        })
      : template;
  const t = ((key: MessageKey, params?: Params) => format(messages[key] ?? en[key] ?? key, params)) as Translator;
  t.locale = locale;
  t.numberingSystem = numberingSystem;
  t.dir = directionOf(locale);
  t.plural = (key, count, params) => {
    const category = rules.select(count);
    const full = `${key}.${category}` as MessageKey;
    const template = messages[full] ?? en[full] ?? messages[`${key}.other` as MessageKey] ?? en[`${key}.other` as MessageKey];
    return format(template, { count, ...params });
  };
  // Where the engine has no date data for the locale (Chromium: Lao, Burmese, Khmer), dates are
  // assembled from the locale file's own words.
  t.dates = hasDateData(locale)
    ? { locale, numberingSystem }
    : {
        locale,
        numberingSystem,
        words: {
          months: t('date.months').split('|'),
          date: t('date.format'),
          dateTime: t('date.dateTime'),
          now: t('relative.now'),
          yesterday: t('relative.yesterday'),
          minutes: (n) => t.plural('relative.minutes', n),
          hours: (n) => t.plural('relative.hours', n),
          days: (n) => t.plural('relative.days', n),
        },
      };
  return t;
}

// Every locale file but English becomes its own chunk, fetched only when that language is chosen.
const loaders = import.meta.glob<{ default: Partial<Messages> }>([
  '../locales/*.json',
  '!../locales/en.json',
]);

/** The UI strings of a shipped locale (`lo` → src/locales/lo.json), English for any other. */
export async function loadMessages(locale: string): Promise<Partial<Messages>> {
  const load = loaders[`../locales/${locale}.json`];
  return load ? (await load()).default : en;
}

/**
 * `lang` and `dir` for content written in another language than the UI (an Arabic story in an
 * English page, an English one in a Lao page); none when it is the UI's language, so the page
 * does not repeat what <html> already says.
 */
export function contentLanguage(
  language: string | undefined,
  t: Pick<Translator, 'locale'>,
): { lang?: string; dir?: 'ltr' | 'rtl' } {
  if (!language || language.toLowerCase() === t.locale.toLowerCase()) return {};
  return { lang: language, dir: directionOf(language) };
}

/**
 * For UI words inside such content (a date, "By …", "1 min read" in an Arabic story on an English
 * page): the UI's own `lang` and `dir`, so they are spoken and ordered as UI text ("1 min read",
 * not "min read 1"). Put it on an inline element: the line keeps the content's alignment.
 */
export function uiLanguage(
  language: string | undefined,
  t: Pick<Translator, 'locale' | 'dir'>,
): { lang?: string; dir?: 'ltr' | 'rtl' } {
  if (!language || language.toLowerCase() === t.locale.toLowerCase()) return {};
  return { lang: t.locale, dir: t.dir };
}

export const I18nContext = createContext<Translator>(createTranslator('en'));

/** The UI translator for the current locale. */
export function useT(): Translator {
  return use(I18nContext);
}
