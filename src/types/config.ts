/** The source formats the reader can read; each has an adapter in src/sources. */
export type SourceType = 'jsonfeed' | 'rss' | 'wordpress' | 'archive';

/** A configured article source. `type` picks the adapter in src/sources. */
export interface SourceConfig {
  id: string;
  /** Shown as the article's source when the feed itself names none. */
  name: string;
  type: SourceType;
  /**
   * Absolute URL, resolved against config.json's own URL at load time: the feed (jsonfeed, rss), the
   * site's home (wordpress) or the archive's manifest.json (archive).
   */
  url: string;
  /** How many pages to follow at most (`next_url` for JSON Feed, `page=` for WordPress). */
  maxPages: number;
  /** WordPress: posts per request (`per_page`, at most 100). */
  perPage?: number;
  /** WordPress: `plain` when the site has no pretty permalinks, so the API is at `?rest_route=`. */
  permalinks?: 'pretty' | 'plain';
  /**
   * BCP 47 language of this source's articles that name none themselves (WordPress posts never
   * do): their `lang` attribute, and the word forms search matches in them.
   */
  language?: string;
  /**
   * Prefixed to this source's article ids so they stay unique across sources. Empty for the first
   * source, so its article URLs do not change when a second source is added.
   */
  idPrefix?: string;
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
