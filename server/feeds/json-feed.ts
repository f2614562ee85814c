/*
 * The site's articles as a JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), with the
 * `_news` item extension this reader itself reads (docs/sources.md): another agency running the
 * reader can take our feed as a source and lose nothing, and every other JSON Feed reader
 * ignores the extension, as the spec asks of it.
 *
 * Only `content_text`, never `content_html`: the domain's HTML body is unsanitized
 * (`untrustedBodyHtml`), and text needs no sanitizing on anyone's side.
 */
import type { ArticleImage, ArticleSummary } from '../../src/types/article.ts';
import { rfc3339, timeOf } from './dates.ts';
import {
  DEFAULT_FEED_LIMIT,
  FEED_PATHS,
  articleHref,
  feedArticles,
  httpUrl,
  siteHref,
  type FeedSite,
} from './site.ts';
import { articleTags, bylineNames, feedLine, feedText } from './text.ts';

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export interface JsonFeedAuthor {
  name: string;
}

/** The `_news` extension, in the shape src/sources/jsonfeed.ts reads. */
export interface JsonFeedNews {
  category?: string;
  dateline?: string;
  source?: string;
  image?: {
    url: string;
    thumb?: string;
    alt?: string;
    caption?: string;
    credit?: string;
    width?: number;
    height?: number;
    srcset?: { url: string; width: number }[];
  };
}

export interface JsonFeedItem {
  id: string;
  url?: string;
  external_url?: string;
  title?: string;
  summary?: string;
  content_text: string;
  image?: string;
  banner_image?: string;
  date_published?: string;
  date_modified?: string;
  authors?: JsonFeedAuthor[];
  tags?: string[];
  language?: string;
  _news?: JsonFeedNews;
}

export interface JsonFeed {
  version: typeof JSON_FEED_VERSION;
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  language?: string;
  icon?: string;
  items: JsonFeedItem[];
}

/** The object without its undefined members, so `JSON.stringify` and deep equality agree. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A size the reader's schema accepts (a positive finite number), or nothing. */
function size(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) && n >= 1 ? n : undefined;
}

/**
 * The body's paragraphs with a blank line between them. `bodyText` ends each block with a single
 * line break; in `content_text` a single break is a soft one (our own reader joins such lines into
 * one paragraph, as readers of newswire copy must), so paragraphs would run together.
 */
function contentText(bodyText: string): string {
  return feedText(bodyText)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n\n');
}

function newsImage(image: ArticleImage, site: FeedSite): JsonFeedNews['image'] {
  const url = httpUrl(image.url, site);
  if (!url) return undefined;
  const srcset = image.renditions?.flatMap((r) => {
    const rUrl = httpUrl(r.url, site);
    return rUrl && Number.isInteger(r.width) && r.width >= 1 ? [{ url: rUrl, width: r.width }] : [];
  });
  return defined({
    url,
    thumb: httpUrl(image.thumbUrl, site),
    alt: feedLine(image.alt),
    caption: feedLine(image.caption),
    credit: feedLine(image.credit),
    width: size(image.width),
    height: size(image.height),
    srcset: srcset?.length ? srcset : undefined,
  });
}

function item(a: ArticleSummary, site: FeedSite): JsonFeedItem {
  const url = articleHref(site, a);
  const external = httpUrl(a.url, site);
  const image = a.image && newsImage(a.image, site);
  const wide = image?.width !== undefined && image.height !== undefined && image.width > image.height;
  const summary = feedLine(a.standfirst);
  const authors = bylineNames(a).map((name) => ({ name }));
  const tags = articleTags(a);
  const news = defined({
    category: feedLine(a.category?.name),
    dateline: feedLine(a.dateline),
    source: feedLine(a.source),
    image,
  });
  return defined({
    id: a.id,
    url,
    external_url: external !== url ? external : undefined,
    title: feedLine(a.headline),
    summary,
    // One of content_text and content_html must be present (spec); a body-less item says its standfirst.
    content_text: contentText(a.bodyText) || summary || '',
    image: image?.url,
    banner_image: wide ? image.url : undefined,
    date_published: rfc3339(timeOf(a.datePublished)),
    date_modified: rfc3339(timeOf(a.dateModified)),
    authors: authors.length ? authors : undefined,
    tags: tags.length ? tags : undefined,
    language: feedLine(a.language),
    _news: Object.keys(news).length ? news : undefined,
  });
}

/**
 * The newest `limit` articles as a JSON Feed 1.1 object, for the server to serve at
 * {@link FEED_PATHS.jsonFeed} with `application/feed+json`. Undated articles stay in, without
 * dates; `articles` is the merged list, newest first.
 */
export function jsonFeed(
  articles: readonly ArticleSummary[],
  site: FeedSite,
  { limit = DEFAULT_FEED_LIMIT }: { limit?: number } = {},
): JsonFeed {
  return defined({
    version: JSON_FEED_VERSION,
    title: feedLine(site.siteName) ?? '',
    home_page_url: siteHref(site, '/'),
    feed_url: siteHref(site, FEED_PATHS.jsonFeed),
    description: feedLine(site.description),
    language: feedLine(site.language),
    icon: httpUrl(site.iconUrl, site),
    items: feedArticles(articles, limit).map((a) => item(a, site)),
  });
}
