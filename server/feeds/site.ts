/*
 * What every feed and sitemap needs to know about the site, and the paths the server publishes
 * them under. The paths live here, not in the server's router, so a document that links to
 * another (robots.txt to the sitemaps, the RSS channel to itself) can never disagree with the
 * route that answers it.
 */
import type { ArticleSummary } from '../../src/types/article.ts';
import { safeHttpUrl } from '../../src/sources/normalize.ts';

export interface FeedSite {
  siteName: string;
  description: string;
  /** BCP 47, e.g. "lo": the site's language, for articles that name none. */
  language: string;
  /** Public origin and base, ending in "/", e.g. "https://news.example.org/" or "https://example.org/news/". */
  origin: string;
  /** Absolute URL of the article's page on this site (the server knows its routes; we do not). */
  articleUrl: (a: ArticleSummary) => string;
  /** A square icon (JSON Feed asks for 512 × 512), absolute or relative to `origin`. */
  iconUrl?: string;
}

/**
 * Where the server answers each document. Written from the root; {@link siteHref} puts them
 * under the site's base, so a site served from /news/ publishes /news/feed.json.
 */
export const FEED_PATHS = {
  jsonFeed: '/feed.json',
  rss: '/rss.xml',
  sitemap: '/sitemap.xml',
  sitemapPage: (n: number) => `/sitemaps/${n}.xml`,
  newsSitemap: '/news-sitemap.xml',
  robots: '/robots.txt',
} as const;

/** Absolute URL of one of our paths (`/feed.json`) under the site's origin and base. */
export function siteHref(site: FeedSite, path: string): string {
  return new URL(path.replace(/^\/+/, ''), siteBase(site)).href;
}

/**
 * The origin and base as a URL that ends in "/". Relative paths resolve against it; without the
 * slash, `https://example.org/news` would put the feeds at the host's root.
 */
export function siteBase(site: FeedSite): string {
  return site.origin.endsWith('/') ? site.origin : `${site.origin}/`;
}

/**
 * The article's page on this site, absolute and percent-encoded (sitemaps require RFC 3986
 * URLs, and a Lao slug arrives unencoded), or undefined when the injected function gives
 * something that is not an http(s) URL: a bad entry is left out rather than published.
 */
export function articleHref(site: FeedSite, a: ArticleSummary): string | undefined {
  return safeHttpUrl(site.articleUrl(a), siteBase(site));
}

/** An http(s) URL from the data (publisher's page, image), absolute, or undefined. */
export function httpUrl(value: string | undefined, site: FeedSite): string | undefined {
  return safeHttpUrl(value, siteBase(site));
}

/** How many articles a feed carries unless the server asks otherwise. */
export const DEFAULT_FEED_LIMIT = 50;

/** The first `limit` articles; a limit that is not a whole number of at least 0 is a caller's bug. */
export function feedArticles<T>(articles: readonly T[], limit: number): readonly T[] {
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`feed limit must be a whole number ≥ 0, got ${limit}`);
  return articles.slice(0, limit);
}
