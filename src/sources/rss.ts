import type { SourceConfig } from '../types/config.ts';
import type { LoadOptions, SourceAdapter, SourceLoadResult } from './source-adapter.ts';
import { CAPABILITIES } from './capabilities.ts';
import { FeedError } from '../lib/errors.ts';
import { fetchBytes } from '../lib/fetch-bytes.ts';
import { byNewest, mergeDuplicates } from '../lib/article-order.ts';
import { loadJsonFeed } from './jsonfeed.ts';
import { parseJsonFeedInSlices } from './jsonfeed-parse.ts';
import { decodeFeedBytes } from './feed-encoding.ts';
import { looksLikeXml, parseXmlFeed, XmlFeedError } from './xml-feed.ts';

/*
 * RSS 2.0, RSS 1.0/RDF, RSS 0.9x and Atom as a live source (`"type": "rss"`, or a `jsonfeed`
 * source whose URL answers with XML). Downloaded only when a configuration has such a source: the
 * XML parser is no part of the first screen. The feed is read by the module `npm run archive`
 * uses too (xml-feed.ts) into JSON Feed items, which the JSON Feed parser then validates, so an
 * RSS item becomes an article by exactly the rules a JSON Feed item does.
 */

/**
 * Feeds first; JSON Feed too (read as such below). The service worker's data route keeps the
 * reader's data requests, which it knows by "json" in their Accept header (build/pwa.ts): this is
 * how an RSS source is read offline like any other.
 */
const ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/feed+json;q=0.8, application/json;q=0.5';

/**
 * Load an RSS or Atom feed. Throws FeedError('shape') with line and column when it is not a
 * well-formed feed, or `notJson` when given: a JSON Feed source whose answer was not JSON is tried
 * here (registry.ts), and when it is no feed either, the JSON Feed's error is the one to show.
 */
export async function loadRss(source: SourceConfig, { signal, timeoutMs }: LoadOptions = {}, notJson?: FeedError): Promise<SourceLoadResult> {
  const { bytes, response } = await fetchBytes(source.url, ACCEPT, { signal, timeoutMs });
  const feedUrl = response.url || source.url;
  const decoded = decodeFeedBytes(bytes, response.headers.get('content-type'));
  if (!looksLikeXml(decoded.text)) {
    // An "rss" source that answers with a JSON Feed (a CMS that moved on) is read as one.
    const result = await loadJsonFeed({ ...source, url: feedUrl, maxPages: 1 }, { signal, timeoutMs }).catch(() => undefined);
    if (result) return result;
  }
  let feed;
  try {
    feed = parseXmlFeed(bytes, feedUrl, new URL(source.url).pathname.split('/').pop() || source.url, response.headers.get('content-type'));
  } catch (error) {
    if (!(error instanceof XmlFeedError)) throw error;
    throw notJson ?? new FeedError('shape', source.url, error.message, undefined, { cause: error });
  }
  for (const warning of feed.warnings) console.warn(`[news] ${warning}`);
  const page = await parseJsonFeedInSlices(
    { title: feed.title, language: feed.language, items: feed.items.map((i) => i.item) },
    feedUrl,
    source,
    signal,
  );
  const { articles, duplicates } = mergeDuplicates(page.articles);
  articles.sort(byNewest);
  if (page.skipped > 0 || duplicates > 0) {
    console.warn(`[news] ${source.url}: ${page.skipped} invalid item(s) skipped, ${duplicates} duplicate id(s) merged`);
  }
  return { sourceId: source.id, title: page.title, articles, skipped: page.skipped, duplicates, pages: 1 };
}

/** RSS and Atom feeds: one document, searched and filtered in the reader like a JSON Feed. */
export const rssAdapter: SourceAdapter = {
  type: 'rss',
  capabilities: CAPABILITIES.rss,
  loadList: loadRss,
  listUrl: (source) => source.url,
};
