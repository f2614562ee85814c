/**
 * Dates through Intl in the UI locale. Unparseable or missing dates give undefined, so no
 * component ever prints "Invalid Date".
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  const key = `r|${locale}`;
  let f = cache.get(key) as Intl.RelativeTimeFormat | undefined;
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    cache.set(key, f);
  }
  return f;
}

function toDate(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** "27 November 2026" (locale order and names). */
export function formatDate(iso: string | undefined, locale: string): string | undefined {
  const d = toDate(iso);
  return d && dateFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** "27 November 2026, 14:05" for article pages. */
export function formatDateTime(iso: string | undefined, locale: string): string | undefined {
  const d = toDate(iso);
  return d && dateFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
}

/**
 * "3 hours ago" for the last week, then the absolute date. Future dates (clock skew, embargoed
 * items) are shown as absolute dates rather than "in 2 days".
 */
export function formatRelative(iso: string | undefined, locale: string, now = Date.now()): string | undefined {
  const d = toDate(iso);
  if (!d) return undefined;
  const seconds = (d.getTime() - now) / 1000;
  if (seconds > 60 || seconds < -7 * 86400) return formatDate(iso, locale);
  const rtf = relativeFormat(locale);
  const abs = Math.abs(seconds);
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
