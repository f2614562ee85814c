/*
 * robots.txt (RFC 9309). Crawlers read it only at the root of a host: for a site served under a
 * base path (https://example.org/news/) the server's answer at /news/robots.txt is ignored, and
 * the host's own robots.txt must carry these lines.
 */
import { FEED_PATHS, siteBase, siteHref, type FeedSite } from './site.ts';

/**
 * `User-agent: *`, `Disallow:` the search page (every query is a URL of its own, an endless
 * space of pages with nothing that is not on an article page; the page is also `noindex`), and
 * the two sitemaps. With `disallowSearch: false` crawlers may fetch the search page and so see its
 * `noindex`: a crawler that may not fetch a page never reads its noindex, and can still list the
 * bare URL when other sites link to it.
 */
export function robotsTxt(
  site: FeedSite,
  { disallowSearch = true }: { disallowSearch?: boolean } = {},
): string {
  const base = new URL(siteBase(site)).pathname; // "/" or "/news/"
  return [
    'User-agent: *',
    disallowSearch ? `Disallow: ${base}search` : 'Disallow:',
    '',
    `Sitemap: ${siteHref(site, FEED_PATHS.sitemap)}`,
    `Sitemap: ${siteHref(site, FEED_PATHS.newsSitemap)}`,
    '',
  ].join('\n');
}
