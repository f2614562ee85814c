import * as v from 'valibot';
import type { ArticleImage, ArticleSummary } from '../types/article.ts';
import type { SourceConfig } from '../types/config.ts';
import { CAPABILITIES } from './capabilities.ts';
import type { SourceAdapter, SourceLoadResult, SourcePage } from './source-adapter.ts';
import { FeedError } from '../lib/errors.ts';
import { fetchJson } from '../lib/http.ts';
import { inlineText, slugify } from '../lib/text.ts';
import { parseJsonFeed } from './jsonfeed.ts';
import { safeHttpUrl } from './normalize.ts';

/*
 * A static archive written by `npm run archive` (scripts/archive): plain files on any static host.
 *   manifest.json            listing page 1 (a JSON Feed) + `_archive`: total, page size, categories
 *   pages/N.json             listing page N (`next_url` chains them)
 *   categories/SLUG/N.json   one category's listing pages
 *   articles/ID.json         one article with its body (a JSON Feed of one item)
 *   pagefind/                Pagefind's chunked search index (pagefind.js loads what a query needs)
 * The reader downloads the manifest for the front page, one file per further page or article, and
 * a few index chunks per search: never the archive.
 */
const ManifestSchema = v.looseObject({
  next_url: v.fallback(v.optional(v.string()), undefined),
  _archive: v.looseObject({
    version: v.literal(1),
    total: v.number(),
    pageSize: v.number(),
    categories: v.fallback(
      v.array(v.looseObject({ name: v.string(), slug: v.string(), count: v.number() })),
      [],
    ),
    search: v.fallback(v.optional(v.string()), undefined),
  }),
});
export type ArchiveManifest = v.InferOutput<typeof ManifestSchema>['_archive'];

/** Archive ids are file names the archiver chose: anything else cannot name a file and is not fetched. */
const ARCHIVE_ID = /^[A-Za-z0-9_-]{1,120}$/;

async function loadListing(source: SourceConfig, url: string, signal?: AbortSignal, timeoutMs?: number) {
  const { data } = await fetchJson(url, { signal, timeoutMs });
  return parseJsonFeed(data, url, source);
}

/** The manifest (front page): its articles and the archive's description. */
export async function loadArchiveManifest(source: SourceConfig, options: { signal?: AbortSignal; timeoutMs?: number } = {}) {
  const { data } = await fetchJson(source.url, options);
  const manifest = v.safeParse(ManifestSchema, data);
  if (!manifest.success) {
    throw new FeedError('shape', source.url, 'This is not an archive manifest (made by `npm run archive`): it has no "_archive" section');
  }
  const page = parseJsonFeed(data, source.url, source);
  return { page, archive: manifest.output._archive };
}

/** Pagefind's result: a URL to the fragment and a `data()` that fetches it. */
interface PagefindResult {
  id: string;
  data: () => Promise<{ url: string; meta: Record<string, string | undefined>; excerpt: string }>;
}
interface Pagefind {
  options?: (o: Record<string, unknown>) => Promise<void>;
  init?: () => Promise<void>;
  search: (query: string, options?: Record<string, unknown>) => Promise<{ results: PagefindResult[] } | null>;
}
const pagefinds = new Map<string, Promise<Pagefind>>();

/**
 * Load pagefind.js from the archive at run time. The URL is only known from config.json, so the
 * bundler must leave this import alone (`@vite-ignore`); it is same-origin or CORS-enabled script.
 */
function loadPagefind(searchUrl: string): Promise<Pagefind> {
  let loading = pagefinds.get(searchUrl);
  if (!loading) {
    loading = (import(/* @vite-ignore */ new URL('pagefind.js', searchUrl).href) as Promise<Pagefind>).then(async (pf) => {
      await pf.options?.({ basePath: searchUrl, excerptLength: 30 });
      return pf;
    });
    loading.catch(() => pagefinds.delete(searchUrl));
    pagefinds.set(searchUrl, loading);
  }
  return loading;
}

