/**
 * Dates through Intl in the UI locale. Unparseable or missing dates give undefined, so no
 * component ever prints "Invalid Date".
 *
 * Browsers do not all carry every locale's date data: Chromium ships none for Lao, Burmese or
 * Khmer and silently formats them in English. For such a locale the caller passes `words` (the
 * month names and relative-time phrases from its locale file) and we assemble the date from
 * them; digits still come from Intl, in the requested numbering system (Lao ໐-໙, Thai ๐-๙).
 */

/** Date vocabulary of a locale, from its locale file, for engines without that locale's data. */
export interface DateWords {
  /** January … December. */
  months: readonly string[];
  /** The date, e.g. "{day} {month} {year}". */
  date: string;
  /** Date and time, e.g. "{date}, {time}". */
  dateTime: string;
  now: string;
  yesterday: string;
  minutes: (n: number) => string;
  hours: (n: number) => string;
  days: (n: number) => string;
}

/** How to write dates: a BCP 47 tag, or a tag with a numbering system and fallback words. */
export type DateLocale = string | { locale: string; numberingSystem?: string; words?: DateWords };

const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

function parts(loc: DateLocale) {
  return typeof loc === 'string' ? { locale: loc, numberingSystem: undefined, words: undefined } : loc;
}

function dateFormat(loc: DateLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const { locale, numberingSystem } = parts(loc);
  return cached(
    `d|${locale}|${numberingSystem}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, { ...options, numberingSystem }),
  );
}

function relativeFormat(loc: DateLocale): Intl.RelativeTimeFormat {
  const { locale, numberingSystem } = parts(loc);
  // ECMA-402 allows numberingSystem here; TypeScript's lib does not list it yet.
  const options = { numeric: 'auto', numberingSystem } as Intl.RelativeTimeFormatOptions;
  return cached(`r|${locale}|${numberingSystem}`, () => new Intl.RelativeTimeFormat(locale, options));
}

/** Whole numbers in a numbering system, without grouping (years, days, clock times). */
function digits(n: number, numberingSystem: string | undefined, minimumIntegerDigits = 1): string {
  return cached(
    `n|${numberingSystem}|${minimumIntegerDigits}`,
    () => new Intl.NumberFormat('en', { numberingSystem, useGrouping: false, minimumIntegerDigits }),
  ).format(n);
}

/** True when this JavaScript engine has date data for the locale (else it would answer in another language). */
export function hasDateData(locale: string): boolean {
  try {
    return (
      Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 &&
      Intl.RelativeTimeFormat.supportedLocalesOf([locale]).length > 0
    );
  } catch {
    return false;
  }
}

function toDate(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function wordsDate(d: Date, words: DateWords, numberingSystem: string | undefined): string {
  return words.date
    .replace('{day}', digits(d.getDate(), numberingSystem))
    .replace('{month}', words.months[d.getMonth()] ?? '')
    .replace('{year}', digits(d.getFullYear(), numberingSystem));
}

/** "27 November 2026" (locale order and names). */
export function formatDate(iso: string | undefined, loc: DateLocale): string | undefined {
  const d = toDate(iso);
  if (!d) return undefined;
  const { words, numberingSystem } = parts(loc);
  return words
    ? wordsDate(d, words, numberingSystem)
    : dateFormat(loc, { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** "27 November 2026, 14:05" for article pages. */
export function formatDateTime(iso: string | undefined, loc: DateLocale): string | undefined {
  const d = toDate(iso);
  if (!d) return undefined;
  const { words, numberingSystem } = parts(loc);
  if (!words)
    return dateFormat(loc, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(d);
  const time = `${digits(d.getHours(), numberingSystem, 2)}:${digits(d.getMinutes(), numberingSystem, 2)}`;
  return words.dateTime.replace('{date}', wordsDate(d, words, numberingSystem)).replace('{time}', time);
}

/**
 * "3 hours ago" for the last week, then the absolute date. Future dates (clock skew, embargoed
 * items) are shown as absolute dates rather than "in 2 days".
 */
export function formatRelative(
  iso: string | undefined,
  loc: DateLocale,
  now = Date.now(),
): string | undefined {
  const d = toDate(iso);
  if (!d) return undefined;
  const seconds = (d.getTime() - now) / 1000;
  if (seconds > 60 || seconds < -7 * 86400) return formatDate(iso, loc);
  const abs = Math.abs(seconds);
  const { words } = parts(loc);
  if (words) {
    if (abs < 60) return words.now;
    if (abs < 3600) return words.minutes(Math.round(abs / 60));
    if (abs < 86400) return words.hours(Math.round(abs / 3600));
    const days = Math.round(abs / 86400);
    return days === 1 ? words.yesterday : words.days(days);
  }
  const rtf = relativeFormat(loc);
  if (abs < 60) return rtf.format(0, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86400), 'day');
}

/** "14:05" for a moment earlier today, else with the date: when cached articles were loaded. */
export function formatClockTime(ms: number, locale: string, now = Date.now()): string {
  const d = new Date(ms);
  const sameDay = new Date(now).toDateString() === d.toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' };
  return dateFormat(locale, options).format(d);
}
