import * as v from 'valibot';
import type { ArticleImage, ArticleSummary } from '../types/article.ts';
import type { SourceConfig } from '../types/config.ts';
import { FeedError } from '../lib/errors.ts';
import { slices } from '../lib/yield.ts';
import {
  clip,
  decodeEntities,
  escapeHtml,
  htmlToText,
  inlineText,
  slugify,
  textToParagraphs,
} from '../lib/text.ts';
import { firstWords, isoDate, resolveUrl, safeHttpUrl } from './normalize.ts';

/*
 * Reading a JSON Feed 1.1 (and 1.0) document with the `_news` item extension, validated with valibot.
 * A chunk of its own, downloaded while the feed itself is (jsonfeed.ts): a served or prerendered
 * page carries its first articles already read, so its first screen does not need this code.
 * Optional fields of the wrong type are dropped (v.fallback) rather than failing the item:
 * one odd field must not cost the reader an article. Raw types stay in this file.
 */
const optionalText = v.fallback(v.optional(v.string()), undefined);
const optionalNumber = v.fallback(v.optional(v.pipe(v.number(), v.finite(), v.minValue(1))), undefined);
const AuthorSchema = v.fallback(v.optional(v.looseObject({ name: optionalText })), undefined);

const NewsImageSchema = v.looseObject({
  url: v.string(),
  thumb: optionalText,
  alt: optionalText,
  caption: optionalText,
  credit: optionalText,
  width: optionalNumber,
  height: optionalNumber,
  srcset: v.fallback(
    v.optional(
      v.array(v.looseObject({ url: v.string(), width: v.pipe(v.number(), v.integer(), v.minValue(1)) })),
    ),
    undefined,
  ),
});

const ItemSchema = v.looseObject({
  id: v.fallback(v.optional(v.union([v.string(), v.number()])), undefined),
  url: optionalText,
  external_url: optionalText,
  title: optionalText,
  content_html: optionalText,
  content_text: optionalText,
  summary: optionalText,
  image: optionalText,
  banner_image: optionalText,
  date_published: optionalText,
  date_modified: optionalText,
  authors: v.fallback(v.optional(v.array(v.fallback(v.looseObject({ name: optionalText }), {}))), undefined),
  author: AuthorSchema,
  tags: v.fallback(v.optional(v.array(v.fallback(v.string(), ''))), undefined),
  language: optionalText,
  _news: v.fallback(
    v.optional(
      v.looseObject({
        category: optionalText,
        dateline: optionalText,
        source: optionalText,
        image: v.fallback(v.optional(NewsImageSchema), undefined),
      }),
    ),
    undefined,
  ),
});
type RawItem = v.InferOutput<typeof ItemSchema>;

const FeedSchema = v.looseObject({
  version: optionalText,
  title: optionalText,
  language: optionalText,
  next_url: optionalText,
  authors: v.fallback(v.optional(v.array(v.fallback(v.looseObject({ name: optionalText }), {}))), undefined),
  author: AuthorSchema,
  items: v.array(v.unknown()),
});

export interface ParsedPage {
  title?: string;
  articles: ArticleSummary[];
  skipped: number;
  nextUrl?: string;
}

/** Parse one JSON Feed document (already JSON-decoded). Throws FeedError('shape') when it is not a feed. */
export function parseJsonFeed(
  data: unknown,
  feedUrl: string,
  source: Pick<SourceConfig, 'id' | 'name'>,
): ParsedPage {
  const { steps, page } = readFeed(data, feedUrl, source);
  for (const _ of steps);
  return page;
}

/**
 * {@link parseJsonFeed} in slices of a few milliseconds, yielding to the browser in between: the
 * reader's own loads use it, so a feed of thousands of items never freezes a phone's page, and
 * even a short feed stays out of the long tasks Lighthouse counts.
 */
export async function parseJsonFeedInSlices(
  data: unknown,
  feedUrl: string,
  source: Pick<SourceConfig, 'id' | 'name'>,
  signal?: AbortSignal,
): Promise<ParsedPage> {
  const clock = slices();
  const { steps, page } = readFeed(data, feedUrl, source);
  for (const _ of steps) {
    if (!clock.due()) continue;
    await clock.pause();
    signal?.throwIfAborted(); // the query was cancelled (the reader left): stop working for it
  }
  return page;
}

/**
 * Validate the feed's shape at once (FeedError('shape') if it is not a feed), then its items one
 * step at a time: each step adds an article to `page`, or counts a skipped item.
 */
function readFeed(data: unknown, feedUrl: string, source: Pick<SourceConfig, 'id' | 'name'>) {
  const feed = v.safeParse(FeedSchema, data);
  if (!feed.success) {
    const what = Array.isArray(data) ? 'a list' : data === null ? 'null' : typeof data;
    const message =
      typeof data === 'object' && data !== null && !Array.isArray(data)
        ? 'This is JSON but not a JSON Feed: it has no "items" list'
        : `This is JSON but not a JSON Feed: expected an object with "items", got ${what}`;
    throw new FeedError('shape', feedUrl, message);
  }
  const f = feed.output;
  const feedAuthors = authorNames(f.authors, f.author);
  const page: ParsedPage = {
    title: f.title,
    articles: [],
    skipped: 0,
    nextUrl: resolveUrl(f.next_url, feedUrl),
  };
  function* steps(): Generator<void> {
    for (const rawItem of f.items) {
      const item = v.safeParse(ItemSchema, rawItem);
      const article = item.success
        ? toSummary(item.output, feedUrl, source, f.language, feedAuthors)
        : undefined;
      if (article) page.articles.push(article);
      else page.skipped++;
      yield;
    }
  }
  return { steps: steps(), page };
}

