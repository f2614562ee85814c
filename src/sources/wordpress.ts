import * as v from 'valibot';
import type { ArticleImage, ArticleSummary } from '../types/article.ts';
import type { SourceConfig } from '../types/config.ts';
import { CAPABILITIES } from './capabilities.ts';
import type { LoadOptions, PageOptions, SourceAdapter, SourceLoadResult, SourcePage } from './source-adapter.ts';
import { FeedError } from '../lib/errors.ts';
import { fetchJson } from '../lib/http.ts';
import { htmlToText, inlineText, slugify } from '../lib/text.ts';
import { firstWords, isoDate, safeHttpUrl } from './normalize.ts';

/*
 * WordPress REST API v2 (`/wp-json/wp/v2/posts?_embed`). One request per page brings the posts
 * with their author, terms and featured image embedded. Titles, excerpts and captions arrive as
 * HTML with entities (`&#8217;`): they become plain text here, once.
 */
const text = v.fallback(v.optional(v.string()), undefined);
const Rendered = v.fallback(v.optional(v.looseObject({ rendered: text })), undefined);
const SizeSchema = v.looseObject({
  source_url: v.string(),
  width: v.fallback(v.optional(v.number()), undefined),
  height: v.fallback(v.optional(v.number()), undefined),
});
const MediaSchema = v.looseObject({
  source_url: text,
  alt_text: text,
  caption: Rendered,
  media_details: v.fallback(
    v.optional(
      v.looseObject({
        width: v.fallback(v.optional(v.number()), undefined),
        height: v.fallback(v.optional(v.number()), undefined),
        sizes: v.fallback(v.optional(v.record(v.string(), v.fallback(v.optional(SizeSchema), undefined))), undefined),
      }),
    ),
    undefined,
  ),
});
const TermSchema = v.looseObject({ id: v.number(), name: v.string(), slug: text, taxonomy: text });
const PostSchema = v.looseObject({
  id: v.number(),
  date: text,
  date_gmt: text,
  modified_gmt: text,
  link: text,
  slug: text,
  title: Rendered,
  excerpt: Rendered,
  content: Rendered,
  _embedded: v.fallback(
    v.optional(
      v.looseObject({
        author: v.fallback(v.optional(v.array(v.fallback(v.looseObject({ name: text }), {}))), undefined),
        'wp:term': v.fallback(
          v.optional(v.array(v.fallback(v.array(v.fallback(v.optional(TermSchema), undefined)), []))),
          undefined,
        ),
        'wp:featuredmedia': v.fallback(v.optional(v.array(v.unknown())), undefined),
      }),
    ),
    undefined,
  ),
});
type WpPost = v.InferOutput<typeof PostSchema>;

/** Posts per request when the configuration says nothing (WordPress allows at most 100). */
const DEFAULT_PER_PAGE = 50;

/** The site's home URL without a trailing slash: `https://news.example/` → `https://news.example`. */
function siteBase(source: SourceConfig): string {
  return source.url.replace(/\/+$/, '').replace(/\/wp-json$/, '');
}

/** Sites found to have plain permalinks at run time: their API lives at `?rest_route=`. */
const plainSites = new Set<string>();

/** The URL of a REST route with its parameters, pretty (`/wp-json/…`) or plain (`?rest_route=…`). */
export function wpApiUrl(source: SourceConfig, route: string, params: Record<string, string | number>): string {
  const base = siteBase(source);
  return source.permalinks === 'plain' || plainSites.has(base)
    ? plainApiUrl(base, route, params)
    : `${base}/wp-json${route}?${queryString(params)}`;
}

function plainApiUrl(base: string, route: string, params: Record<string, string | number>): string {
  return `${base}/?${queryString({ rest_route: route })}&${queryString(params)}`;
}

function queryString(params: Record<string, string | number>): string {
  return new URLSearchParams(Object.fromEntries(Object.entries(params).map(([k, val]) => [k, String(val)]))).toString();
}

/**
 * GET a route. A site without pretty permalinks answers `/wp-json/…` with its HTML 404 page:
 * then the same request goes to `?rest_route=`, and the site is remembered as plain.
 */
async function wpGet(source: SourceConfig, route: string, params: Record<string, string | number>, options: LoadOptions) {
  const url = wpApiUrl(source, route, params);
  try {
    return await fetchJson(url, options);
  } catch (error) {
    const base = siteBase(source);
    const pretty = source.permalinks !== 'plain' && !plainSites.has(base);
    if (pretty && error instanceof FeedError && (error.kind === 'not-json' || (error.kind === 'http' && error.status === 404))) {
      try {
        const result = await fetchJson(plainApiUrl(base, route, params), options);
        plainSites.add(base);
        return result;
      } catch {
        throw error; // report the first failure: it names the URL the operator configured
      }
    }
    throw explainNetworkError(error, url);
  }
}

