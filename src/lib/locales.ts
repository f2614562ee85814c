/** What the reader needs to know about a UI language it ships. */
export interface UiLocaleInfo {
  /** The language's name in itself (an endonym), shown in the language switcher. */
  name: string;
  /** A short form for the header's switcher: the code in Latin scripts, the name itself in short scripts. */
  short: string;
  /** Intl numbering system of the script's own digits, used when config.json asks for `"numerals": "native"`. */
  nativeDigits?: string;
}

/**
 * The UI languages this build ships, in switcher order. Adding one is this one line plus
 * `src/locales/<code>.json` with every key of en.json (a unit test checks). Files other than
 * en.json are loaded on demand, so a language costs the first screen nothing.
 */
export const UI_LOCALES = {
  en: { name: 'English', short: 'EN' },
  lo: { name: 'ລາວ', short: 'ລາວ', nativeDigits: 'laoo' },
  th: { name: 'ไทย', short: 'ไทย', nativeDigits: 'thai' },
  fr: { name: 'Français', short: 'FR' },
  ar: { name: 'العربية', short: 'عربي', nativeDigits: 'arab' },
} as const satisfies Record<string, UiLocaleInfo>;

export type UiLocale = keyof typeof UI_LOCALES;

export const UI_LOCALE_CODES = Object.keys(UI_LOCALES) as UiLocale[];

/** The shipped UI language for a BCP 47 tag (`lo-LA` → `lo`), or undefined. */
export function matchUiLocale(tag: string | null | undefined): UiLocale | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  const exact = UI_LOCALE_CODES.find((c) => c === lower);
  if (exact) return exact;
  const language = lower.split(/[-_]/)[0];
  return UI_LOCALE_CODES.find((c) => c === language);
}

/**
 * Which UI language to start in: the reader's saved choice, else the site's configured locale,
 * else (when config.json names none) the first of the browser's languages we ship, else English.
 */
export function resolveUiLocale(opts: {
  saved?: string | null;
  configured?: string;
  detect?: boolean;
  browser?: readonly string[];
}): UiLocale {
  const saved = matchUiLocale(opts.saved);
  if (saved) return saved;
  if (!opts.detect) return matchUiLocale(opts.configured) ?? 'en';
  for (const tag of opts.browser ?? []) {
    const m = matchUiLocale(tag);
    if (m) return m;
  }
  return matchUiLocale(opts.configured) ?? 'en';
}

/**
 * The Intl numbering system for a `numerals` setting: `native` gives the script's own digits
 * (`laoo` for Lao, `thai` for Thai, `arab` for Arabic), `latin` gives 0-9, unset leaves the
 * locale's default. Passed as the `numberingSystem` option, which engines honour even for a
 * locale whose other data they lack (a `-u-nu-` tag extension is dropped along with the locale).
 */
export function numberingSystemFor(locale: string, numerals?: 'native' | 'latin'): string | undefined {
  if (numerals === 'latin') return 'latn';
  const ui = matchUiLocale(locale);
  return numerals === 'native' && ui ? (UI_LOCALES[ui] as UiLocaleInfo).nativeDigits : undefined;
}
