import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import { createTranslator, loadMessages, type Messages } from './i18n.ts';
import { numberingSystemFor, resolveUiLocale, UI_LOCALE_CODES } from './locales.ts';
import { directionOf } from './direction.ts';
import { formatDate, formatDateTime, formatRelative } from './format.ts';

const files = import.meta.glob<{ default: Record<string, string> }>('../locales/*.json', { eager: true });
const byCode = new Map(
  Object.entries(files).map(([path, mod]) => [/([\w-]+)\.json$/.exec(path)?.[1] ?? path, mod.default]),
);
const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const pluralBases = new Set(
  Object.keys(en)
    .filter((k) => k.endsWith('.other'))
    .map((k) => k.slice(0, -'.other'.length)),
);
const isPluralKey = (k: string) => pluralBases.has(k.slice(0, k.lastIndexOf('.')));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** What a locale file must contain: every plain key of en.json, and each plural key in every category the language has. */
function requiredKeys(locale: string): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  return [
    ...Object.keys(en).filter((k) => !isPluralKey(k)),
    ...[...pluralBases].flatMap((base) => categories.map((c) => `${base}.${c}`)),
  ];
}

describe('locale files', () => {
  it('ships a file for every UI locale, and a UI locale for every file', () => {
    expect([...byCode.keys()].sort()).toEqual([...UI_LOCALE_CODES].sort());
  });

  for (const code of UI_LOCALE_CODES) {
    describe(code, () => {
      const messages = byCode.get(code) ?? {};
      it('has every key of en.json (plural keys in each of its plural categories)', () => {
        const missing = requiredKeys(code).filter(
          (k) => typeof messages[k] !== 'string' || messages[k].trim() === '',
        );
        expect(missing, `${code}.json is missing keys`).toEqual([]);
      });
      it('has no key that en.json does not know', () => {
        const known = (k: string) =>
          k in en ||
          (pluralBases.has(k.slice(0, k.lastIndexOf('.'))) &&
            CATEGORIES.includes(k.slice(k.lastIndexOf('.') + 1)));
        expect(Object.keys(messages).filter((k) => !known(k))).toEqual([]);
      });
      it('keeps the placeholders of the English text', () => {
        const wrong = Object.entries(messages)
          .filter(([k]) => !isPluralKey(k))
          .filter(([k, v]) => placeholders(v).join() !== placeholders(en[k as keyof typeof en]).join())
          .map(([k]) => k);
        expect(wrong).toEqual([]);
      });
      it('loads on demand through loadMessages', async () => {
        const loaded = await loadMessages(code);
        expect(loaded.search).toBe(messages.search);
      });
    });
  }
});

describe('plurals per locale', () => {
  const t = (code: string) => createTranslator(code, (byCode.get(code) ?? {}) as Partial<Messages>);
  it('English: one and other', () => {
    expect(t('en').plural('results', 1)).toBe('1 result');
    expect(t('en').plural('results', 2)).toBe('2 results');
  });
  it('French: 0 and 1 are singular, a million takes "de"', () => {
    expect(t('fr').plural('results', 0)).toBe('0 résultat');
    expect(t('fr').plural('results', 1)).toBe('1 résultat');
    expect(t('fr').plural('results', 2)).toBe('2 résultats');
    expect(t('fr').plural('results', 1_000_000)).toBe('1\u202f000\u202f000 de résultats');
  });
  it('Arabic: six forms', () => {
    const ar = t('ar');
    expect(ar.plural('results', 0)).toBe('لا نتائج');
    expect(ar.plural('results', 1)).toBe('نتيجة واحدة');
    expect(ar.plural('results', 2)).toBe('نتيجتان');
    expect(ar.plural('results', 3)).toMatch(/نتائج$/);
    expect(ar.plural('results', 11)).toMatch(/نتيجة$/);
  });
  it('Lao and Thai: one form, numbers in the locale', () => {
    expect(t('lo').plural('readingTime', 1)).toBe('ອ່ານ 1 ນາທີ');
    expect(t('th').plural('readingTime', 12)).toBe('อ่าน 12 นาที');
  });
  it('native digits through the numbering system', () => {
    const lo = createTranslator('lo', byCode.get('lo') as Partial<Messages>, { numerals: 'native' });
    expect(lo.numberingSystem).toBe('laoo');
    expect(lo.plural('readingTime', 12)).toBe('ອ່ານ ໑໒ ນາທີ');
    const th = createTranslator('th', byCode.get('th') as Partial<Messages>, { numerals: 'native' });
    expect(th.plural('results', 305)).toBe('๓๐๕ รายการ');
    // English has no digits of its own: "native" changes nothing; "latin" forces 0-9.
    expect(numberingSystemFor('en', 'native')).toBeUndefined();
    expect(numberingSystemFor('ar', 'latin')).toBe('latn');
  });
});