/**
 * A browser reports a CORS refusal exactly like an unreachable server (a bare TypeError), so the
 * message names the site and both causes: the operator can tell which site to check.
 */
export function explainNetworkError(error: unknown, url: string): unknown {
  if (!(error instanceof FeedError) || error.kind !== 'network') return error;
  const target = new URL(url);
  // Read through globalThis: the archiver runs this module in Node, where there is no location.
  const here = (globalThis as { location?: { origin: string } }).location?.origin;
  if (here === target.origin) return error;
  return new FeedError(
    'network',
    url,
    `${target.host} could not be reached: the site is unreachable, or it does not allow this reader's origin (CORS).`,
    undefined,
    { cause: error },
  );
}

function totals(response: Response): { total?: number; totalPages?: number } {
  const total = Number(response.headers.get('X-WP-Total'));
  const totalPages = Number(response.headers.get('X-WP-TotalPages'));
  return {
    total: response.headers.has('X-WP-Total') && Number.isFinite(total) ? total : undefined,
    totalPages: response.headers.has('X-WP-TotalPages') && Number.isFinite(totalPages) ? totalPages : undefined,
  };
}

/** Map one page of `/wp/v2/posts?_embed` to articles; invalid posts are counted, not thrown. */
export function parseWpPosts(
  data: unknown,
  url: string,
  source: Pick<SourceConfig, 'id' | 'name'>,
): { articles: ArticleSummary[]; skipped: number } {
  if (!Array.isArray(data)) {
    throw new FeedError('shape', url, 'This is JSON but not a list of WordPress posts');
  }
  const articles: ArticleSummary[] = [];
  let skipped = 0;
  for (const raw of data) {
    const post = v.safeParse(PostSchema, raw);
    const article = post.success ? toSummary(post.output, url, source) : undefined;
    if (article) articles.push(article);
    else skipped++;
  }
  return { articles, skipped };
}

function toSummary(post: WpPost, url: string, source: Pick<SourceConfig, 'id' | 'name'>): ArticleSummary | undefined {
  const html = post.content?.rendered?.trim() ?? '';
  const bodyText = htmlToText(html);
  const standfirst = post.excerpt?.rendered ? inlineText(post.excerpt.rendered) || undefined : undefined;
  const headline = inlineText(post.title?.rendered ?? '') || firstWords(standfirst ?? bodyText);
  if (!headline) return undefined;
  const terms = (post._embedded?.['wp:term'] ?? []).flat().filter((t) => t !== undefined);
  const categories = terms.filter((t) => t.taxonomy === 'category');
  // "Uncategorized" is WordPress's placeholder, not a section an editor chose.
  const category = categories.find((c) => c.slug !== 'uncategorized') ?? categories[0];
  const categoryName = category ? inlineText(category.name) : '';
  return {
    id: String(post.id),
    slug: post.slug ? decodeSlug(post.slug) : slugify(headline),
    url: safeHttpUrl(post.link, url),
    headline,
    standfirst,
    bodyText,
    untrustedBodyHtml: html,
    // date_gmt has no offset but is UTC; `date` is the site's local time.
    datePublished: isoDate(post.date_gmt ? `${post.date_gmt}Z` : post.date),
    dateModified: isoDate(post.modified_gmt ? `${post.modified_gmt}Z` : undefined),
    byline: (post._embedded?.author ?? []).map((a) => (a.name ? inlineText(a.name) : '')).filter(Boolean),
    category: categoryName ? { name: categoryName, slug: category?.slug ?? slugify(categoryName) } : undefined,
    tags: terms.filter((t) => t.taxonomy === 'post_tag').map((t) => inlineText(t.name)),
    image: toImage(post._embedded?.['wp:featuredmedia']?.[0], url),
    source: source.name,
    sourceId: source.id,
  };
}

function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

/** The featured image: every size for `srcset`, `source_url` alone when `media_details` is empty. */
function toImage(raw: unknown, base: string): ArticleImage | undefined {
  const media = v.safeParse(MediaSchema, raw);
  if (!media.success) return undefined; // absent, or an embedded error such as rest_forbidden
  const m = media.output;
  const url = safeHttpUrl(m.source_url, base);
  if (!url) return undefined;
  const sizes = Object.values(m.media_details?.sizes ?? {}).flatMap((s) => {
    const sUrl = s ? safeHttpUrl(s.source_url, base) : undefined;
    return s && sUrl && s.width ? [{ url: sUrl, width: s.width, height: s.height }] : [];
  });
  const renditions = [...new Map(sizes.map((s) => [s.width, s])).values()].sort((a, b) => a.width - b.width);
  // Cards show about 300 CSS px: the smallest size at least that wide that is not a square crop.
  const thumb = renditions.find((r) => r.width >= 300 && r.height !== r.width) ?? renditions.at(-1);
  const largest = renditions.at(-1);
  return {
    url,
    thumbUrl: thumb?.url,
    renditions: renditions.length ? renditions.map(({ url: u, width }) => ({ url: u, width })) : undefined,
    alt: m.alt_text ? inlineText(m.alt_text) : '',
    caption: m.caption?.rendered ? inlineText(m.caption.rendered) || undefined : undefined,
    width: m.media_details?.width ?? largest?.width,
    height: m.media_details?.height ?? largest?.height,
  };
}