/** A list entry from a Pagefind record's meta (the archiver stores what a card needs there). */
function fromMeta(meta: Record<string, string | undefined>, source: SourceConfig, base: string): ArticleSummary | undefined {
  const id = meta.id;
  const headline = meta.title ? inlineText(meta.title) : '';
  if (!id || !headline) return undefined;
  const image: ArticleImage | undefined = meta.image
    ? { url: safeHttpUrl(meta.image, base) ?? '', alt: meta.image_alt ?? '' }
    : undefined;
  return {
    id,
    slug: slugify(headline),
    headline,
    standfirst: meta.standfirst || undefined,
    bodyText: meta.standfirst ?? '',
    datePublished: meta.date || undefined,
    byline: [],
    category: meta.category ? { name: meta.category, slug: meta.category_slug ?? slugify(meta.category) } : undefined,
    tags: [],
    language: meta.language || undefined,
    image: image?.url ? image : undefined,
    source: source.name,
    sourceId: source.id,
  };
}

export const archiveAdapter: SourceAdapter = {
  type: 'archive',
  capabilities: CAPABILITIES.archive,

  async loadList(source, { signal, timeoutMs } = {}): Promise<SourceLoadResult> {
    const { page, archive } = await loadArchiveManifest(source, { signal, timeoutMs });
    return {
      sourceId: source.id,
      title: page.title,
      articles: page.articles,
      skipped: page.skipped,
      duplicates: 0,
      pages: 1,
      total: archive.total,
      nextUrl: page.nextUrl,
    };
  },

  async loadListPage(source, page, { signal, timeoutMs } = {}): Promise<SourcePage> {
    if (page <= 1) {
      const { page: first, archive } = await loadArchiveManifest(source, { signal, timeoutMs });
      const totalPages = Math.ceil(archive.total / archive.pageSize);
      return { articles: first.articles, total: archive.total, totalPages, hasMore: Boolean(first.nextUrl) };
    }
    const listing = await loadListing(source, new URL(`pages/${page}.json`, source.url).href, signal, timeoutMs);
    return { articles: listing.articles, hasMore: Boolean(listing.nextUrl) };
  },

  async loadArticle(source, id, { signal, timeoutMs } = {}) {
    if (!ARCHIVE_ID.test(id)) return undefined;
    const url = new URL(`articles/${id}.json`, source.url).href;
    try {
      const page = await loadListing(source, url, signal, timeoutMs);
      return page.articles[0];
    } catch (error) {
      if (error instanceof FeedError && error.kind === 'http' && error.status === 404) return undefined;
      throw error;
    }
  },

  async loadCategory(source, slug, { page = 1, signal, timeoutMs } = {}) {
    const { archive } = await loadArchiveManifest(source, { signal, timeoutMs });
    const category = archive.categories.find((c) => c.slug === slug);
    if (!category) return undefined;
    const url = new URL(`categories/${encodeURIComponent(slug)}/${page}.json`, source.url).href;
    const listing = await loadListing(source, url, signal, timeoutMs);
    return {
      name: category.name,
      articles: listing.articles,
      total: category.count,
      totalPages: Math.ceil(category.count / archive.pageSize),
    };
  },

  prepareSearch(source) {
    void loadPagefind(new URL('pagefind/', source.url).href)
      .then((pf) => pf.init?.())
      .catch(() => undefined); // the query will report it
  },

  async search(source, query, { page = 1, perPage = 10, segmented } = {}): Promise<SourcePage> {
    const searchUrl = new URL('pagefind/', source.url).href;
    const pagefind = await loadPagefind(searchUrl);
    // Pagefind splits on spaces only: Lao and Thai queries arrive pre-segmented by our tokenizer,
    // exactly as the archiver segmented the documents.
    const found = await pagefind.search(segmented ?? query, { sort: undefined });
    const results = found?.results ?? [];
    const slice = results.slice((page - 1) * perPage, page * perPage);
    // Only the fragments of the shown page are fetched.
    const data = await Promise.all(slice.map((r) => r.data()));
    const articles = data.flatMap((d) => {
      const a = fromMeta(d.meta, source, searchUrl);
      return a ? [a] : [];
    });
    return { articles, total: results.length, totalPages: Math.ceil(results.length / perPage) };
  },
};
