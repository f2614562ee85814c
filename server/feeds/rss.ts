/*
 * The site's articles as RSS 2.0 (https://www.rssboard.org/rss-specification), for the
 * aggregators and newsroom tools that read nothing else. Names with `dc:` (Dublin Core) carry
 * the byline, one element per name; `media:content` (Media RSS) the image, because an
 * `enclosure` must state its length in bytes and we do not know it.
 */
import type { ArticleSummary } from '../../src/types/article.ts';
import { clip, escapeHtml } from '../../src/lib/text.ts';
import { lastChange, rfc822, timeOf } from './dates.ts';
import {
  DEFAULT_FEED_LIMIT,
  FEED_PATHS,
  articleHref,
  feedArticles,
  httpUrl,
  siteHref,
  type FeedSite,
} from './site.ts';
import { articleTags, bylineNames, feedLine } from './text.ts';
import { XML_DECLARATION, element, emptyElement, textElement } from './xml.ts';

/** Characters of body text an item's description shows when the article has no standfirst. */
export const RSS_SNIPPET_CHARS = 300;

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  svg: 'image/svg+xml',
};

/** The image's MIME type from its file extension, or undefined (the attribute is then left out). */
export function imageType(url: string): string | undefined {
  const path = new URL(url).pathname;
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? IMAGE_TYPES[path.slice(dot + 1).toLowerCase()] : undefined;
}

/**
 * The item's description as RSS has it: HTML, entity-encoded in the XML. Our text is escaped
 * as HTML first, so a headline about `<script>` is shown as those characters, not run or
 * stripped as a tag by the aggregator.
 */
function description(a: ArticleSummary): string | undefined {
  // A slice first: the snippet must not cost a pass over a megabyte body.
  const text = feedLine(a.standfirst) ?? feedLine(a.bodyText.slice(0, RSS_SNIPPET_CHARS * 4));
  return text && escapeHtml(clip(text, RSS_SNIPPET_CHARS));
}

function media(a: ArticleSummary, site: FeedSite): string {
  const url = a.image && httpUrl(a.image.url, site);
  if (!a.image || !url) return '';
  const { width, height } = a.image;
  const text = feedLine(a.image.caption) ?? feedLine(a.image.alt);
  return element(
    'media:content',
    [
      textElement('media:description', text, { type: 'plain' }),
      textElement('media:credit', feedLine(a.image.credit)),
    ],
    {
      url,
      medium: 'image',
      type: imageType(url),
      width: width !== undefined && Number.isInteger(width) && width > 0 ? width : undefined,
      height: height !== undefined && Number.isInteger(height) && height > 0 ? height : undefined,
    },
  );
}

function item(a: ArticleSummary, site: FeedSite): string {
  const link = articleHref(site, a);
  return element('item', [
    textElement('title', feedLine(a.headline)),
    textElement('link', link),
    // Our page's address is the guid readers key on; without one, the id, which is not a link.
    link
      ? textElement('guid', link, { isPermaLink: 'true' })
      : textElement('guid', a.id, { isPermaLink: 'false' }),
    textElement('pubDate', rfc822(timeOf(a.datePublished))),
    ...bylineNames(a).map((name) => textElement('dc:creator', name)),
    ...articleTags(a).map((name) => textElement('category', name)),
    textElement('description', description(a)),
    media(a, site),
  ]);
}

/**
 * The newest `limit` articles as an RSS 2.0 document, for the server to serve at
 * {@link FEED_PATHS.rss} as `application/rss+xml; charset=utf-8`. `lastBuildDate` is the latest
 * change among the items (not the clock), so the document depends on its input alone.
 */
export function rss(
  articles: readonly ArticleSummary[],
  site: FeedSite,
  { limit = DEFAULT_FEED_LIMIT }: { limit?: number } = {},
): string {
  const items = feedArticles(articles, limit);
  const home = siteHref(site, '/');
  const title = feedLine(site.siteName) ?? '';
  const icon = httpUrl(site.iconUrl, site);
  const channel = element('channel', [
    textElement('title', title),
    textElement('link', home),
    // Required by RSS 2.0 and refused empty by validators: the site's name stands in.
    textElement('description', feedLine(site.description) ?? title),
    textElement('language', feedLine(site.language)?.toLowerCase()),
    textElement('lastBuildDate', rfc822(lastChange(items))),
    emptyElement('atom:link', {
      href: siteHref(site, FEED_PATHS.rss),
      rel: 'self',
      type: 'application/rss+xml',
    }),
    // The channel image's title and link must be the channel's own (RSS 2.0).
    icon
      ? element('image', [textElement('url', icon), textElement('title', title), textElement('link', home)])
      : '',
    ...items.map((a) => item(a, site)),
  ]);
  const rssElement = element('rss', [channel], {
    version: '2.0',
    'xmlns:atom': 'http://www.w3.org/2005/Atom',
    'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
    'xmlns:media': 'http://search.yahoo.com/mrss/',
  });
  return `${XML_DECLARATION}\n${rssElement}\n`;
}