/** The parameters of a list of posts: with their author, terms and featured image embedded. */
function postsParams(params: Record<string, string | number>): Record<string, string | number> {
  return { _embed: 1, ...params };
}

/** Page N of the latest posts, as `loadList` and `loadListPage` ask for it. */
function latestParams(source: SourceConfig, page: number): Record<string, string | number> {
  return { per_page: source.perPage ?? DEFAULT_PER_PAGE, page };
}

async function loadPostsPage(
  source: SourceConfig,
  params: Record<string, string | number>,
  options: LoadOptions,
): Promise<{ articles: ArticleSummary[]; skipped: number; total?: number; totalPages?: number }> {
  const { data, response } = await wpGet(source, '/wp/v2/posts', postsParams(params), options);
  return { ...parseWpPosts(data, response.url || source.url, source), ...totals(response) };
}

/** The WordPress REST API v2 adapter: latest posts, server-side search. */
export const wordpressAdapter: SourceAdapter = {
  type: 'wordpress',
  capabilities: CAPABILITIES.wordpress,

  // The REST API's first page of posts, not the site's home page (an HTML page without CORS).
  listUrl: (source) => wpApiUrl(source, '/wp/v2/posts', postsParams(latestParams(source, 1))),

  async loadList(source, options = {}): Promise<SourceLoadResult> {
    const perPage = source.perPage ?? DEFAULT_PER_PAGE;
    const articles: ArticleSummary[] = [];
    let skipped = 0;
    let pages = 0;
    let total: number | undefined;
    let partialError: FeedError | undefined;
    for (let page = 1; page <= source.maxPages; page++) {
      try {
        const result = await loadPostsPage(source, latestParams(source, page), options);
        articles.push(...result.articles);
        skipped += result.skipped;
        total ??= result.total;
        pages++;
        if (result.totalPages !== undefined ? page >= result.totalPages : result.articles.length < perPage) break;
      } catch (error) {
        if (pages === 0 || !(error instanceof FeedError)) throw error;
        partialError = error;
        break;
      }
    }
    return { sourceId: source.id, articles, skipped, duplicates: 0, pages, partialError, total };
  },

  async loadListPage(source, page, options = {}): Promise<SourcePage> {
    const perPage = source.perPage ?? DEFAULT_PER_PAGE;
    const result = await loadPostsPage(source, latestParams(source, page), options);
    const hasMore = result.totalPages !== undefined ? page < result.totalPages : result.articles.length === perPage;
    return { articles: result.articles, total: result.total, totalPages: result.totalPages, hasMore };
  },

  async loadArticle(source, id, options = {}) {
    if (!/^\d+$/.test(id)) return undefined;
    const result = await loadPostsPage(source, { include: id }, options);
    return result.articles[0];
  },

  async search(source, query, { page = 1, perPage, ...options } = {}): Promise<SourcePage> {
    const result = await loadPostsPage(
      source,
      { search: query, per_page: perPage ?? source.perPage ?? DEFAULT_PER_PAGE, page },
      options,
    );
    return { articles: result.articles, total: result.total, totalPages: result.totalPages };
  },

  loadCategory: (source, slug, options) => loadWordPressCategory(source, slug, options),
};

/**
 * One category's posts: the slug is looked up (`/wp/v2/categories?slug=`), then its posts are
 * listed with `categories=ID`. Undefined when the site has no such category.
 */
export async function loadWordPressCategory(
  source: SourceConfig,
  slug: string,
  { page = 1, perPage, ...options }: PageOptions = {},
): Promise<(SourcePage & { name: string }) | undefined> {
  const { data } = await wpGet(source, '/wp/v2/categories', { slug }, options);
  const term = Array.isArray(data) ? v.safeParse(TermSchema, data[0]) : undefined;
  if (!term?.success) return undefined;
  const result = await loadPostsPage(
    source,
    { categories: term.output.id, per_page: perPage ?? source.perPage ?? DEFAULT_PER_PAGE, page },
    options,
  );
  return { name: inlineText(term.output.name), articles: result.articles, total: result.total, totalPages: result.totalPages };
}
