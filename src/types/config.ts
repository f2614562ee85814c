/** A configured article source. `type` picks the adapter in src/sources. */
export interface SourceConfig {
  id: string;
  /** Shown as the article's source when the feed itself names none. */
  name: string;
  type: 'jsonfeed';
  /** Absolute URL, resolved against config.json's own URL at load time. */
  url: string;
  /** How many `next_url` pages to follow at most. */
  maxPages: number;
}

export interface AppConfig {
  siteName: string;
  /** Short description for the home page's meta description. */
  description: string;
  logo?: { url: string; alt: string; width: number; height: number };
  /** BCP 47 UI locale, e.g. "en" or "lo": the site's language, until the reader picks another. */
  locale: string;
  /** True when config.json names no locale: the reader's browser languages choose the UI language. */
  detectLocale: boolean;
  /** `native`: dates and numbers in the script's own digits (Lao ໐-໙, Thai ๐-๙); `latin`: 0-9; unset: the locale's usual digits. */
  numerals?: 'native' | 'latin';
  /** The public address of the site, ending in "/": makes prerendered share links and canonical URLs absolute. */
  siteUrl?: string;
  sources: SourceConfig[];
  recentNewsCount: number;
  pageSize: number;
  /** The footer's attribution line, e.g. "© 2026 Lao News Agency. All rights reserved." */
  attribution: string;
  requestTimeoutMs: number;
}
