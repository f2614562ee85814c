import * as v from 'valibot';
import type { ArticleImage, ArticleSummary } from '../types/article.ts';
import type { SourceConfig } from '../types/config.ts';
import type { LoadOptions, SourceAdapter, SourceLoadResult } from './source-adapter.ts';
import { FeedError } from '../lib/errors.ts';
import { fetchJson } from '../lib/http.ts';
import { escapeHtml, htmlToText, inlineText, slugify, textToParagraphs } from '../lib/text.ts';
import { firstWords, isoDate, resolveUrl, safeHttpUrl } from './normalize.ts';

/*
 * JSON Feed 1.1 (and 1.0) with the `_news` item extension, validated with valibot.
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
  const articles: ArticleSummary[] = [];
  let skipped = 0;
  for (const rawItem of f.items) {
    const item = v.safeParse(ItemSchema, rawItem);
    const article = item.success
      ? toSummary(item.output, feedUrl, source, f.language, feedAuthors)
      : undefined;
    if (article) articles.push(article);
    else skipped++;
  }
  return { title: f.title, articles, skipped, nextUrl: resolveUrl(f.next_url, feedUrl) };
}

function toSummary(
  item: RawItem,
  feedUrl: string,
  source: Pick<SourceConfig, 'id' | 'name'>,
  feedLanguage: string | undefined,
  feedAuthors: string[],
): ArticleSummary | undefined {
  const id = item.id !== undefined && String(item.id).trim() ? String(item.id).trim() : item.url?.trim();
  if (!id) return undefined;

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
  const standfirst = item.summary ? inlineText(item.summary) || undefined : undefined;
  const headline = (item.title ? inlineText(item.title) : '') || firstWords(standfirst || bodyText);
  if (!headline) return undefined; // nothing to show at all

  const news = item._news;
  const category = news?.category?.trim()
    ? { name: news.category.trim(), slug: slugify(news.category) }
    : undefined;
  const tags = [...new Set((item.tags ?? []).map((t) => inlineText(t)).filter(Boolean))];
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
    dateline: news?.dateline?.trim() || undefined,
    category,
    tags,
    language: item.language?.trim() || feedLanguage?.trim() || undefined,
    image: toImage(item, feedUrl),
    source: news?.source?.trim() || source.name,
    sourceId: source.id,
  };
}

function toImage(item: RawItem, feedUrl: string): ArticleImage | undefined {
  const n = item._news?.image;
  const url =
    safeHttpUrl(n?.url, feedUrl) ??
    safeHttpUrl(item.image, feedUrl) ??
    safeHttpUrl(item.banner_image, feedUrl);
  if (!url) return undefined;
  return {
    url,
    thumbUrl: safeHttpUrl(n?.thumb, feedUrl),
    alt: n?.alt ? inlineText(n.alt) : '',
    caption: n?.caption ? inlineText(n.caption) || undefined : undefined,
    credit: n?.credit ? inlineText(n.credit) || undefined : undefined,
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
  return list.map((a) => (a.name ? inlineText(a.name) : '')).filter(Boolean);
}

/** Newest first; undated articles last, in feed order (Array.prototype.sort is stable). */
export function byNewest(a: ArticleSummary, b: ArticleSummary): number {
  if (a.datePublished === b.datePublished) return 0;
  if (!a.datePublished) return 1;
  if (!b.datePublished) return -1;
  return a.datePublished < b.datePublished ? 1 : -1;
}

/**
 * Merge articles that share an id, keeping the most recently modified version: feeds repeat an
 * item when it is updated, and a repeated id must not show twice or break React keys.
 */
export function mergeDuplicates(articles: ArticleSummary[]): {
  articles: ArticleSummary[];
  duplicates: number;
} {
  const byId = new Map<string, ArticleSummary>();
  let duplicates = 0;
  for (const a of articles) {
    const seen = byId.get(a.id);
    if (!seen) {
      byId.set(a.id, a);
      continue;
    }
    duplicates++;
    const newer = (a.dateModified ?? a.datePublished ?? '') > (seen.dateModified ?? seen.datePublished ?? '');
    if (newer) byId.set(a.id, a);
  }
  return { articles: [...byId.values()], duplicates };
}

/**
 * Load a JSON Feed source, following `next_url` up to `maxPages`. A failure on a later page keeps
 * what earlier pages gave (reported as `partialError`); a failure on the first page throws.
 */
export async function loadJsonFeed(
  source: SourceConfig,
  { signal, timeoutMs }: LoadOptions = {},
): Promise<SourceLoadResult> {
  const all: ArticleSummary[] = [];
  const visited = new Set<string>();
  let url: string | undefined = source.url;
  let skipped = 0;
  let pages = 0;
  let title: string | undefined;
  let partialError: FeedError | undefined;
  while (url && !visited.has(url) && pages < source.maxPages) {
    visited.add(url);
    try {
      const { data } = await fetchJson(url, { signal, timeoutMs });
      const page = parseJsonFeed(data, url, source);
      title ??= page.title;
      all.push(...page.articles);
      skipped += page.skipped;
      url = page.nextUrl;
      pages++;
    } catch (error) {
      if (pages === 0 || !(error instanceof FeedError)) throw error;
      partialError = error;
      break;
    }
  }
  const { articles, duplicates } = mergeDuplicates(all);
  articles.sort(byNewest);
  if (skipped > 0 || duplicates > 0) {
    console.warn(
      `[news] ${source.url}: ${skipped} invalid item(s) skipped, ${duplicates} duplicate id(s) merged`,
    );
  }
  return { sourceId: source.id, title, articles, skipped, duplicates, partialError, pages };
}

/** JSON Feed 1.0/1.1: every page up to `maxPages` is read; search and categories run in the reader. */
export const jsonFeedAdapter: SourceAdapter = {
  type: 'jsonfeed',
  capabilities: { serverSearch: false, categories: false, paging: false },
  loadList: loadJsonFeed,
};
