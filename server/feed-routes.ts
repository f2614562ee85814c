/*
 * What aggregators and crawlers read: the merged sources as JSON Feed and RSS, sitemaps (an
 * index of pages of URLs, for sites with many articles), a Google News sitemap of the last 48
 * hours and robots.txt naming them. The documents come from server/feeds/; here they are
 * routed and fed with the live articles (cached like pages by the caller).
 */
import type * as Entry from '../src/entry-server.tsx';
import { encoded, PageUnavailable, type PageResponse } from './pages.ts';
import type { SiteView } from './site.ts';
import { jsonFeed } from './feeds/json-feed.ts';
import { googleNewsSitemap } from './feeds/news-sitemap.ts';
import { robotsTxt } from './feeds/robots.ts';
import { rss } from './feeds/rss.ts';
import { FEED_PATHS, type FeedSite } from './feeds/site.ts';
import { chunkArticles, chunkLastmod, SITEMAP_CHUNK_SIZE, sitemapIndex, sitemapPage } from './feeds/sitemap.ts';

const SITEMAP_PAGE = /^\/sitemaps\/(\d{1,6})\.xml$/;

export function isFeedPath(path: string): boolean {
  return (
    path === FEED_PATHS.jsonFeed ||
    path === FEED_PATHS.rss ||
    path === FEED_PATHS.sitemap ||
    path === FEED_PATHS.newsSitemap ||
    path === FEED_PATHS.robots ||
    SITEMAP_PAGE.test(path)
  );
}

function feedSite(view: SiteView, entry: typeof Entry): FeedSite {
  const origin = `${view.origin}/`;
  return {
    siteName: view.config.siteName,
    description: view.config.description,
    language: view.config.locale,
    origin,
    articleUrl: (a) => new URL(entry.articlePath(a).slice(1), origin).href,
    iconUrl: new URL('icons/icon-192.png', origin).href,
  };
}

const XML = 'application/xml; charset=utf-8';

export async function feedDocument(path: string, view: SiteView, entry: typeof Entry, loadList: Entry.ListLoader): Promise<PageResponse> {
  const site = feedSite(view, entry);
  if (path === FEED_PATHS.robots) return encoded(200, 'text/plain; charset=utf-8', robotsTxt(site));
  const { articles, failures } = await entry.loadSiteArticles(view.config, loadList);
  // Every source failed: an empty feed would tell aggregators the site has no news. Say it is
  // unavailable instead, so the last good copy is served (or the client tries again later).
  if (failures.length === view.config.sources.length) {
    throw new PageUnavailable(encoded(503, 'text/plain; charset=utf-8', 'The news sources cannot be reached; try again shortly.\n'));
  }
  if (path === FEED_PATHS.jsonFeed) {
    return encoded(200, 'application/feed+json; charset=utf-8', JSON.stringify(jsonFeed(articles, site)));
  }
  if (path === FEED_PATHS.rss) return encoded(200, 'application/rss+xml; charset=utf-8', rss(articles, site));
  if (path === FEED_PATHS.newsSitemap) return encoded(200, XML, googleNewsSitemap(articles, site, new Date()));
  const chunks = chunkArticles(articles, SITEMAP_CHUNK_SIZE);
  if (path === FEED_PATHS.sitemap) {
    return encoded(200, XML, sitemapIndex(site, Math.max(1, chunks.length), chunks.map(chunkLastmod)));
  }
  const n = Number(SITEMAP_PAGE.exec(path)?.[1]);
  const chunk = n === 1 && chunks.length === 0 ? [] : chunks[n - 1];
  if (!chunk) return encoded(404, 'text/plain; charset=utf-8', 'No such sitemap\n');
  return encoded(200, XML, sitemapPage(chunk, site, n));
}