describe('dates per locale', () => {
  const iso = '2026-11-27T09:00:00+07:00';
  const now = Date.parse('2026-11-27T12:00:00+07:00');
  const dates = (code: string, numerals?: 'native') =>
    createTranslator(code, (byCode.get(code) ?? {}) as Partial<Messages>, { numerals }).dates;
  it('writes month names and order of each language', () => {
    expect(formatDate(iso, dates('en'))).toBe('November 27, 2026');
    expect(formatDate(iso, dates('fr'))).toBe('27 novembre 2026');
    expect(formatDate(iso, dates('lo'))).toBe('27 ພະຈິກ 2026');
    // Thai dates use the Buddhist era, as Thai newspapers do.
    expect(formatDate(iso, dates('th'))).toBe('27 พฤศจิกายน 2569');
    expect(formatDate(iso, dates('ar'))).toMatch(/نوفمبر/);
  });
  it('native digits in dates and relative times', () => {
    expect(formatDate(iso, dates('lo', 'native'))).toBe('໒໗ ພະຈິກ ໒໐໒໖');
    expect(formatDate(iso, dates('th', 'native'))).toBe('๒๗ พฤศจิกายน ๒๕๖๙');
    expect(formatRelative(iso, dates('lo', 'native'), now)).toBe('໓ ຊົ່ວໂມງກ່ອນ');
    expect(formatRelative(iso, dates('fr'), now)).toBe('il y a 3 heures');
  });
  it("falls back to the locale file's words where the engine has no date data for the locale", () => {
    // Chromium ships no Lao date data (Intl answers in English); the words come from lo.json.
    const lo = {
      locale: 'lo',
      numberingSystem: 'laoo',
      words: {
        months: (byCode.get('lo')?.['date.months'] ?? '').split('|'),
        date: '{day} {month} {year}',
        dateTime: '{date}, {time}',
        now: 'ຫາກໍ່ນີ້',
        yesterday: 'ມື້ວານນີ້',
        minutes: (n: number) => `${n} ນາທີກ່ອນ`,
        hours: (n: number) => `${n} ຊົ່ວໂມງກ່ອນ`,
        days: (n: number) => `${n} ມື້ກ່ອນ`,
      },
    };
    expect(formatDate(iso, lo)).toBe('໒໗ ພະຈິກ ໒໐໒໖');
    expect(formatDateTime(iso, lo)).toMatch(/^໒໗ ພະຈິກ ໒໐໒໖, [໐-໙]{2}:[໐-໙]{2}$/);
    expect(formatRelative('2026-11-26T11:00:00+07:00', lo, now)).toBe('ມື້ວານນີ້');
    expect(formatRelative(iso, lo, now)).toBe('3 ຊົ່ວໂມງກ່ອນ');
  });
});

describe('choosing the UI language', () => {
  it("the reader's saved choice wins", () => {
    expect(resolveUiLocale({ saved: 'lo', configured: 'en', browser: ['fr-FR'] })).toBe('lo');
  });
  it('then the site configuration', () => {
    expect(resolveUiLocale({ saved: null, configured: 'th', browser: ['fr-FR'] })).toBe('th');
    expect(resolveUiLocale({ saved: 'xx', configured: 'lo-LA' })).toBe('lo');
  });
  it('then the browser, when config.json names no locale', () => {
    expect(resolveUiLocale({ configured: 'en', detect: true, browser: ['de-DE', 'fr-CA', 'en'] })).toBe('fr');
    expect(resolveUiLocale({ configured: 'en', detect: true, browser: ['de-DE'] })).toBe('en');
  });
});

describe('direction', () => {
  it('knows right-to-left languages and scripts', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('fa-IR')).toBe('rtl');
    expect(directionOf('ur')).toBe('rtl');
    expect(directionOf('az-Arab')).toBe('rtl');
    expect(directionOf('lo')).toBe('ltr');
    expect(directionOf('en')).toBe('ltr');
    expect(directionOf(undefined)).toBe('ltr');
    expect(createTranslator('ar').dir).toBe('rtl');
  });
});