/**
 * Longest text we keep per field. Real values are far shorter; these stop a broken or hostile
 * feed from turning one field into megabytes of heading, index and layout work.
 */
const MAX = {
  id: 2048,
  headline: 300,
  standfirst: 600,
  caption: 600,
  alt: 400,
  short: 120,
  name: 120,
  tag: 80,
  authors: 20,
  tags: 50,
};

/** One-line text of an optional field that may arrive as HTML (the `_news` extension's), clipped; undefined when empty. */
function field(value: string | undefined, max: number): string | undefined {
  return value ? clip(inlineText(value), max) || undefined : undefined;
}

/**
 * One-line text of a field the JSON Feed spec says is plain text (title, summary, a name): never
 * read as HTML, so "Die Rückkehr von <i> und <b>" keeps its words (React escapes it). Character
 * references are still decoded once, because CMS plugins send `&#8217;` in them (decision 077).
 */
function plainText(value: string | undefined, max: number): string | undefined {
  return value ? clip(decodeEntities(value).replace(/\s+/g, ' ').trim(), max) || undefined : undefined;
}

function toSummary(
  item: RawItem,
  feedUrl: string,
  source: Pick<SourceConfig, 'id' | 'name'>,
  feedLanguage: string | undefined,
  feedAuthors: string[],
): ArticleSummary | undefined {
  const id = item.id !== undefined && String(item.id).trim() ? String(item.id).trim() : item.url?.trim();
  if (!id || id.length > MAX.id) return undefined;

  const html = item.content_html?.trim();
  const plain = item.content_text?.trim();
  const untrustedBodyHtml =
    html ||
    (plain
      ? textToParagraphs(plain)
          .map((p) => `<p>${escapeHtml(p)}</p>`)
          .join('')
      : '');
  const bodyText = html ? htmlToText(html) : plain ? textToParagraphs(plain).join('\n') : '';
  const standfirst = plainText(item.summary, MAX.standfirst);
  const headline =
    plainText(item.title, MAX.headline) || clip(firstWords(standfirst || bodyText), MAX.headline);
  if (!headline) return undefined; // nothing to show at all

  const news = item._news;
  const categoryName = field(news?.category, MAX.short);
  const category = categoryName ? { name: categoryName, slug: slugify(categoryName) } : undefined;
  const tags = [
    ...new Set(
      (item.tags ?? [])
        .slice(0, MAX.tags * 2)
        .map((t) => clip(inlineText(t), MAX.tag))
        .filter(Boolean),
    ),
  ].slice(0, MAX.tags);
  const byline = authorNames(item.authors, item.author);

  return {
    id,
    slug: slugify(headline),
    url: safeHttpUrl(item.url, feedUrl) ?? safeHttpUrl(item.external_url, feedUrl),
    headline,
    standfirst,
    bodyText,
    untrustedBodyHtml,
    datePublished: isoDate(item.date_published),
    dateModified: isoDate(item.date_modified),
    byline: byline.length ? byline : feedAuthors,
    dateline: field(news?.dateline, MAX.short),
    category,
    tags,
    language: languageTag(item.language) ?? languageTag(feedLanguage),
    image: toImage(item, feedUrl),
    source: field(news?.source, MAX.short) || source.name,
    sourceId: source.id,
  };
}

function toImage(item: RawItem, feedUrl: string): ArticleImage | undefined {
  const n = item._news?.image;
  const url =
    imageUrl(n?.url, feedUrl) ?? imageUrl(item.image, feedUrl) ?? imageUrl(item.banner_image, feedUrl);
  if (!url) return undefined;
  return {
    url,
    thumbUrl: imageUrl(n?.thumb, feedUrl),
    alt: field(n?.alt, MAX.alt) ?? '',
    caption: field(n?.caption, MAX.caption),
    credit: field(n?.credit, MAX.short),
    width: n?.width,
    height: n?.height,
    renditions: n?.srcset?.flatMap((r) => {
      const rUrl = safeHttpUrl(r.url, feedUrl);
      return rUrl ? [{ url: rUrl, width: r.width }] : [];
    }),
  };
}

function authorNames(
  authors: { name?: string }[] | undefined,
  author: { name?: string } | undefined,
): string[] {
  const list = authors ?? (author ? [author] : []);
  return list
    .slice(0, MAX.authors)
    .map((a) => plainText(a.name, MAX.name))
    .filter((name): name is string => Boolean(name));
}

/**
 * A well-formed BCP 47 tag in canonical case, or undefined: the language goes into `lang`
 * attributes and Intl APIs (Intl.DisplayNames#of throws a RangeError on a malformed tag).
 */
function languageTag(value: string | undefined): string | undefined {
  const tag = value?.trim();
  if (!tag || tag.length > 35) return undefined;
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * An image address: http(s) only, and plain http only on the feed's own host. Elsewhere it is
 * asked for over https: the reader's CSP (img-src 'self' https:) would block it otherwise, and
 * browsers upgrade such mixed content on https pages anyway.
 */
function imageUrl(value: string | undefined, feedUrl: string): string | undefined {
  const href = safeHttpUrl(value, feedUrl);
  if (!href?.startsWith('http:')) return href;
  const url = new URL(href);
  if (url.host === new URL(feedUrl).host) return href;
  url.protocol = 'https:';
  return url.href;
}
