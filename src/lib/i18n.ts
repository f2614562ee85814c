import { createContext, use } from 'react';
import en from '../locales/en.json';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
type Params = Record<string, string | number>;

/** Plural-aware keys: `results` resolves to `results.one`, `results.other`, … through Intl.PluralRules. */
type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

export interface Translator {
  locale: string;
  (key: MessageKey, params?: Params): string;
  plural(key: PluralBase, count: number, params?: Params): string;
}

/** Build a translator for a locale's messages; missing keys fall back to English. */
export function createTranslator(locale: string, messages: Partial<Messages> = en): Translator {
  const rules = new Intl.PluralRules(locale);
  const number = new Intl.NumberFormat(locale);
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
  t.plural = (key, count, params) => {
    const category = rules.select(count);
    const full = `${key}.${category}` as MessageKey;
    const template = messages[full] ?? en[full] ?? messages[`${key}.other` as MessageKey] ?? en[`${key}.other` as MessageKey];
    return format(template, { count, ...params });
  };
  return t;
}

export const I18nContext = createContext<Translator>(createTranslator('en'));

/** The UI translator for the current locale. */
export function useT(): Translator {
  return use(I18nContext);
}
