/*
 * Sitemaps (https://www.sitemaps.org/protocol.html) for sites of any size: an index at
 * FEED_PATHS.sitemap naming pages of at most SITEMAP_CHUNK_SIZE article URLs each. The protocol
 * allows 50,000 URLs and 50 MB a file; 10,000 URLs of at most 2,048 characters stay far below
 * both, and a page is quick to render on a request.
 */
import type { ArticleSummary } from '../../src/types/article.ts';
import { changedAt, lastChange, rfc3339, timeOf } from './dates.ts';
import { FEED_PATHS, articleHref, siteHref, type FeedSite } from './site.ts';
import { XML_DECLARATION, element, textElement } from './xml.ts';

export const SITEMAP_CHUNK_SIZE = 10_000;
/** The protocol's limits: URLs a sitemap may list, sitemaps an index may name, a URL's length. */
export const SITEMAP_MAX_URLS = 50_000;
export const SITEMAP_MAX_URL_LENGTH = 2_048;

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/**
 * The articles (newest first, as merged) in pages of `size`, counted from the OLDEST: page 1 is
 * the first `size` articles ever published, and only the last page grows. A new article then
 * changes one page and its `lastmod` in the index, and crawlers leave the others alone; pages
 * counted from the newest would all shift by one with every article. Each page keeps the input's
 * order. Always at least one page, so the home page has a sitemap to be in.
 */
export function chunkArticles<T>(articles: readonly T[], size: number = SITEMAP_CHUNK_SIZE): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a whole number ≥ 1, got ${size}`);
  const n = articles.length;
  const pages: T[][] = [];
  for (let end = n; end > 0; end -= size) pages.push(articles.slice(Math.max(0, end - size), end));
  return pages.length ? pages : [[]];
}

/** The date for the index's `lastmod` of a page: its latest change, as an ISO string, or undefined. */
export function chunkLastmod(chunk: readonly ArticleSummary[]): string | undefined {
  return rfc3339(lastChange(chunk));
}

/**
 * The index at {@link FEED_PATHS.sitemap}: `/sitemaps/1.xml` … `/sitemaps/{pageCount}.xml`, each
 * with its `lastmod` (an ISO date, e.g. from {@link chunkLastmod}) when there is one.
 */
export function sitemapIndex(
  site: FeedSite,
  pageCount: number,
  lastmods: readonly (string | undefined)[] = [],
): string {
  if (!Number.isInteger(pageCount) || pageCount < 0 || pageCount > SITEMAP_MAX_URLS) {
    throw new RangeError(`a sitemap index names 0 to ${SITEMAP_MAX_URLS} sitemaps, got ${pageCount}`);
  }
  const entries = Array.from({ length: pageCount }, (_, i) =>
    element('sitemap', [
      textElement('loc', siteHref(site, FEED_PATHS.sitemapPage(i + 1))),
      textElement('lastmod', rfc3339(timeOf(lastmods[i]))),
    ]),
  );
  return `${XML_DECLARATION}\n${element('sitemapindex', entries, { xmlns: SITEMAP_NS })}\n`;
}

function urlEntry(loc: string | undefined, lastmod: number | undefined): string {
  if (!loc || loc.length > SITEMAP_MAX_URL_LENGTH) return ''; // the protocol refuses longer ones
  return element('url', [textElement('loc', loc), textElement('lastmod', rfc3339(lastmod))]);
}

/**
 * One page of the sitemap, at {@link FEED_PATHS.sitemapPage}(`page`): the articles of one chunk
 * with `lastmod` from dateModified, else datePublished. Page 1 also lists the home page, without
 * a `lastmod`: its date would change with every new article and make the oldest page look new.
 * An article whose URL is not http(s) or is longer than the protocol allows is left out.
 */
export function sitemapPage(chunk: readonly ArticleSummary[], site: FeedSite, page: number): string {
  if (chunk.length >= SITEMAP_MAX_URLS) {
    throw new RangeError(`a sitemap lists at most ${SITEMAP_MAX_URLS} URLs; chunk with chunkArticles()`);
  }
  const urls = chunk.map((a) => urlEntry(articleHref(site, a), changedAt(a)));
  if (page === 1) urls.unshift(urlEntry(siteHref(site, '/'), undefined));
  return `${XML_DECLARATION}\n${element('urlset', urls, { xmlns: SITEMAP_NS })}\n`;
}
